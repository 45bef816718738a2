// Migration v2's duplicate keys, frozen as shipped with it (a copy of lib/leads/dedupe-keys.ts and
// match-text.ts of that time). Never edit: today's rules may change, the records v2 wrote may not.
// New key rules get a new migration that rewrites the rows.
import type { LeadRecord } from '../leads/schema';

/** The row of the `dedupe` store as v2 wrote it. */
export interface DedupeRowV2 {
  leadId: string;
  emails: string[];
  phones: string[];
  nameCompany?: string;
  fuzzy: string[];
  name: string;
  company: string;
}

type KeySourceV2 = Pick<LeadRecord, 'firstname' | 'lastname' | 'companyname' | 'emailaddress1' | 'emailaddress2' | 'emailaddress3'> & {
  phoneE164?: Partial<Record<string, string>>;
};

const extraFolds: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

function foldText(s: string | undefined): string {
  if (!s) return '';
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđßæœı]/g, (c) => extraFolds[c])
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Legal forms say nothing about which company it is: "ACME Sp. z o.o." is "Acme".
// Matched on folded text, so punctuation and diacritics are already gone.
const legalForms = [
  'spolka z ograniczona odpowiedzialnoscia', 'spolka akcyjna', 'spolka komandytowa', 'spolka jawna',
  'spolka cywilna', 'spolka komandytowo akcyjna', 'sp z o o', 'sp zoo', 'sp k', 'sp j', 'sp j', 's c', 's a', 'ska', 'p s a',
  'gmbh co kg', 'gmbh', 'ag', 'kg', 'ohg', 'ug', 'ltd', 'limited', 'llc', 'inc', 'incorporated', 'corp', 'corporation',
  'co', 'company', 'plc', 'llp', 'lp', 'bv', 'b v', 'nv', 'n v', 'sas', 'sarl', 's r l', 'srl', 'spa', 's p a', 'sro', 's r o', 'oy', 'ab', 'as', 'aps',
];
const legalFormPattern = new RegExp(`(?:\\s(?:${legalForms.map((f) => f.replace(/ /g, '\\s')).join('|')}))+$`);

function companyKey(s: string | undefined): string {
  const folded = foldText(s);
  const stripped = folded.replace(legalFormPattern, '').trim();
  return stripped || folded; // a company called just "AG" keeps its name
}

const squash = (s: string) => s.replace(/ /g, '');

/** Prefix and suffix of surname and company, crossed: a single typo in each (anywhere but in
 * a very short word) still leaves one key shared. The first name's initial keeps the blocks
 * small ("-ski" surnames are everywhere in Poland). */
function fuzzyBlockingKeys(lastname: string, company: string, firstname = ''): string[] {
  const l = squash(lastname);
  const c = squash(company);
  if (l.length < 2 || c.length < 2) return [];
  const f = firstname.charAt(0);
  const lp = l.slice(0, 3), ls = l.slice(-3), cp = c.slice(0, 3), cs = c.slice(-3);
  return [...new Set([`pp:${f}|${lp}|${cp}`, `sp:${f}|${ls}|${cp}`, `ps:${f}|${lp}|${cs}`, `ss:${f}|${ls}|${cs}`])];
}

export function dedupeKeysV2(leadId: string, lead: KeySourceV2): DedupeRowV2 {
  const emails = [lead.emailaddress1, lead.emailaddress2, lead.emailaddress3]
    .map((e) => e?.trim().toLowerCase())
    .filter((e): e is string => !!e && e.includes('@'));
  const phones = [lead.phoneE164?.telephone1, lead.phoneE164?.mobilephone].filter((p): p is string => !!p);
  const first = foldText(lead.firstname);
  const last = foldText(lead.lastname);
  const company = companyKey(lead.companyname);
  return {
    leadId,
    emails: [...new Set(emails)],
    phones: [...new Set(phones)],
    nameCompany: first && last && company ? `${first}|${last}|${company}` : undefined,
    fuzzy: fuzzyBlockingKeys(last, company, first),
    name: [first, last].filter(Boolean).join(' '),
    company,
  };
}
