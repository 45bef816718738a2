import { describe, expect, it } from 'vitest';
import { parseLines } from './parse-lines';
import { findPhones } from './phones';
import { findEmails } from './emails';
import { findAddresses } from './address';
import { splitName } from './split-name';
import { asPersonName, namesInText } from './person-name';
import { isJobTitle } from './job-title';

const names = (lines: string[]) => parseLines(lines, [], 'https://x.example/', 'text').people.map((p) => [p.fields.firstname?.value, p.fields.lastname?.value, p.fields.jobtitle?.value]);

describe('people in page text', () => {
  it('pairs a name with the title on the next line, and contact details with the right person', () => {
    const r = parseLines(['Meet the team', 'Maria Garcia', 'Sales Director', 'maria.garcia@contoso.example', 'Phone: (312) 555-0142', 'David Kowalski', 'Key Account Manager', 'd.kowalski@contoso.example'], [], 'u', 'text');
    expect(r.people).toHaveLength(2);
    expect(r.people[0].fields.emailaddress1?.value).toBe('maria.garcia@contoso.example');
    expect(r.people[0].fields.telephone1?.value).toBe('(312) 555-0142');
    expect(r.people[1].fields.lastname?.value).toBe('Kowalski');
    expect(r.people[1].fields.emailaddress1?.value).toBe('d.kowalski@contoso.example');
    expect(r.people[1].fields.telephone1).toBeUndefined();
  });

  it('reads "Name, Title", "Title: Name", "Name (Title)" and "Name Title" on one line', () => {
    expect(names(['Ann Green, Director, Focus on Community'])).toEqual([['Ann', 'Green', 'Director, Focus on Community']]);
    expect(names(['Managing Partner: John Smith'])).toEqual([['John', 'Smith', 'Managing Partner']]);
    expect(names(['Emily Chen (Head of Partnerships)'])).toEqual([['Emily', 'Chen', 'Head of Partnerships']]);
    expect(names(['Kim Wood Office Manager'])).toEqual([['Kim', 'Wood', 'Office Manager']]);
  });

  it('does not take menu items or product names for people', () => {
    expect(names(['Card Printers', 'Sales Manager'])).toEqual([]);
    expect(names(['Our Services', 'Contact Us', 'Brass Castors', 'Project Manager'])).toEqual([]);
    expect(names(['San Luis Obispo is lovely in spring.'])).toEqual([]);
  });

  it('accepts names with salutations or credentials without a title', () => {
    expect(names(['Dr. Adam DeCota'])).toEqual([['Adam', 'DeCota', undefined]]);
    expect(names(['Laura Klein, RDH'])).toEqual([['Laura', 'Klein', undefined]]);
  });

  it('finds names in running text only with a common given name', () => {
    expect(namesInText('Your contact is Caroline Rahier, who will answer questions.')).toEqual(['Caroline Rahier']);
    expect(namesInText('We ship Myson Decor Radiators across the country.')).toEqual([]);
  });
});

describe('a selection (signature)', () => {
  it('takes the first name line as the person, the legal-form line as the company', () => {
    const r = parseLines(['Best regards,', 'Jan Nowak', 'Dyrektor Sprzedaży', 'Nordwind Logistyka Sp. z o.o.', 'ul. Portowa 12, 81-340 Gdynia', 'tel. kom. 601 234 567'], [], 'selection', 'selection', true);
    expect(r.people[0].fields.lastname?.value).toBe('Nowak');
    expect(r.people[0].fields.jobtitle?.value).toBe('Dyrektor Sprzedaży');
    expect(r.company).toBe('Nordwind Logistyka Sp. z o.o.');
    expect(r.addresses[0]).toMatchObject({ line1: 'ul. Portowa 12', postalcode: '81-340', city: 'Gdynia' });
    expect(r.phones[0]).toMatchObject({ number: '601 234 567', kind: 'mobile' });
  });
});

