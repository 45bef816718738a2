import { describe, expect, it } from 'vitest';
import { signatureOfText } from './extract-signature';
import { parseSignature } from './parse-signature';
import { phoneKindOfLabel } from './phone-kind';

const lines = (s: string) => s.trim().split('\n');

describe('phoneKindOfLabel', () => {
  it.each([
    ['tel.', 'work'], ['Tel:', 'work'], ['Phone -', 'work'], ['p:', 'work'], ['(Office)', 'work'], ['Direct', 'work'],
    ['kom.', 'mobile'], ['tel. kom.', 'mobile'], ['Mobile:', 'mobile'], ['cell', 'mobile'], ['M:', 'mobile'], ['komórka', 'mobile'],
    ['faks', 'fax'], ['Fax:', 'fax'], ['f:', 'fax'], ['Facsimile', 'fax'], ['tel./faks', 'fax'],
    ['home', 'home'], ['', undefined], ['Warszawa', undefined],
  ])('%s -> %s', (label, kind) => {
    expect(phoneKindOfLabel(label)).toBe(kind);
  });
});

describe('parseSignature', () => {
  it('separates name, title, company, phones by label, email, website and address', () => {
    const f = parseSignature(lines(`
Pozdrawiam
Jan Kowalski
Dyrektor Sprzedaży
Kowalski i Synowie Sp. z o.o.
ul. Długa 5/7
00-950 Warszawa
tel. +48 22 123 45 67 | kom. +48 600 100 200
faks +48 22 123 45 68
jan.kowalski@kowalski.pl | www.kowalski.pl`), { name: 'Jan Kowalski', email: 'jan.kowalski@kowalski.pl' });
    expect(f).toMatchObject({
      name: 'Jan Kowalski',
      title: 'Dyrektor Sprzedaży',
      company: 'Kowalski i Synowie Sp. z o.o.',
      email: 'jan.kowalski@kowalski.pl',
      website: 'www.kowalski.pl',
      address: ['ul. Długa 5/7', '00-950 Warszawa'],
      phones: [
        { number: '+48 22 123 45 67', kind: 'work', labelled: true },
        { number: '+48 600 100 200', kind: 'mobile', labelled: true },
        { number: '+48 22 123 45 68', kind: 'fax', labelled: true },
      ],
    });
  });

  it('reads labels written after the number and keeps extensions apart', () => {
    const f = parseSignature(lines(`
Marcy Brinegar
MBM Consultants
(770) 886-6202 (Office)
(678) 234-7644 (Cell)
(770) 886-8202 (fax)
619-234-1300 ext. 238`));
    expect(f.phones.map((p) => [p.number, p.kind, p.extension])).toEqual([
      ['(770) 886-6202', 'work', undefined], ['(678) 234-7644', 'mobile', undefined], ['(770) 886-8202', 'fax', undefined], ['619-234-1300', 'work', '238'],
    ]);
    expect(f.company).toBe('MBM Consultants');
  });

  it('splits "Title, Company" and keeps a label split by spaces with its number', () => {
    const f = parseSignature(lines(`
Mark Greenberg
Senior Counsel, ENA
Phone:     713-345-8897
Fax     - 713-646-3940`));
    expect(f).toMatchObject({ title: 'Senior Counsel', company: 'ENA' });
    expect(f.phones.map((p) => p.kind)).toEqual(['work', 'fax']);
  });

  it('a name alone under a sign-off is a closing, not a signature name', () => {
    const f = parseSignature(['Thanks,', 'Kim Ward']);
    expect(f.name).toBeUndefined();
    expect(f.closingName).toBe('Kim Ward');
  });

  it('ignores dates, times and ZIP codes that look like numbers', () => {
    const f = parseSignature(lines(`
Sara Shackleton
1400 Smith Street
Houston, Texas  77002-7361
Sent 11/16/2001 10:42 AM`));
    expect(f.phones).toEqual([]);
  });
});

