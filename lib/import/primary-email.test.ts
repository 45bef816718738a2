import { describe, expect, it } from 'vitest';
import { autoMap } from './auto-map';
import { proposePrimaryEmail } from './primary-email';
import type { TableRow } from './table';

const rows = (...cells: string[][]): TableRow[] => cells.map((c, i) => ({ n: i + 2, cells: c }));

describe('proposePrimaryEmail', () => {
  const headers = ['Last Name', 'Email', 'Email Address 2'];

  it('proposes the column holding the addresses when the mapped primary Email is empty in every row', () => {
    const auto = autoMap(headers);
    expect(auto.targets).toEqual(['lastname', 'emailaddress1', 'emailaddress2']);
    const p = proposePrimaryEmail(auto, rows(['Nowak', '', 'ewa@nowak.pl'], ['Lis', ' ', 'jan@lis.pl'], ['Żak', '', '']));
    expect(p).toMatchObject({ from: 1, to: 2 });
    expect(p?.mapping.targets).toEqual(['lastname', 'emailaddress2', 'emailaddress1']);
  });

  it('leaves the mapping alone when the primary Email has an address in some row', () => {
    expect(proposePrimaryEmail(autoMap(headers), rows(['Nowak', '', 'ewa@nowak.pl'], ['Lis', 'jan@lis.pl', '']))).toBeUndefined();
  });

  it('leaves it alone when no other column holds addresses', () => {
    expect(proposePrimaryEmail(autoMap(headers), rows(['Nowak', '', ''], ['Lis', '', '']))).toBeUndefined();
  });

  it('finds an unmapped column of addresses when nothing is mapped to Email, but not a column of mixed text', () => {
    const h = ['Last Name', 'Adres korespondencyjny', 'Uwagi własne'];
    const auto = autoMap(h);
    expect(auto.targets).toEqual(['lastname', 'ignore', 'ignore']);
    const p = proposePrimaryEmail(auto, rows(['Nowak', 'ewa@nowak.pl', 'pisać na ewa@nowak.pl'], ['Lis', 'jan@lis.pl', 'x']));
    expect(p).toMatchObject({ from: undefined, to: 1 });
    expect(p?.mapping.targets).toEqual(['lastname', 'emailaddress1', 'ignore']);
  });
});
