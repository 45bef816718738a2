import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeNames } from '../i18n/merge-locales';
import { BUTTON_LABELS, buttonLabelFor } from './button-label';

const catalogue = (lang: string) =>
  (JSON.parse(readFileSync(`lib/i18n/locales/${lang}/webmail.json`, 'utf8')) as Record<string, { message: string }>).webmail_capture_button.message;

describe('the button label without the message catalogue', () => {
  it('has every locale the extension ships, with the catalogue\'s text', () => {
    const locales = localeNames('lib/i18n/locales');
    expect(Object.keys(BUTTON_LABELS).sort()).toEqual([...locales].sort());
    for (const lang of locales) expect(BUTTON_LABELS[lang]).toBe(catalogue(lang));
  });

  it('resolves a locale the way Chrome picks the extension\'s messages', () => {
    expect(buttonLabelFor('pl', 'en')).toBe(catalogue('pl'));
    expect(buttonLabelFor('pl_PL', 'en')).toBe(catalogue('pl'));
    expect(buttonLabelFor('en_GB', 'en')).toBe(catalogue('en'));
    expect(buttonLabelFor('de', 'en')).toBe(catalogue('en')); // no German: the default locale
    expect(buttonLabelFor(undefined, 'en')).toBe(catalogue('en'));
    expect(buttonLabelFor('de', undefined)).toBeUndefined(); // then the caller asks the catalogue
  });
});
