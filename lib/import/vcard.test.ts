import { describe, expect, it } from 'vitest';
import { readTable } from './read-table';

const vcf = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Nowak\r\nN:Nowak;Anna;;;\r\nORG:ACME Sp. z o.o.;Sprzedaż\r\nTITLE:Dyrektor\r\nEMAIL;TYPE=INTERNET,WORK:anna@acme.pl\r\nEMAIL;TYPE=HOME:anna@gmail.com\r\nTEL;TYPE=CELL:+48 600 100 200\r\nTEL;TYPE=WORK,VOICE:+48 22 100 20 30\r\nADR;TYPE=WORK:;;ul. Prosta 1;Warszawa;mazowieckie;00-001;Polska\r\nNOTE:Met at the fair\\, hall B\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=C5=81ukasz =C5=BBak\r\nEND:VCARD\r\n`;

describe('vCard', () => {
  it('reads cards into lead columns', async () => {
    const t = await readTable(new TextEncoder().encode(vcf), { fileName: 'contacts.vcf' });
    expect(t.meta.format).toBe('vcard');
    const rec = (i: number) => new Map(t.headers.map((h, c) => [h, t.rows[i].cells[c]]));
    expect(Object.fromEntries([...rec(0)].filter(([, v]) => v))).toEqual({
      firstname: 'Anna', lastname: 'Nowak', companyname: 'ACME Sp. z o.o.', jobtitle: 'Dyrektor',
      emailaddress1: 'anna@acme.pl', emailaddress2: 'anna@gmail.com', mobilephone: '+48 600 100 200', telephone1: '+48 22 100 20 30',
      address1_line1: 'ul. Prosta 1', address1_city: 'Warszawa', address1_stateorprovince: 'mazowieckie', address1_postalcode: '00-001', address1_country: 'Polska',
      description: 'Met at the fair, hall B',
    });
    expect(rec(1).get('firstname')).toBe('Łukasz');
    expect(rec(1).get('lastname')).toBe('Żak');
  });
});
