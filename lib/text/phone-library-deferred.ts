// The background build's libphonenumber-js (wxt.config.ts aliases 'libphonenumber-js/min' and
// lib/text/phone-metadata-ready.ts here): the same functions, with the library and its metadata
// loaded when a phone is first parsed instead of at every wake-up of the worker (issue #15): the
// code as a chunk of the worker's build (build/service-worker-chunks.ts), the metadata fetched
// from the extension's own files. Everything in the background that parses phones awaits
// phoneMetadataReady() first.
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

export type { CountryCode } from 'libphonenumber-js/core';

/** Where the build puts libphonenumber-js's metadata.min.json. */
export const PHONE_METADATA_FILE = 'phone-metadata.json';

type Library = typeof import('./phone-parse-core');
let loaded: { library: Library; metadata: MetadataJson } | undefined;
let loading: Promise<void> | undefined;

export function phoneMetadataReady(): Promise<void> {
  if (loaded) return Promise.resolve();
  return (loading ??= Promise.all([
    import('./phone-parse-core'),
    fetch(`/${PHONE_METADATA_FILE}`).then((r) => r.json() as Promise<MetadataJson>),
  ])
    .then(([library, metadata]) => void (loaded = { library, metadata }))
    .finally(() => (loading = undefined)));
}

function ready(): NonNullable<typeof loaded> {
  if (!loaded) throw new Error('Phone metadata is not loaded yet: await phoneMetadataReady() first.');
  return loaded;
}

/** The metadata's countries, written in at build time: settings and onboarding check a country
 * code without waiting for the metadata. */
export function getCountries(): CountryCode[] {
  return [...(import.meta.env.LEADCLIP_PHONE_COUNTRIES as CountryCode[])];
}

export function parsePhoneNumberFromString(text: string, options?: Parameters<Library['parsePhoneNumberFromString']>[1]) {
  const { library, metadata } = ready();
  return library.parsePhoneNumberFromString(text, options as never, metadata);
}
