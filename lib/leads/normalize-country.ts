// One spelling per country (issue #4): "Polska", "PL", "POL", "Republic of Poland" -> "Poland".
// Names come from the browser's own CLDR data (Intl.DisplayNames) in the languages reps use, so
// no hand-written table goes stale.

import { getCountries } from 'libphonenumber-js/min';

const LANGS = ['en', 'pl', 'de', 'fr', 'es', 'it', 'nl', 'cs', 'uk', 'pt', 'sv'];

// Common ways of writing a country that CLDR does not list as its name.
const ALIASES: Record<string, string> = {
  usa: 'US', 'u s a': 'US', 'u s': 'US', america: 'US', 'united states of america': 'US', 'stany zjednoczone ameryki': 'US',
  uk: 'GB', 'u k': 'GB', britain: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', anglia: 'GB', 'wielka brytania': 'GB',
  'republic of poland': 'PL', 'rzeczpospolita polska': 'PL', rp: 'PL', pol: 'PL', deu: 'DE', ger: 'DE', fra: 'FR', cze: 'CZ', 'czech republic': 'CZ', czechy: 'CZ',
  holland: 'NL', 'the netherlands': 'NL', 'russian federation': 'RU', 'korea': 'KR', 'south korea': 'KR', uae: 'AE',
};

let index: Map<string, string> | undefined;

const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/ł/g, 'l').replace(/[^a-z0-9]+/g, ' ').trim();

function buildIndex(): Map<string, string> {
  const map = new Map<string, string>();
  const names = LANGS.map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  // Current countries only: CLDR still names withdrawn codes (DD is "Niemcy" in Polish too).
  for (const code of getCountries()) {
    map.set(fold(code), code);
    for (const dn of names) {
      const name = dn.of(code);
      if (name && name !== code && !map.has(fold(name))) map.set(fold(name), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) map.set(alias, code);
  return map;
}

/** The ISO 3166 code for a country as written, or undefined when unrecognised. */
export function countryCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  index ??= buildIndex();
  return index.get(fold(value));
}

/** The canonical English name, or the input (whitespace tidied) when unrecognised. */
export function normalizeCountry(value: string | undefined): string | undefined {
  if (!value) return value;
  const code = countryCode(value);
  if (!code) return value.replace(/\s+/g, ' ').trim();
  return englishName(code) ?? value;
}

// Building an Intl.DisplayNames costs more than the whole rest of a lead's normalisation, and a
// file import normalises 100,000 leads: one formatter, and each country's name looked up once.
let english: Intl.DisplayNames | undefined;
const englishNames = new Map<string, string | undefined>();

function englishName(code: string): string | undefined {
  if (!englishNames.has(code)) {
    english ??= new Intl.DisplayNames(['en'], { type: 'region' });
    englishNames.set(code, english.of(code));
  }
  return englishNames.get(code);
}