describe('signatureOfText', () => {
  it('finds the signature under a sign-off and skips a legal footer', () => {
    const sig = signatureOfText(`Dzień dobry,

prosimy o ofertę.

Z poważaniem
Anna Nowak
Specjalista ds. zakupów
tel. 22 111 22 33

Ta wiadomość jest poufna i przeznaczona wyłącznie dla adresata. Jeżeli nie jesteś adresatem, zabronione jest jej rozpowszechnianie.`, { name: 'Anna Nowak' });
    expect(sig?.lines).toEqual(['Z poważaniem', 'Anna Nowak', 'Specjalista ds. zakupów', 'tel. 22 111 22 33']);
    expect(sig?.fields).toMatchObject({ name: 'Anna Nowak', title: 'Specjalista ds. zakupów' });
  });

  it('finds nothing in a message without a signature', () => {
    expect(signatureOfText('Please call Keith Bohn (403) 261-3388.')).toBeUndefined();
    expect(signatureOfText('This was completed just in case I did not send you an email.\nThanks')).toBeUndefined();
    expect(signatureOfText('Please read the document at:\nhttp://172.17.172.62/inf/default.html')).toBeUndefined();
  });

  it('a "-- " delimiter starts the signature', () => {
    const sig = signatureOfText('Sounds good, see you then.\n\n-- \nEwa Rep\nLeadClip');
    expect(sig?.lines).toEqual(['-- ', 'Ewa Rep', 'LeadClip']);
  });
});

// Patterns of issue #14, every name and number invented.
describe('parseSignature: labels after the number and several numbers on a line', () => {
  const phonesOf = (line: string) => parseSignature(['Lena Nowacki', 'Bryza Textiles Inc.', line], { name: 'Lena Nowacki' }).phones;

  it.each([
    ['713-555-0100 (phone)', [['713-555-0100', 'work']]],
    ['713-555-0100 (fax)', [['713-555-0100', 'fax']]],
    ['713-555-0100 cell', [['713-555-0100', 'mobile']]],
    ['(310) 555-0101; fax (310) 555-0102', [['(310) 555-0101', 'work'], ['(310) 555-0102', 'fax']]],
    ['tel. (310) 555-0101, fax (310) 555-0102', [['(310) 555-0101', 'work'], ['(310) 555-0102', 'fax']]],
    ['Tel: 310-555-0101 Fax: 310-555-0102', [['310-555-0101', 'work'], ['310-555-0102', 'fax']]],
    ['310-555-0101 office  310-555-0177 mobile', [['310-555-0101', 'work'], ['310-555-0177', 'mobile']]],
    ['310-555-0101 direct, 310-555-0102 fax', [['310-555-0101', 'work'], ['310-555-0102', 'fax']]],
    ['(310) 555-0101 / (310) 555-0102 fax', [['(310) 555-0101', 'work'], ['(310) 555-0102', 'fax']]],
    ['fax (310) 555-0102; phone (310) 555-0101', [['(310) 555-0102', 'fax'], ['(310) 555-0101', 'work']]],
  ])('%s', (line, expected) => {
    expect(phonesOf(line).map((p) => [p.number, p.kind])).toEqual(expected);
  });

  it('the fax of a shared line never becomes the first work number', () => {
    const phones = phonesOf('(310) 555-0101; fax (310) 555-0102');
    expect(phones.find((p) => p.kind === 'work')?.number).toBe('(310) 555-0101');
  });
});

describe('parseSignature: title and company on one line', () => {
  it.each([
    ['Managing Director of Bryza Textiles Inc.', 'Managing Director', 'Bryza Textiles Inc.'],
    ['Sales Manager at Harbor Freight Co.', 'Sales Manager', 'Harbor Freight Co.'],
    ['Director of Sales', 'Director of Sales', undefined],
    ['Head of Finance', 'Head of Finance', undefined],
  ])('%s', (line, title, company) => {
    const f = parseSignature(['Lena Nowacki', line, 'tel. 310-555-0101'], { name: 'Lena Nowacki', email: 'lena@example.org' });
    expect(f.title).toBe(title);
    expect(f.company).toBe(company);
  });
});

describe('parseSignature: the company named after a hyphenated domain', () => {
  it('"Kestrel Freight" is the company of kestrel-freight.example, split off the title', () => {
    const f = parseSignature(['Ola Berg', 'Dispatch Manager, Kestrel Freight', 'tel. 503-555-0170'], { name: 'Ola Berg', email: 'ola.berg@kestrel-freight.example' });
    expect(f).toMatchObject({ title: 'Dispatch Manager', company: 'Kestrel Freight' });
    const other = parseSignature(['Ola Berg', 'Dispatch Manager, Kestrel Freight', 'tel. 503-555-0170'], { name: 'Ola Berg', email: 'ola.berg@osprey-lines.example' });
    expect(other.company).toBeUndefined();
  });
});
