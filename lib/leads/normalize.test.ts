import { describe, expect, it } from 'vitest';
import { normalizeLead, websiteOrigin } from './normalize';
import { normalizeCountry } from './normalize-country';
import { caseName } from './normalize-name';
import { normalizeCity, normalizePostalCode, normalizeProvince, normalizeStreetLine } from './normalize-address';
import { leadDraft, type LeadDraftInput } from './schema';

const opts = { defaultCountry: 'PL' as const };
const norm = (input: Partial<LeadDraftInput>) => normalizeLead(leadDraft.parse({ subject: 'Lead', lastname: 'X', ...input }), opts);

describe('whitespace', () => {
  it('trims and collapses single-line fields, keeps paragraphs in notes', () => {
    const { lead } = norm({ companyname: '  ACME \t  Polska  ', description: '  line one  \n\n\n\n  line   two ' });
    expect(lead.companyname).toBe('ACME Polska');
    expect(lead.description).toBe('line one\n\nline two');
  });
});

describe('person names', () => {
  it('cases names typed all upper or all lower, keeping hyphenated Polish surnames', () => {
    const { lead } = norm({ firstname: 'ANNA', lastname: 'KOWALSKA-NOWAK' });
    expect(lead).toMatchObject({ firstname: 'Anna', lastname: 'Kowalska-Nowak' });
    expect(norm({ firstname: 'łukasz', lastname: 'żółtowski-gąska' }).lead).toMatchObject({ firstname: 'Łukasz', lastname: 'Żółtowski-Gąska' });
  });
  it('keeps particles lower case and names the rep cased on purpose', () => {
    expect(norm({ firstname: 'JAN', lastname: 'VAN DER BERG' }).lead.lastname).toBe('van der Berg');
    expect(norm({ firstname: 'maria', lastname: 'de la cruz' }).lead.lastname).toBe('de la Cruz');
    expect(norm({ firstname: 'Jan', lastname: 'van Dijk' }).lead.lastname).toBe('van Dijk');
    expect(norm({ firstname: 'Leonardo', lastname: 'DiCaprio' }).lead.lastname).toBe('DiCaprio');
    expect(norm({ firstname: 'Mary', lastname: 'deGroot' }).lead.lastname).toBe('deGroot');
  });
  it('handles apostrophes and Mc', () => {
    expect(caseName("O'BRIEN")).toBe("O'Brien");
    expect(caseName('mcdonald')).toBe('McDonald');
    expect(caseName('De')).toBe('De');
  });
  it('splits a whole name typed into the last-name box', () => {
    expect(norm({ lastname: 'Maria Skłodowska-Curie' }).lead).toMatchObject({ firstname: 'Maria', lastname: 'Skłodowska-Curie' });
    expect(norm({ lastname: 'KOWALSKI Jan' }).lead).toMatchObject({ firstname: 'Jan', lastname: 'Kowalski' });
    // A surname with a particle and no first name is left alone.
    expect(norm({ lastname: 'van Gogh' }).lead).toMatchObject({ firstname: undefined, lastname: 'van Gogh' });
  });
});

describe('emails', () => {
  it('lower-cases, strips mailto: and validates', () => {
    const { lead, issues } = norm({ emailaddress1: ' Mailto:Jan.Kowalski@ACME.PL ', emailaddress2: 'not-an-email' });
    expect(lead.emailaddress1).toBe('jan.kowalski@acme.pl');
    expect(lead.emailaddress2).toBe('not-an-email'); // kept, reported
    expect(issues).toEqual([{ field: 'emailaddress2', code: 'email_invalid' }]);
  });
});

