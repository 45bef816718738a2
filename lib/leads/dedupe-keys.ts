// What the duplicate check indexes for each lead (issue #4), modelled on Dynamics 365's default
// lead rules: same email, same business phone, same first + last name + company (after
// normalisation), plus blocking keys for a fuzzy name + company match.
import { companyKey, foldText } from './match-text';
import type { PhoneE164 } from './normalize';
import type { LeadFields } from './schema';

export interface DedupeKeys {
  leadId: string;
  /** Lower-cased addresses from emailaddress1..3. */
  emails: string[];
  /** E.164 business and mobile numbers. */
  phones: string[];
  /** first|last|company, folded; absent unless all three are known. */
  nameCompany?: string;
  /** Blocking keys: a lead is compared fuzzily only with leads sharing one. */
  fuzzy: string[];
  /** Folded full name and company, compared when a blocking key is shared. */
  name: string;
  company: string;
  /** Every key above, prefixed by its rule (e:, p:, n:, f:): the one list the store indexes
   * ('by-match') and a batch in memory looks up, so both find a lead by the same keys. */
  match: string[];
}

export type KeySource = Pick<LeadFields, 'firstname' | 'lastname' | 'companyname' | 'emailaddress1' | 'emailaddress2' | 'emailaddress3'> & {
  phoneE164?: PhoneE164;
};

const squash = (s: string) => s.replace(/ /g, '');

/** Prefix and suffix of surname and company, crossed: a single typo in each (anywhere but in
 * a very short word) still leaves one key shared. The first name's initial keeps the blocks
 * small ("-ski" surnames are everywhere in Poland). */
export function fuzzyBlockingKeys(lastname: string, company: string, firstname = ''): string[] {
  const l = squash(lastname);
  const c = squash(company);
  if (l.length < 2 || c.length < 2) return [];
  const f = firstname.charAt(0);
  const lp = l.slice(0, 3), ls = l.slice(-3), cp = c.slice(0, 3), cs = c.slice(-3);
  return [...new Set([`pp:${f}|${lp}|${cp}`, `sp:${f}|${ls}|${cp}`, `ps:${f}|${lp}|${cs}`, `ss:${f}|${ls}|${cs}`])];
}

export function dedupeKeys(leadId: string, lead: KeySource): DedupeKeys {
  const emails = [lead.emailaddress1, lead.emailaddress2, lead.emailaddress3]
    .map((e) => e?.trim().toLowerCase())
    .filter((e): e is string => !!e && e.includes('@'));
  const phones = [lead.phoneE164?.telephone1, lead.phoneE164?.mobilephone].filter((p): p is string => !!p);
  const first = foldText(lead.firstname);
  const last = foldText(lead.lastname);
  const company = companyKey(lead.companyname);
  const keys = {
    emails: [...new Set(emails)],
    phones: [...new Set(phones)],
    nameCompany: first && last && company ? `${first}|${last}|${company}` : undefined,
    fuzzy: fuzzyBlockingKeys(last, company, first),
  };
  return { leadId, ...keys, name: [first, last].filter(Boolean).join(' '), company, match: [...exactMatchKeys(keys), ...keys.fuzzy.map(fuzzyMatchKey)] };
}

/** A fuzzy blocking key as 'by-match' and a batch in memory hold it. */
export const fuzzyMatchKey = (key: string): string => `f:${key}`;

/** The exact rules (email, phone, name + company) as lookup keys: the save pipeline's batch, the
 * import preview and the stored keys it is checked against all use these, so they agree. */
export const emailMatchKey = (email: string): string => `e:${email}`;
export const phoneMatchKey = (phone: string): string => `p:${phone}`;
export const nameCompanyMatchKey = (key: string): string => `n:${key}`;

export function exactMatchKeys(keys: Pick<DedupeKeys, 'emails' | 'phones' | 'nameCompany'>): string[] {
  return [...keys.emails.map(emailMatchKey), ...keys.phones.map(phoneMatchKey), ...(keys.nameCompany ? [nameCompanyMatchKey(keys.nameCompany)] : [])];
}
