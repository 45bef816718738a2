import { describe, expect, it } from 'vitest';
import { countryFromLocales } from './country-from-locale';

describe('the default country from the browser languages', () => {
  it('takes the region of the first language', () => {
    expect(countryFromLocales(['en-US', 'en'])).toBe('US');
    expect(countryFromLocales(['pl-PL', 'pl', 'en-US'])).toBe('PL');
    expect(countryFromLocales(['de-DE', 'de'])).toBe('DE');
    expect(countryFromLocales(['en-GB', 'pl-PL'])).toBe('GB');
  });
  it('gives a bare language its likely region', () => {
    expect(countryFromLocales(['pl', 'en-US'])).toBe('PL');
    expect(countryFromLocales(['en'])).toBe('US');
    expect(countryFromLocales(['cs'])).toBe('CZ');
  });
  it('has no answer for nothing, a broken tag or a region that is not a country', () => {
    expect(countryFromLocales([])).toBeUndefined();
    expect(countryFromLocales(['not a tag!'])).toBeUndefined();
    expect(countryFromLocales(['es-419'])).toBeUndefined(); // Latin America
  });
});
