// Merges candidates from every source: one per person (by name) and per organization, people
// completed with their page organization's company, business phone, address and website.
import type { Candidate, CandidateField, CandidateFields } from './types';
import { addressFields } from './types';

export function nameKey(f: CandidateFields): string {
  return [f.firstname?.value, f.lastname?.value]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z\s]/g, '')
    .trim();
}

export const companyKey = (s: string | undefined) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function absorb(into: Candidate, from: Candidate) {
  for (const [k, v] of Object.entries(from.fields)) into.fields[k as CandidateField] ??= v;
  into.score = Math.max(into.score, from.score);
}

export function dedupe(candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const people = new Map<string, Candidate>();
  const orgs = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = c.kind === 'person' ? nameKey(c.fields) : companyKey(c.fields.companyname?.value);
    const map = c.kind === 'person' ? people : orgs;
    const seen = key ? map.get(key) : undefined;
    if (seen) absorb(seen, c);
    else {
      const copy = { ...c, fields: { ...c.fields } };
      if (key) map.set(key, copy);
      out.push(copy);
    }
  }
  return out;
}

/** Fills what a person lacks from the page's organization (its business contact details). */
export function completeWithOrg(person: Candidate, org: CandidateFields | undefined): void {
  if (!org) return;
  const f = person.fields;
  if (!f.companyname && org.companyname) f.companyname = org.companyname;
  const sameCompany = !org.companyname || companyKey(f.companyname?.value) === companyKey(org.companyname.value);
  if (!sameCompany) return;
  if (!f.telephone1 && !f.mobilephone && org.telephone1) f.telephone1 = org.telephone1;
  if (!f.websiteurl && org.websiteurl) f.websiteurl = org.websiteurl;
  if (!addressFields.some((k) => f[k])) for (const k of addressFields) if (org[k]) f[k] = org[k];
}

export function rank(candidates: Candidate[]): Candidate[] {
  return candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.kind === b.c.kind ? b.c.score - a.c.score || a.i - b.i : a.c.kind === 'person' ? -1 : 1))
    .map((x) => x.c);
}