describe('pieces', () => {
  it('finds phones by label or shape, and skips dates, years and ZIP+4', () => {
    expect(findPhones('Tel: +48 22 123 45 67, Fax: +48 22 123 45 68').map((p) => p.kind)).toEqual(['phone', 'fax']);
    expect(findPhones('Call (425) 123-4567 today')[0]?.number).toBe('(425) 123-4567');
    expect(findPhones('Founded 1998-2004, updated 2012-03-24, ZIP 98052-1234')).toEqual([]);
    expect(findPhones('Price 1 234 567 zł')).toEqual([]);
  });

  it('a fax named after its number is a fax, never the phone (#14)', () => {
    expect(findPhones('(503) 555-0131 (fax)').map((p) => p.kind)).toEqual(['fax']);
    expect(findPhones('503-555-0130 office, 503-555-0131 fax').map((p) => p.kind)).toEqual(['phone', 'fax']);
    expect(findPhones('22 456 78 90 faks').map((p) => p.kind)).toEqual(['fax']);
    // A label before the next number is that number's, not this one's.
    expect(findPhones('Tel. 22 456 78 90, fax 22 456 78 91').map((p) => p.kind)).toEqual(['phone', 'fax']);
  });

  it('finds emails, including "(at)" disguises', () => {
    expect(findEmails('write to secretariat (at) google.org or jane@xyz.edu')).toEqual(['jane@xyz.edu', 'secretariat@google.org']);
    expect(findEmails('logo@2x.png')).toEqual([]);
  });

  it('finds US, Polish, UK and European addresses', () => {
    expect(findAddresses(['1901 Lemur Ave', 'Sunnyvale, CA 94086'])[0]).toMatchObject({ line1: '1901 Lemur Ave', city: 'Sunnyvale', state: 'CA', postalcode: '94086' });
    expect(findAddresses(['ul. Długa 5', '00-950 Warszawa'])[0]).toMatchObject({ line1: 'ul. Długa 5', postalcode: '00-950', city: 'Warszawa' });
    expect(findAddresses(['1 Tavistock Street', 'London', 'WC2E 7PG'])[0]).toMatchObject({ line1: '1 Tavistock Street', city: 'London', postalcode: 'WC2E 7PG' });
    expect(findAddresses(['Technikerstrasse 21', '6020 Innsbruck'])[0]).toMatchObject({ postalcode: '6020', city: 'Innsbruck' });
    expect(findAddresses(['Open Monday to Friday', 'Call us today'])).toEqual([]);
  });

  it('splits names with salutations, particles, credentials and last-name-first', () => {
    expect(splitName('Dr. Jane van der Berg, PhD')).toEqual({ salutation: 'Dr.', firstname: 'Jane', lastname: 'van der Berg' });
    expect(splitName('John Peter Doe')).toEqual({ firstname: 'John', middlename: 'Peter', lastname: 'Doe' });
    expect(splitName('Smith, Jane')).toEqual({ firstname: 'Jane', lastname: 'Smith' });
    expect(splitName('Alice')).toEqual({ firstname: 'Alice' });
  });

  it('tells titles from names', () => {
    expect(isJobTitle('Senior Sales Manager')).toBe(true);
    expect(isJobTitle('Prezes Zarządu')).toBe(true);
    expect(isJobTitle('We are the best in town and we will call you back')).toBe(false);
    expect(asPersonName('Sales Director')).toBeUndefined();
    expect(asPersonName('Katarzyna Wiśniewska-Nowak')).toBe('Katarzyna Wiśniewska-Nowak');
    expect(asPersonName('<script>alert(1)</script>')).toBeUndefined();
  });
});

describe('names that are not leads', () => {
  const found = (lines: string[]) => names(lines).map((n) => `${n[0]} ${n[1]}`);

  it('drops a name the page uses as a brand, keeps one it also uses in a sentence', () => {
    expect(found(['Plumbing', 'John Guest Speedfit Pipe', 'John Guest Speedfit Fittings', 'Brands', 'John Guest'])).not.toContain('John Guest');
    expect(found(['The Paul Wilkinson Law Firm', 'Paul Wilkinson Law Firm, PLLC', 'Read more about Paul Wilkinson and his practice.'])).toContain('Paul Wilkinson');
  });

  it('drops a name inside a list of one-word places, and a sentence naming three or more people', () => {
    expect(found(['Jamaica', 'Jan Mayen', 'Japan'])).toEqual([]);
    expect(found(['Songs from Celine Dion, Enrique Iglesias, Josh Groban, David Foster and others.'])).toEqual([]);
    expect(found(['Our recruitment officer Caroline Rahier will answer.'])).toEqual(['Caroline Rahier']);
  });
});

describe('addresses', () => {
  it('reads a street with its house number after a comma, and a prefixed postal code', () => {
    expect(findAddresses(['Address: C/ Bodegas Protos, 24-28, 47300 - Peñafiel, Spain'])[0]).toMatchObject({ line1: 'C/ Bodegas Protos, 24-28', postalcode: '47300', city: 'Peñafiel', country: 'Spain' });
  });

  it('reads an address laid out one part to a line, but not a street followed by any two words', () => {
    expect(findAddresses(['Technikerstrasse 21', '6020', 'Innsbruck', 'Tyrol,', 'Austria', 'Phone: +43 512 8000-0'])[0]).toMatchObject({ line1: 'Technikerstrasse 21', postalcode: '6020', city: 'Innsbruck', state: 'Tyrol', country: 'Austria' });
    expect(findAddresses(['Unit 42, 12 Highway 101,', 'Boston,', 'MA, USA'])[0]).toMatchObject({ city: 'Boston', state: 'MA', country: 'USA' });
    expect(findAddresses(['12 Main Street', 'Our Team', 'John Smith'])).toEqual([]);
  });
});
