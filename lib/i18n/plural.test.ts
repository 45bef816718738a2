import { describe, expect, it } from 'vitest';
import { mergeLocale } from './merge-locales';
import { pluralForm, pluralKey } from './plural';
import type { Lang } from './t';

const catalogues = { en: mergeLocale('lib/i18n/locales/en'), pl: mergeLocale('lib/i18n/locales/pl') };
/** What tn() shows, with Chrome's $1…$9 substitution, from the real catalogues. */
const say = (lang: Lang, key: string, n: number, more: string[] = []) =>
  catalogues[lang][pluralKey(key, n, lang)].message.replace(/\$(\d)/g, (_, d: string) => [String(n), ...more][Number(d) - 1] ?? '');

describe('plural forms (issue #16)', () => {
  it('follows CLDR for Polish: one, few (2–4, 22–24), many (0, 5–21, 25…)', () => {
    expect([1, 2, 4, 5, 12, 14, 21, 22, 24, 25, 0, 102, 112].map((n) => pluralForm(n, 'pl'))).toEqual(
      ['one', 'few', 'few', 'many', 'many', 'many', 'many', 'few', 'few', 'many', 'many', 'few', 'many'],
    );
    expect([1, 2, 5, 0].map((n) => pluralForm(n, 'en'))).toEqual(['one', 'other', 'other', 'other']);
  });

  it('counts rows: "1 row", never "1 rows"; 1 wiersz, 2 wiersze, 5 wierszy, 22 wiersze', () => {
    expect([1, 2, 5].map((n) => say('en', 'count_rows', n))).toEqual(['1 row', '2 rows', '5 rows']);
    expect([1, 2, 5, 12, 22].map((n) => say('pl', 'count_rows', n))).toEqual(['1 wiersz', '2 wiersze', '5 wierszy', '12 wierszy', '22 wiersze']);
  });

  it('names the core object as Dynamics 365 does in Polish: potencjalny klient', () => {
    expect([1, 2, 5].map((n) => say('en', 'count_leads', n))).toEqual(['1 lead', '2 leads', '5 leads']);
    expect([1, 2, 5, 23].map((n) => say('pl', 'count_leads', n))).toEqual(['1 potencjalny klient', '2 potencjalni klienci', '5 potencjalnych klientów', '23 potencjalni klienci']);
    expect([1, 3, 150].map((n) => say('pl', 'import_sum_skipped', n))).toEqual(['pominięto 1 duplikat', 'pominięto 3 duplikaty', 'pominięto 150 duplikatów']);
    expect(say('en', 'import_sum_skipped', 150)).toBe('150 skipped as duplicates');
    expect(say('pl', 'import_progress', 1, ['1'])).toBe('Importowanie… 1 z 1 wiersza');
  });

  it('every counted message has all four forms in both languages', () => {
    for (const cat of Object.values(catalogues)) {
      const bases = new Set(Object.keys(cat).filter((k) => /_(one|few|many|other)$/.test(k)).map((k) => k.replace(/_(one|few|many|other)$/, '')));
      for (const b of bases) for (const f of ['one', 'few', 'many', 'other']) expect(cat, `${b}_${f}`).toHaveProperty(`${b}_${f}`);
    }
  });

  it('no other message puts a bare count before a noun ("$1 rows", "$1 leads")', () => {
    const counted = /\$\d (rows?|leads?|records?|wiersz\w*|potencjaln\w+|rekord\w*|duplikat\w*)\b/i;
    for (const cat of Object.values(catalogues)) {
      for (const [k, v] of Object.entries(cat)) if (!/_(one|few|many|other)$/.test(k)) expect(v.message, k).not.toMatch(counted);
    }
  });
});
