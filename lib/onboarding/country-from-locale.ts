// The default country a new install starts with (issue #16): the region of the browser's first
// preferred language, "en-US" -> US, "de-DE" -> DE; a bare language gets its likely region from
// CLDR (Intl.Locale#maximize): "pl" -> PL, "en" -> US. The rep can change it any time.
import { getCountries, type CountryCode } from 'libphonenumber-js/min';

/** `languages` as navigator.languages gives them, most preferred first. */
export function countryFromLocales(languages: readonly string[]): CountryCode | undefined {
  const first = languages.find((l) => l.trim() !== '');
  if (!first) return undefined;
  let region: string | undefined;
  try {
    const locale = new Intl.Locale(first);
    region = locale.region ?? locale.maximize().region;
  } catch {
    return undefined; // not a language tag
  }
  return region && (getCountries() as string[]).includes(region) ? (region as CountryCode) : undefined;
}
