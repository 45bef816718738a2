// Phone numbers via libphonenumber-js: E.164 for matching, and one international form ("+48 643 901 730")
// for what is stored, shown, exported and synced (issue #16).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export interface NormalizedPhone {
  /** +48221234567 */
  e164: string;
  /** E.164 written for people: "+48 643 901 730", "+1 425 882 8080". */
  display: string;
  country?: CountryCode;
}

/** Parses a phone as written anywhere ("+48 22 123 45 67", "(22) 123-45-67", "tel. 600 100 200").
 * Returns undefined when it is not a plausible number. */
export function normalizePhone(raw: string, defaultCountry: CountryCode = 'PL'): NormalizedPhone | undefined {
  const text = phoneText(raw);
  if (!text) return undefined;
  let parsed = parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  // Old Polish trunk prefix: "(0-22) 123 45 67" is written with a 0 Poland no longer dials.
  if (parsed && !parsed.isValid() && defaultCountry === 'PL' && !text.startsWith('+')) {
    const digits = text.replace(/\D/g, '');
    if (digits.length === 10 && digits.startsWith('0')) parsed = parsePhoneNumberFromString(digits.slice(1), { defaultCountry });
  }
  if (!parsed || !parsed.isValid()) return undefined;
  return {
    e164: parsed.number,
    display: parsed.formatInternational(),
    country: parsed.country,
  };
}

/** The number without its label ("tel.", "kom."), or undefined when it cannot be a phone number in
 * any country (too few digits, a date, a sentence). */
export function phoneText(raw: string): string | undefined {
  const text = raw.replace(/^(tel|tel\.|phone|fax|faks|kom|mob|mobile|t|m|f)\s*[.:]?\s*/i, '').trim();
  if (!/\d/.test(text) || text.replace(/\D/g, '').length < 6 || text.length > 40) return undefined;
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(text)) return undefined; // a date
  return text;
}

/** True when the number names its own country ("+1 …", "0048 …"), so no default country applies. */
export const hasCountryCode = (text: string): boolean => /^(\+|00[1-9])/.test(text.replace(/[\s()-]/g, ''));
