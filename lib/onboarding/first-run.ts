// A new install (issue #16): the default country follows the browser's language and the welcome
// page opens. Updates and browser updates open nothing.
import { browser } from '#imports';
import { defaultCountryItem } from '../leads/pipeline-settings';
import { countryFromLocales } from './country-from-locale';

export const welcomePath = '/welcome.html';

/** Registered synchronously in the background's main(), so the event that woke it is heard. */
export function listenForInstall(languages: () => readonly string[] = () => navigator.languages): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void firstRun(languages());
  });
}

export async function firstRun(languages: readonly string[]): Promise<void> {
  // A country already stored is the rep's own choice (or a restored profile's): keep it.
  const stored = await browser.storage.local.get('defaultCountry'); // defaultCountryItem's key
  const country = countryFromLocales(languages);
  if (country && stored.defaultCountry === undefined) await defaultCountryItem.setValue(country);
  await browser.tabs.create({ url: browser.runtime.getURL(welcomePath) });
}
