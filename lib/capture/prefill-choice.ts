// Which of the page's candidates the form is prefilled with (issue #14: prefer an empty field to
// a wrong one). The picker still offers every candidate; this only decides what the rep sees first.
import type { Candidate } from '../extract/types';

export interface PrefillPolicy {
  /**
   * The least evidence a person needs to be prefilled. Candidate scores: 1 a name in running
   * text, 2 a name beside its email or a salutation, 3 a name with a job title, 10+ markup.
   * Chosen by `npm run eval:extract` on the development pages, cross-validated by site.
   */
  minPersonScore: number;
  /**
   * Whether a person below score 2 (a name in running text) also needs corroboration from their
   * own candidate: a way to reach them (phone, email, address) or their surname in the company's
   * name or web address ("Kowalski & Partners"). A famous name in a news item has neither.
   */
  corroborate?: boolean;
}

export const prefillPolicy: PrefillPolicy = { minPersonScore: 1, corroborate: true };

const CONTACT_FIELDS = ['telephone1', 'mobilephone', 'emailaddress1', 'address1_line1', 'address1_city', 'address1_postalcode'] as const;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The person's candidate itself backs the name: contact details, or the surname in the company. */
export function corroborated(c: Candidate): boolean {
  if (CONTACT_FIELDS.some((k) => c.fields[k]?.value)) return true;
  const surname = fold(c.fields.lastname?.value ?? '').split(/[\s-]+/).pop() ?? '';
  if (surname.length < 3) return false;
  const company = fold(c.fields.companyname?.value ?? '');
  const site = fold(c.fields.websiteurl?.value ?? '');
  return company.split(/[^\p{L}]+/u).includes(surname) || site.includes(surname);
}

/** The index of the candidate to prefill, or -1 for none. */
export function choosePrefill(candidates: readonly Candidate[], policy: PrefillPolicy = prefillPolicy): number {
  const person = candidates.findIndex((c) => c.kind === 'person');
  const p = candidates[person];
  if (p && p.score >= policy.minPersonScore && (!policy.corroborate || p.score >= 2 || corroborated(p))) return person;
  // No person we would vouch for: the page's organization alone, so company, phone and address
  // are still filled and the name fields stay empty.
  return candidates.findIndex((c) => c.kind === 'organization');
}

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname.toLowerCase().replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
};
const ROLE_MAILBOX = /^(?:info|contact|office|hello|enquiries|inquiries|sales|admin|mail|biuro|kontakt)$/i;
const sameSite = (host: string | undefined, domain: string) => !!host && (host === domain || host.endsWith(`.${domain}`) || domain.endsWith(`.${host}`));

/**
 * A person the page names without an address of their own is reached through the page's
 * organization: its email fills the person's form when it is the organization's own, on the
 * site's domain or a role mailbox ("info@", "biuro@"), and keeps where it came from (#14).
 */
export function withOrganizationEmail(person: Candidate, candidates: readonly Candidate[]): Candidate {
  if (person.kind !== 'person' || person.fields.emailaddress1) return person;
  const org = candidates.find((c) => c.kind === 'organization' && c.fields.emailaddress1 && c.fields.companyname?.value === person.fields.companyname?.value);
  const email = org?.fields.emailaddress1;
  if (!email) return person;
  const [local, domain = ''] = email.value.toLowerCase().split('@');
  const own = sameSite(hostOf(org.fields.websiteurl?.value), domain) || sameSite(hostOf(email.source), domain);
  if (!own && !ROLE_MAILBOX.test(local)) return person;
  return { ...person, fields: { ...person.fields, emailaddress1: email } };
}
