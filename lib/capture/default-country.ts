// The popup formats found phone numbers with the pipeline's default country (the options page's
// "Phone numbers" setting, stored by lib/leads/pipeline-settings.ts as local:defaultCountry).
// A plain storage.local read, not WXT's storage helper: the popup's bundle stays small.
import { browser } from '#imports';

const KEY = 'defaultCountry'; // WXT's item 'local:defaultCountry'
const FALLBACK = 'PL';

export async function readDefaultCountry(): Promise<string> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return typeof stored === 'string' && /^[A-Z]{2}$/.test(stored) ? stored : FALLBACK;
}
