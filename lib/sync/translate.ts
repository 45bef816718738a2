// Sync messages outside a browser (tests, bench) or before i18n is available: the same catalogue
// Chrome serves from _locales, with Chrome's $1…$9 substitution.
import en from '../i18n/locales/en/sync.json';
import pl from '../i18n/locales/pl/sync.json';
import enSignIn from '../i18n/locales/en/signin.json';
import plSignIn from '../i18n/locales/pl/signin.json';
import type { Translate } from './classify';

type Catalogue = Record<string, { message: string }>;

export function catalogueTranslate(catalogue: Catalogue): Translate {
  return (key, subs = []) => {
    const msg = catalogue[key]?.message;
    if (msg === undefined) return key;
    return msg.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}

export const englishTranslate = catalogueTranslate({ ...en, ...enSignIn });
export const polishTranslate = catalogueTranslate({ ...pl, ...plSignIn });
