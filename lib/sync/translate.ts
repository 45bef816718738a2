// Sync messages outside a browser (tests, bench) or before i18n is available: the same catalogue
// Chrome serves from _locales, with Chrome's $1…$9 substitution.
import en from '../i18n/locales/en/sync.json';
import pl from '../i18n/locales/pl/sync.json';
import enOrg from '../i18n/locales/en/sync-org.json';
import plOrg from '../i18n/locales/pl/sync-org.json';
import enForm from '../i18n/locales/en/lead-form.json';
import plForm from '../i18n/locales/pl/lead-form.json';
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

// The lead form's field labels too: errors name fields as the form does (issue #16).
export const englishTranslate = catalogueTranslate({ ...enForm, ...en, ...enSignIn, ...enOrg });
export const polishTranslate = catalogueTranslate({ ...plForm, ...pl, ...plSignIn, ...plOrg });
