// The Topic a capture proposes (issue #13): what a rep would write, such as "Baltic Cargo – Nordic
// Freight Summit" (the company and what the page is about), never the person's name again.
// The pattern is the rep's setting (storage.local `topicPattern`), read with a plain get so the
// popup's bundle stays small.
import { browser } from '#imports';

export const DEFAULT_TOPIC_PATTERN = '{company} – {page}';
const KEY = 'topicPattern';

export interface TopicContext {
  company?: string;
  name?: string;
  jobtitle?: string;
  /** The page's title, as the browser shows it. */
  pageTitle?: string;
  url?: string;
  now?: Date;
}

// Site names that say nothing about the subject of a profile page.
const PLATFORMS = /^(linkedin|xing|goldenline|facebook|twitter|x|instagram|home|start)$/i;

/** What a page title says the page is about, without the company, the person and the platform. */
export function pageSubject(title: string | undefined, exclude: (string | undefined)[] = []): string | undefined {
  const known = exclude.filter(Boolean).map((s) => s!.toLowerCase());
  const parts = (title ?? '').split(/\s+[|–—·:-]\s+|\s*[|–—·]\s*/).map((p) => p.trim()).filter(Boolean);
  const left = parts.filter((p) => !PLATFORMS.test(p) && !known.some((k) => p.toLowerCase() === k || p.toLowerCase().includes(k)));
  // Titles usually read "Page | Site": the site (an event, a publication) says more than "Speakers".
  return left.sort((a, b) => b.length - a.length)[0];
}

/** Fills the pattern's {company}, {page}, {name}, {title}, {date}, {host}; empty parts and the
 * separators next to them drop out. Falls back to the company, the page and then the site. */
export function defaultTopic(pattern: string, ctx: TopicContext): string {
  const host = ctx.url && /^https?:/.test(ctx.url) ? new URL(ctx.url).hostname.replace(/^www\./, '') : undefined;
  const page = pageSubject(ctx.pageTitle, [ctx.company, ctx.name]);
  const values: Record<string, string | undefined> = {
    company: ctx.company, page, name: ctx.name, title: ctx.jobtitle, host,
    date: (ctx.now ?? new Date()).toISOString().slice(0, 10),
  };
  const filled = pattern
    .replace(/\{(\w+)\}/g, (_, k: string) => `\uE000${values[k] ?? ''}\uE000`)
    // A separator between two placeholders stays only when both sides have text.
    .replace(/\uE000\uE000\s*[–—,|:/-]?\s*(?=\uE000)/g, '\uE000')
    .replace(/(\uE000[^\uE000]+\uE000)\s*[–—,|:/-]?\s*\uE000\uE000/g, '$1')
    .replaceAll('\uE000', '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s–—,|:/-]+|[\s–—,|:/-]+$/g, '');
  return (filled || ctx.company || page || host || '').slice(0, 300);
}

export async function readTopicPattern(): Promise<string> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return typeof stored === 'string' && stored.trim() ? stored.slice(0, 200) : DEFAULT_TOPIC_PATTERN;
}

export async function saveTopicPattern(pattern: string): Promise<void> {
  await browser.storage.local.set({ [KEY]: pattern.trim().slice(0, 200) });
}
