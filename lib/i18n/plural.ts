// Counted nouns in the UI's language (issue #16: "1 row", "2 wiersze", "5 wierszy", never "1 rows").
// Chrome's messages have no plurals, so each counted message has one key per CLDR form:
// `<key>_one`, `<key>_few`, `<key>_many`, `<key>_other` (English uses one and other; the
// catalogues keep the same keys in both languages, so English repeats "other" for few and many).
import { t, uiLang, type Lang } from './t';

export type PluralForm = 'one' | 'few' | 'many' | 'other';

const rules = new Map<Lang, Intl.PluralRules>();

/** The CLDR plural form of `n` in `lang` (Polish: 1 one; 2–4, 22–24… few; 0, 5–21, 25… many). */
export function pluralForm(n: number, lang: Lang): PluralForm {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  const form = r.select(n);
  return form === 'one' || form === 'few' || form === 'many' ? form : 'other';
}

/** The message key for `n` of `key`. */
export const pluralKey = (key: string, n: number, lang: Lang): string => `${key}_${pluralForm(n, lang)}`;

/** The counted message: `n` is $1, `more` are $2, $3… */
export function tn(key: string, n: number, more: string[] = []): string {
  return t(pluralKey(key, n, uiLang()), [String(n), ...more]);
}
