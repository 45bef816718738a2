import { describe, expect, it } from 'vitest';
import { mergeLocale } from './merge-locales';

describe('locales', () => {
  it('English and Polish have exactly the same keys, none empty', () => {
    const en = mergeLocale('lib/i18n/locales/en');
    const pl = mergeLocale('lib/i18n/locales/pl');
    expect(Object.keys(pl).sort()).toEqual(Object.keys(en).sort());
    for (const cat of [en, pl]) for (const [k, v] of Object.entries(cat)) expect(v.message, k).not.toBe('');
  });
});