describe('phones', () => {
  it('stores E.164 and one international form for Polish numbers in any common format, the typed text for provenance', () => {
    const { lead, typed } = norm({ telephone1: '(22) 123-45-67', mobilephone: '+48 601 234 567', telephone2: '0-22 123 45 67', fax: '0048 22 765 43 21', telephone3: '643901730' });
    expect(lead.phoneE164).toEqual({ telephone1: '+48221234567', mobilephone: '+48601234567', telephone2: '+48221234567', fax: '+48227654321', telephone3: '+48643901730' });
    expect([lead.telephone1, lead.mobilephone, lead.telephone2, lead.fax, lead.telephone3]).toEqual(['+48 22 123 45 67', '+48 601 234 567', '+48 22 123 45 67', '+48 22 765 43 21', '+48 643 901 730']);
    // Already in the stored form: nothing to remember.
    expect(typed).toEqual({ telephone1: '(22) 123-45-67', telephone2: '0-22 123 45 67', fax: '0048 22 765 43 21', telephone3: '643901730' });
  });
  it('writes a foreign number in the same international form, and a re-save changes nothing', () => {
    const { lead } = norm({ telephone1: '(425) 882-8080', address1_country: 'United States' });
    expect(lead.telephone1).toBe('+1 425 882 8080');
    const again = norm({ telephone1: lead.telephone1, address1_country: 'United States' });
    expect(again.lead.telephone1).toBe('+1 425 882 8080');
    expect(again.typed).toEqual({});
  });
  it("uses the lead's country before the default one", () => {
    const { lead } = norm({ telephone1: '030 1234567', address1_country: 'Niemcy' });
    expect(lead.phoneE164.telephone1).toBe('+49301234567');
    expect(lead.address1_country).toBe('Germany');
  });
  it('reports a number that is not one', () => {
    const { lead, issues } = norm({ telephone1: '12' });
    expect(lead.phoneE164).toEqual({});
    expect(issues).toContainEqual({ field: 'telephone1', code: 'phone_invalid' });
  });
});

describe('websites', () => {
  it('keeps the origin only', () => {
    expect(websiteOrigin('www.Acme.pl/kontakt?x=1')).toBe('https://www.acme.pl');
    expect(websiteOrigin('http://acme.com:8080/a')).toBe('http://acme.com:8080');
    expect(websiteOrigin('javascript:alert(1)')).toBeUndefined();
    expect(websiteOrigin('acme')).toBeUndefined();
    // The lead model refuses what is no web address at all (schema.test.ts); a host without a dot is kept, reported.
    expect(norm({ websiteurl: 'acme' }).issues).toContainEqual({ field: 'websiteurl', code: 'url_invalid' });
  });
});

describe('countries', () => {
  it('writes each country one way, whatever the language or code', () => {
    for (const v of ['Polska', 'POLAND', 'pl', 'POL', 'Rzeczpospolita Polska', 'Pologne', 'Polen']) expect(normalizeCountry(v)).toBe('Poland');
    for (const v of ['USA', 'U.S.A.', 'Stany Zjednoczone', 'United States of America']) expect(normalizeCountry(v)).toBe('United States');
    expect(normalizeCountry('Wielka Brytania')).toBe('United Kingdom');
    expect(normalizeCountry('Niemcy')).toBe('Germany');
    expect(normalizeCountry('  Atlantis  ')).toBe('Atlantis');
  });
});

