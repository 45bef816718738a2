// What the popup's form shows for a page, scored as a rep sees it (issue #14), and the same
// figures cross-validated by site: the prefill policy is chosen on k-1 folds of sites and scored
// on the held-out fold, so a rule that only fits the pages it was chosen on shows as a gap.
import { candidateToPrefill } from '../../lib/capture/to-prefill';
import { choosePrefill, withOrganizationEmail, type PrefillPolicy } from '../../lib/capture/prefill-choice';
import { withPersonalPhones } from '../../lib/capture/personal-phones';
import { isTollFree } from '../../lib/text/phone';
import type { Candidate } from '../../lib/extract/types';
import type { FormValues } from '../../lib/leads/form-values';
import { norm, samePhone } from './score';
import { bestOf, crossValidateFolds, foldsByGroup, pct, rateOf, type CrossValidated, type Rate } from './cross-validation';

/** One evaluated page: its gold answers and every candidate the extractor returned. */
export interface PageRecord {
  site: string;
  set: string;
  file: string;
  orgs: string[];
  tels: string[];
  emails: string[];
  people: string[];
  candidates: Candidate[];
}

export type { Rate };
export interface FormFigures {
  company: Rate;
  phone: Rate;
  personPrecision: Rate;
  personRecall: Rate;
  email: Rate;
  contactEmail: Rate;
}
export const figureNames: Record<keyof FormFigures, string> = {
  company: 'Company Name right (pages with an organization)',
  phone: 'a phone field holds a phone of the page',
  personPrecision: 'prefilled person is a person of the page (precision)',
  personRecall: 'pages with a person get one prefilled (recall)',
  email: 'Email right (pages with an email)',
  contactEmail: 'contact pages: Email right',
};

const LEGAL = /\b(inc|llc|ltd|limited|co|corp|corporation|company|the|plc|pllc|pc|llp|gmbh|ag|sa|sp z o o|and|&)\b/g;
const companyNorm = (s: string) => norm(s).replace(/\.(com|net|org|co|us|biz|info|uk|ca|au|pl|de)(\.[a-z]{2})?$/, '').replace(LEGAL, ' ').replace(/[^\p{L}\p{N}]+/gu, '');
/** A company is right when one name contains the other after folding case, accents and legal forms. */
export const sameCompany = (pred: string, gold: string) => {
  const x = companyNorm(pred);
  const y = companyNorm(gold);
  return x.length >= 3 && y.length >= 3 && (x === y || x.includes(y) || y.includes(x));
};

const HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|jr|sr|ii|iii|iv|phd|md|esq|mba|cpa)$/;
/** Name words without titles, nicknames in quotes or brackets, or credentials after a comma. */
export const nameTokens = (s: string) =>
  norm(s.replace(/\([^)]*\)|['"“”‘’][^'"“”‘’]*['"“”‘’]/g, ' ').replace(/,.*$/, '')).split(' ').filter((w) => w.length > 0 && !HONORIFIC.test(w.replace(/\./g, '')));
/** A person is right when the surname and the first initial match. */
export function samePerson(first: string | undefined, last: string | undefined, gold: string): boolean {
  const g = nameTokens(gold);
  const l = nameTokens(last ?? '');
  const f = nameTokens(first ?? '');
  if (g.length < 2 || !l.length || !f.length) return false;
  return l[l.length - 1] === g[g.length - 1] && f[0][0] === g[0][0];
}

/** The annotated text of an email as an address: "sales[at]acme[dot]com" is sales@acme.com (#14). */
export const readableEmail = (e: string) => e.trim().toLowerCase().replace(/\s*[[(]at[\])]\s*/g, '@').replace(/\s*[[(]dot[\])]\s*/g, '.');

/** The form's values as the popup prefills them from these candidates. */
export function formOf(candidates: readonly Candidate[], policy?: PrefillPolicy): FormValues {
  const i = choosePrefill(candidates, policy);
  // The popup's own steps (use-capture.ts); the development pages are North American, so 'US'
  // stands in for the rep's default country.
  return i >= 0 ? candidateToPrefill(withPersonalPhones(withOrganizationEmail(candidates[i], candidates), (raw) => isTollFree(raw, 'US'))).values : {};
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

export function scoreForms(records: readonly PageRecord[], policy?: PrefillPolicy): FormFigures {
  const f: FormFigures = { company: [0, 0], phone: [0, 0], personPrecision: [0, 0], personRecall: [0, 0], email: [0, 0], contactEmail: [0, 0] };
  const count = (rate: Rate, right: boolean) => {
    rate[1]++;
    if (right) rate[0]++;
  };
  for (const r of records) {
    const form = formOf(r.candidates, policy);
    const company = str(form.companyname);
    // Any phone field, as email-form-view.ts counts them: a person's company line is in Other Phone (#14).
    const phones = [str(form.telephone1), str(form.mobilephone), str(form.telephone3)].filter((p): p is string => !!p);
    const email = str(form.emailaddress1)?.toLowerCase();
    if (r.orgs.length) count(f.company, !!company && r.orgs.some((o) => sameCompany(company, o)));
    if (r.tels.length) count(f.phone, phones.some((p) => r.tels.some((t) => samePhone(p, t))));
    if (r.emails.length) {
      const right = !!email && r.emails.some((e) => readableEmail(e) === email);
      count(f.email, right);
      if (r.set === 'us_contact_pages') count(f.contactEmail, right);
    }
    const first = str(form.firstname);
    const last = str(form.lastname);
    const rightPerson = !!last && r.people.some((g) => samePerson(first, last, g));
    if (last || first) count(f.personPrecision, rightPerson);
    if (r.people.some((g) => nameTokens(g).length >= 2)) count(f.personRecall, rightPerson);
  }
  return f;
}

/** What a policy is chosen for: the mean of the rep-visible rates. */
export const objective = (f: FormFigures) => (rateOf(f.company) + rateOf(f.phone) + rateOf(f.personPrecision) + rateOf(f.personRecall) + rateOf(f.email)) / 5;

/** The best policy of the grid on these records (ties: the first, i.e. the strictest listed first). */
export function choosePolicy(records: readonly PageRecord[], grid: readonly PrefillPolicy[]): PrefillPolicy {
  return bestOf(records, grid, (items, p) => objective(scoreForms(items, p)));
}

/** Sites in k folds, the same every run (by a hash of the site's name, not by file order). */
export function foldsBySite(records: readonly PageRecord[], k: number): PageRecord[][] {
  return foldsByGroup(records, k, (r) => r.site);
}

export type CrossValidation = CrossValidated<keyof FormFigures, PrefillPolicy>;

/** k-fold cross-validation by site: choose on k-1 folds, score the held-out fold, add up. */
export function crossValidate(records: readonly PageRecord[], k: number, grid: readonly PrefillPolicy[]): CrossValidation {
  return crossValidateFolds(foldsBySite(records, k), grid, choosePolicy, scoreForms);
}

export { pct };
