import { describe, expect, it } from 'vitest';
import { splitPersonName } from './person-name';
import { emailDomain, isFreeMailDomain } from './free-mail';
import { normalizePhone } from './phone';

describe('splitPersonName', () => {
  it.each([
    ['Jan Kowalski', { firstname: 'Jan', lastname: 'Kowalski' }],
    ['Kowalski, Jan', { firstname: 'Jan', lastname: 'Kowalski' }],
    ['KOWALSKI Jan', { firstname: 'Jan', lastname: 'Kowalski' }],
    ['KOWALSKI, Jan', { firstname: 'Jan', lastname: 'Kowalski' }],
    ['NOWAK-WIŚNIEWSKA, Anna Maria', { firstname: 'Anna', middlename: 'Maria', lastname: 'Nowak-Wiśniewska' }],
    ['Baker, Tom', { firstname: 'Tom', lastname: 'Baker' }],
    ['Anna Nowak-Wiśniewska', { firstname: 'Anna', lastname: 'Nowak-Wiśniewska' }],
    ['dr inż. Piotr Zieliński', { salutation: 'dr inż.', firstname: 'Piotr', lastname: 'Zieliński' }],
    ['Mike van der Velt', { firstname: 'Mike', lastname: 'van der Velt' }],
    ['Dr. John P. Doe-Ray, Jr.', { salutation: 'Dr.', firstname: 'John', middlename: 'P.', lastname: 'Doe-Ray', suffix: 'Jr.' }],
    ['Juan Velasquez y Garcia', { firstname: 'Juan', lastname: 'Velasquez y Garcia' }],
  ])('%s', (input, expected) => {
    expect(splitPersonName(input)).toEqual(expected);
  });

  it('returns nothing for text without letters', () => {
    expect(splitPersonName('  123 ')).toEqual({});
  });
});

describe('free mail', () => {
  it('knows Polish and global free-mail domains', () => {
    for (const d of ['gmail.com', 'WP.PL', 'onet.pl', 'interia.pl', 'o2.pl', 'outlook.com']) expect(isFreeMailDomain(d)).toBe(true);
    for (const d of ['comcast.net', 'btinternet.com', 'yahoo.fr']) expect(isFreeMailDomain(d)).toBe(true);
    expect(isFreeMailDomain('contoso.com')).toBe(false);
    expect(emailDomain('Jan@Firma.PL')).toBe('firma.pl');
  });
});

describe('normalizePhone', () => {
  it('normalizes Polish numbers to E.164 with Poland as the default country', () => {
    expect(normalizePhone('22 123 45 67')?.e164).toBe('+48221234567');
    expect(normalizePhone('tel. +48 600 100 200')?.e164).toBe('+48600100200');
    expect(normalizePhone('(0-22) 123-45-67')?.e164).toBe('+48221234567');
  });
  it('keeps foreign numbers and rejects non-numbers', () => {
    expect(normalizePhone('+1 (415) 555-0100')?.e164).toBe('+14155550100');
    // Issue #16: one international form for display, whatever the country.
    expect(normalizePhone('643901730')?.display).toBe('+48 643 901 730');
    expect(normalizePhone('+1 (415) 555-0100')?.display).toBe('+1 415 555 0100');
    // A number that does not fit the default country is not forced into it.
    expect(normalizePhone('(425) 882-8080', 'PL')).toBeUndefined();
    expect(normalizePhone('2023-11-05')).toBeUndefined();
    expect(normalizePhone('hello')).toBeUndefined();
  });
});
