import { describe, expect, it } from 'vitest';
import { hostOfUrl, isUnderDomain, normalizeDomain, normalizeEmail, parseList } from './domains';

describe('normalizeDomain', () => {
  it.each([
    ['firma.pl', 'firma.pl'],
    ['  Firma.PL ', 'firma.pl'],
    ['https://www.firma.pl/kontakt?x=1', 'firma.pl'],
    ['@firma.pl', 'firma.pl'],
    ['*.firma.pl', 'firma.pl'],
    ['mail.firma.pl:8443', 'mail.firma.pl'],
    ['firma.pl.', 'firma.pl'],
    ['żółć.pl', 'xn--kda4b0koi.pl'],
    ['Intranet', 'intranet'],
    ['http://localhost:3000/x', 'localhost'],
    ['10.0.0.12', '10.0.0.12'],
  ])('%s -> %s', (input, want) => expect(normalizeDomain(input)).toBe(want));

  it.each(['', 'not a domain', '-bad-.pl', 'a..pl', 'firma.123', '1.2.3', 'a_b.pl'])('refuses %j', (input) => {
    expect(normalizeDomain(input)).toBeUndefined();
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and strips mailto:', () => expect(normalizeEmail(' mailto:Jan.Kowalski@Firma.PL ')).toBe('jan.kowalski@firma.pl'));
  it.each(['jan', 'jan@', '@firma.pl', 'jan kowalski@firma.pl', 'jan@firma'])('refuses %j', (input) => expect(normalizeEmail(input)).toBeUndefined());
});

describe('isUnderDomain', () => {
  it('matches the domain and its subdomains only', () => {
    expect(isUnderDomain('firma.pl', 'firma.pl')).toBe(true);
    expect(isUnderDomain('poczta.firma.pl', 'firma.pl')).toBe(true);
    expect(isUnderDomain('nie-firma.pl', 'firma.pl')).toBe(false);
    expect(isUnderDomain('firma.pl.evil.com', 'firma.pl')).toBe(false);
  });
});

describe('hostOfUrl', () => {
  it('answers only for http(s)', () => {
    expect(hostOfUrl('https://WWW.Example.com/a')).toBe('www.example.com');
    expect(hostOfUrl('mailto:a@b.pl')).toBeUndefined();
    expect(hostOfUrl('file:///etc/passwd')).toBeUndefined();
    expect(hostOfUrl('not a url')).toBeUndefined();
    expect(hostOfUrl(undefined)).toBeUndefined();
  });
});

describe('parseList', () => {
  it('splits on lines, commas and spaces, dedupes, and reports what it could not read', () => {
    expect(parseList('firma.pl\nhttps://www.firma.pl, other.com;  b@d\n\n', 'domain')).toEqual({ values: ['firma.pl', 'other.com'], invalid: ['b@d'] });
    expect(parseList('A@B.pl\na@b.pl nope', 'email')).toEqual({ values: ['a@b.pl'], invalid: ['nope'] });
  });
});
