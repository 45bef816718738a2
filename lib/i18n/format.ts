// Dates and numbers in the UI's language (issue #16): the browser's own default would show a
// Polish rep American dates. English keeps the browser's English region (en-GB writes 03/12/2026).
import { uiLang, type Lang } from './t';

/** The locale to format in: the UI language, with the region the browser prefers for it. */
export function uiLocale(lang: Lang = uiLang(), preferred: readonly string[] = globalThis.navigator?.languages ?? []): string {
  return preferred.find((l) => l.toLowerCase().split('-')[0] === lang && l.includes('-')) ?? (lang === 'pl' ? 'pl-PL' : 'en-US');
}

/** A moment as the rep reads it: date and time, short. */
export function formatDateTime(value: string | number | Date, locale: string = uiLocale()): string {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** A number as the rep reads it (decimal comma in Polish), at most `digits` decimals. */
export function formatNumber(n: number, locale: string = uiLocale(), digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
}
