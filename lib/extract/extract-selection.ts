// "Create lead from selection": a signature, a business card or an address, through the same
// text parser as pages. Its own module so the popup can load it only when needed.
import { headOf, MAX_SELECTION_CHARS, MAX_SELECTION_LINE_CHARS, MAX_SELECTION_LINES } from '../text/input-bounds';
import type { CaptureMethod } from '../leads/schema';
import { isFreeMailDomain } from '../text/free-mail';
import { cleanText, looksLikeMarkup } from './clean-text';
import { dedupe, rank } from './merge';
import { parseLines, putAddress, type ParsedText } from './text/parse-lines';
import type { Candidate, CandidateFields } from './types';

/** Parses a block of selected text (a signature, a business card, an address). */
export function extractSelection(selected: string, source = 'selection'): Candidate[] {
  const lines = headOf(selected, MAX_SELECTION_CHARS)
    .split(/\r?\n|\s{3,}|\t+/)
    .map((l) => cleanText(l, MAX_SELECTION_LINE_CHARS))
    .filter(Boolean)
    .slice(0, MAX_SELECTION_LINES);
  const parsed = parseLines(lines, [], source, 'selection', true);
  const method: CaptureMethod = 'selection';
  const org: CandidateFields = {};
  const put = (key: keyof CandidateFields, value: string | undefined) => {
    const v = cleanText(value, 200);
    if (v && !org[key] && !looksLikeMarkup(v)) org[key] = { value: v, method, source };
  };
  put('companyname', parsed.company ?? companyFromEmails(parsed));
  put('websiteurl', parsed.websites[0] ? withScheme(parsed.websites[0]) : undefined);
  const phone = parsed.phones.find((p) => p.kind === 'phone');
  put('telephone1', phone?.number);
  put('mobilephone', parsed.phones.find((p) => p.kind === 'mobile')?.number);
  put('fax', parsed.phones.find((p) => p.kind === 'fax')?.number);
  if (parsed.addresses[0]) putAddress(put, parsed.addresses[0]);
  const people = parsed.people.slice(0, 5);
  for (const p of people) {
    // Everything in a selection belongs to the person it names.
    if (!p.fields.emailaddress1 && parsed.emails[0]) p.fields.emailaddress1 = { value: parsed.emails[0].value, method, source };
    for (const [k, v] of Object.entries(org)) p.fields[k as keyof CandidateFields] ??= v;
  }
  if (people.length) return rank(dedupe(people));
  if (parsed.emails[0]) put('emailaddress1', parsed.emails[0].value);
  return Object.keys(org).length ? [{ kind: 'organization', fields: org, score: 1 }] : [];
}

function withScheme(u: string): string {
  return /^https?:\/\//i.test(u) ? u : `https://${u}`;
}

function companyFromEmails(parsed: ParsedText): string | undefined {
  for (const e of parsed.emails) {
    const domain = e.value.split('@')[1]?.toLowerCase();
    if (domain && !isFreeMailDomain(domain)) return domain;
  }
  return undefined;
}


