// The popup formats found phone numbers with the pipeline's default country (the options page's
// "Phone numbers" setting, stored by lib/leads/pipeline-settings.ts as local:defaultCountry).
// A plain storage.local read, not WXT's storage helper: the popup's bundle stays small.
import { browser } from '#imports';
import type { CountryCode } from 'libphonenumber-js/min';

const KEY = 'defaultCountry'; // WXT's item 'local:defaultCountry'
const FALLBACK: CountryCode = 'PL';

/** Only the shape is checked here (the popup does not load the country list); the options page
 * stores codes the phone parser knows (saveDefaultCountry). */
export async function readDefaultCountry(): Promise<CountryCode> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return typeof stored === 'string' && /^[A-Z]{2}$/.test(stored) ? (stored as CountryCode) : FALLBACK;
}
