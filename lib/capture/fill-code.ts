// What filling the form with a found person needs besides the page (issue #13): the Topic code
// and the rep's pattern, the phone formatter and the default country. The popup asks for them as
// soon as it starts (entrypoints/popup/App.tsx), beside the page read; the fill takes them
// (use-capture.ts). Without that head start (the side panel), each capture asks anew, so a
// setting changed in between counts.
import { readDefaultCountry } from './default-country';

/** The Topic code and the rep's pattern. */
export const loadTopics = () =>
  import('./default-topic').then(async (m) => ({ defaultTopic: m.defaultTopic, pattern: await m.readTopicPattern() }));

/** The phone formatter (libphonenumber-js, loaded only when needed) and the default country. */
export const loadPhoneCode = () => Promise.all([import('../text/phone'), readDefaultCountry()]);

type Fetched = { topics: ReturnType<typeof loadTopics>; phone: ReturnType<typeof loadPhoneCode> };
let early: Fetched | undefined;

/** Starts fetching for the fill that follows (the popup's first render). */
export function prefetchFillCode(): void {
  early = { topics: loadTopics(), phone: loadPhoneCode() };
  // A failure shows where the fill awaits it.
  early.topics.catch(() => {});
  early.phone.catch(() => {});
}

/** What the prefetch started, once; else a fresh start. `phone` only for web pages. */
export function takeFillCode(web: boolean): { topics: ReturnType<typeof loadTopics>; phone?: ReturnType<typeof loadPhoneCode> } {
  const fetched = early;
  early = undefined;
  return { topics: fetched?.topics ?? loadTopics(), phone: web ? fetched?.phone ?? loadPhoneCode() : undefined };
}
