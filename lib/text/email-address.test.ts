import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailAddresses, readEmailField } from './email-address';

describe('readEmailField', () => {
  it.each([
    ['john@acme.com', ['john@acme.com']],
    ['John Doe <John@Acme.com>', ['john@acme.com']],
    ['"Doe, John" <john@acme.com>', ['john@acme.com']],
    ['"john@acme.com" <other@partner.example>', ['other@partner.example']],
    ['john@acme.com;', ['john@acme.com']],
    [' ,john@acme.com. ', ['john@acme.com']],
    ['mailto:JOHN@ACME.COM?subject=Hi', ['john@acme.com']],
    ['mailto:john%40acme.com', ['john@acme.com']],
    ['ｊｏｈｎ＠ａｃｍｅ．ｃｏｍ', ['john@acme.com']],
    ['john@acme。com', ['john@acme.com']],
    ['jo\u200Bhn@ac\u00ADme.com\u202E', ['john@acme.com']],
    ['john@acme.com (work)', ['john@acme.com']],
    ['jan@ŻÓŁW.pl', ['jan@żółw.pl']],
    ['a@x.pl, b@y.pl; a@x.pl', ['a@x.pl', 'b@y.pl']],
    ['ask at reception', []],
    ['100% John <j@x.pl>', ['j@x.pl']],
  ])('%j -> %j', (raw, expected) => {
    expect(emailAddresses(raw)).toEqual(expected);
  });
  it('tells text meant as an address from a note', () => {
    expect(readEmailField('jan@')).toEqual({ addresses: [], hasAt: true });
    expect(readEmailField('brak')).toEqual({ addresses: [], hasAt: false });
  });
});

describe('an escape that decodes into no address', () => {
  // Found by normalize.property.test.ts: "%5b" decodes to "[", which no address may hold; reading
  // the stored "%5b@a.aa" again must give the same address, not refuse it.
  it('keeps the address as typed, and reading it again gives the same', () => {
    expect(emailAddresses('%a.}%5b@a.aa')).toEqual(['%5b@a.aa']);
    expect(emailAddresses('%5b@a.aa')).toEqual(['%5b@a.aa']);
  });
  it('still decodes a mailto escape that holds the address', () => {
    expect(emailAddresses('mailto:jan%40firma.pl')).toEqual(['jan@firma.pl']);
  });
});

describe('a field longer than any list of addresses', () => {
  it('is read as no address (refused when it holds an @), without rescanning it from every start', () => {
    const run = 'a'.repeat(200_000);
    expect(readEmailField(run)).toEqual({ addresses: [], hasAt: false });
    expect(readEmailField(`jan@firma.pl ${run}`)).toEqual({ addresses: [], hasAt: true });
    expect(readEmailField(`Jan <jan@firma.pl>; ${'a'.repeat(1_900)}`).addresses).toEqual(['jan@firma.pl']);
  });
});

describe('the plain-address shortcut', () => {
  it('answers as the full reader does', () => {
    // A leading space takes the full reader; the answer must be the same.
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9._+'-]{1,10}@[a-zA-Z0-9.-]{1,12}$/), (s) => {
        expect(readEmailField(s)).toEqual(readEmailField(` ${s}`));
      }),
      { numRuns: 2000 },
    );
  });
});