describe('Polish addresses', () => {
  it('normalises street prefixes, numbers and units', () => {
    expect(normalizeStreetLine('UL. MARSZAŁKOWSKA 10 / 12 M. 5', true)).toBe('ul. Marszałkowska 10/12 m. 5');
    expect(normalizeStreetLine('aleja jana pawła ii 12a', true)).toBe('al. Jana Pawła II 12A');
    expect(normalizeStreetLine('Plac Defilad 1', true)).toBe('pl. Defilad 1');
    expect(normalizeStreetLine('os. Tysiąclecia 5 lok. 3', true)).toBe('os. Tysiąclecia 5 lok. 3');
  });
  it('formats postal codes as NN-NNN and cases cities', () => {
    expect(normalizePostalCode('00950', true)).toBe('00-950');
    expect(normalizePostalCode(' 00 - 950 ', true)).toBe('00-950');
    expect(normalizePostalCode('sw1a 1aa', false)).toBe('SW1A 1AA');
    expect(normalizeCity('BIELSKO-BIAŁA')).toBe('Bielsko-Biała');
    expect(normalizeCity('zielona góra')).toBe('Zielona Góra');
    expect(normalizeCity('Kędzierzyn-Koźle')).toBe('Kędzierzyn-Koźle');
  });
  it('writes voivodeships as Polish does', () => {
    expect(normalizeProvince('woj. Mazowieckie', true)).toBe('mazowieckie');
    expect(normalizeProvince('ŚLĄSKIE', true)).toBe('śląskie');
    expect(normalizeProvince('Lesser Poland Voivodeship', true)).toBe('małopolskie');
    expect(normalizeProvince('Bavaria', false)).toBe('Bavaria');
  });
  it('applies Polish rules when the country is Poland or unset with PL as default, not for others', () => {
    expect(norm({ address1_line1: 'UL. DŁUGA 1', address1_postalcode: '80827' }).lead).toMatchObject({ address1_line1: 'ul. Długa 1', address1_postalcode: '80-827' });
    expect(norm({ address1_postalcode: '10115', address1_country: 'Germany' }).lead.address1_postalcode).toBe('10115');
  });
});

// Issue #16: a Seattle lead saved under the Polish default must not come out "98-052".
describe('values that do not fit the default country', () => {
  it('keeps a ZIP as typed on a lead without a country, unless the address is written the Polish way', () => {
    expect(norm({ address1_line1: '1 Microsoft Way', address1_city: 'Redmond', address1_postalcode: '98052' }).lead.address1_postalcode).toBe('98052');
    expect(norm({ address1_city: 'Seattle', address1_postalcode: '98052' }).lead.address1_postalcode).toBe('98052');
    expect(norm({ address1_postalcode: '98052', address1_country: 'USA' }).lead.address1_postalcode).toBe('98052');
    // The lead's own country, a Polish street prefix or a voivodeship make it a Polish code.
    expect(norm({ address1_postalcode: '00950', address1_country: 'Polska' }).lead.address1_postalcode).toBe('00-950');
    expect(norm({ address1_line1: 'al. Jerozolimskie 1', address1_postalcode: '00950' }).lead.address1_postalcode).toBe('00-950');
    expect(norm({ address1_stateorprovince: 'Mazowieckie', address1_postalcode: '00950' }).lead.address1_postalcode).toBe('00-950');
    expect(norm({ address1_stateorprovince: 'constructor', address1_postalcode: '00950' }).lead.address1_postalcode).toBe('00950');
  });

  it('keeps a US number written without +1 unchecked under a Polish default, not "invalid"', () => {
    const { lead, issues } = norm({ telephone1: '(425) 882-8080', address1_city: 'Redmond' });
    expect(lead.telephone1).toBe('(425) 882-8080');
    expect(lead.phoneE164).toEqual({});
    expect(issues).toEqual([{ field: 'telephone1', code: 'phone_unchecked' }]);
  });

  it('reads the same number as American once the lead or the default says so', () => {
    expect(norm({ telephone1: '(425) 882-8080', address1_country: 'United States' }).lead.phoneE164).toEqual({ telephone1: '+14258828080' });
    const us = normalizeLead(leadDraft.parse({ subject: 'Lead', lastname: 'X', telephone1: '(425) 882-8080', address1_postalcode: '98052' }), { defaultCountry: 'US' });
    expect(us.lead.phoneE164).toEqual({ telephone1: '+14258828080' });
    expect(us.lead.address1_postalcode).toBe('98052');
    expect(us.issues).toEqual([]);
  });

  it('still calls a number wrong when its own country code or the lead\'s country rules it out', () => {
    expect(norm({ telephone1: '+48 12' }).issues).toEqual([{ field: 'telephone1', code: 'phone_invalid' }]);
    expect(norm({ telephone1: '+1 425 000 0000' }).issues).toEqual([{ field: 'telephone1', code: 'phone_invalid' }]);
    expect(norm({ telephone1: '123 456 789 012', address1_country: 'Poland' }).issues).toEqual([{ field: 'telephone1', code: 'phone_invalid' }]);
  });
});
