// The button's label in the extension's language without chrome.i18n.getMessage on page load: the
// first getMessage in a page's renderer fetches the whole message catalogue from the browser over a
// synchronous IPC, about 1 ms of CPU and 3-40 ms of Gmail's main thread blocked on every load.
// The labels are imported from the same locale files (only this one key is bundled), and
// the language is the one Chrome picked for the extension's messages: the manifest's
// `current_locale`, which the renderer already holds, with Chrome's fallback (pt_BR -> pt -> default).
import { browser } from '#imports';
import { t } from '../i18n/t';
import { webmail_capture_button as en } from '../i18n/locales/en/webmail.json';
import { webmail_capture_button as pl } from '../i18n/locales/pl/webmail.json';

const KEY = 'webmail_capture_button';

/** Locale folder (Chrome's locale code) -> label; button-label.test.ts checks every locale is here. */
export const BUTTON_LABELS: Record<string, string> = { en: en.message, pl: pl.message };

/** The label for a locale as Chrome resolves it: exact, then its language, then the default locale. */
export function buttonLabelFor(locale: string | undefined, defaultLocale: string | undefined): string | undefined {
  for (const l of [locale, locale?.split(/[_-]/)[0], defaultLocale]) if (l && BUTTON_LABELS[l]) return BUTTON_LABELS[l];
  return undefined;
}

export function buttonLabel(): string {
  const manifest = browser.runtime.getManifest() as { current_locale?: string; default_locale?: string };
  return buttonLabelFor(manifest.current_locale, manifest.default_locale) ?? t(KEY);
}
