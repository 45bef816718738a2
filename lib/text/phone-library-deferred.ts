// The background build's libphonenumber-js (wxt.config.ts aliases 'libphonenumber-js/min' and
// lib/text/phone-metadata-ready.ts here): the same functions, with the metadata fetched from the
// extension's own files when first needed instead of parsed at every wake-up of the worker.
// Everything in the background that parses phones awaits phoneMetadataReady() first.
import { parsePhoneNumberFromString as parseWith, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';

export type { CountryCode } from 'libphonenumber-js/core';

/** Where the build puts libphonenumber-js's metadata.min.json. */
export const PHONE_METADATA_FILE = 'phone-metadata.json';

let metadata: MetadataJson | undefined;
let loading: Promise<void> | undefined;

export function phoneMetadataReady(): Promise<void> {
  if (metadata) return Promise.resolve();
  return (loading ??= fetch(`/${PHONE_METADATA_FILE}`)
    .then((r) => r.json() as Promise<MetadataJson>)
    .then((m) => void (metadata = m))
    .finally(() => (loading = undefined)));
}

function loaded(): MetadataJson {
  if (!metadata) throw new Error('Phone metadata is not loaded yet: await phoneMetadataReady() first.');
  return metadata;
}

/** The metadata's countries, written in at build time: settings and onboarding check a country
 * code without waiting for the metadata. */
export function getCountries(): CountryCode[] {
  return [...(import.meta.env.LEADCLIP_PHONE_COUNTRIES as CountryCode[])];
}

export function parsePhoneNumberFromString(text: string, options?: Parameters<typeof parseWith>[1]) {
  return parseWith(text, options as never, loaded());
}
