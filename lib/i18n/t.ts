import { browser } from '#imports';

export type Lang = 'en' | 'pl';

/** A UI string from _locales, in the browser's language. Falls back to the key so a missing
 * string is visible instead of blank. */
export function t(key: string, substitutions?: string | string[]): string {
  // Keys are often built from field names, so the generated literal-key type is too narrow here.
  const getMessage = browser.i18n.getMessage as (k: string, s?: string | string[]) => string;
  return getMessage(key, substitutions) || key;
}

/** The language _locales answered in. getUILanguage() lies in headless Chromium, so ask the
 * catalogue itself (each locale's "lang" message). */
export function uiLang(): Lang {
  return t('lang') === 'pl' ? 'pl' : 'en';
}
