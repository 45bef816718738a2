// Which leads are the same person: same email, or else same name at the same company.
import type { LeadFields } from './schema';

const norm = (s: string | undefined) => (s ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}@.]+/gu, '');

export function leadDedupeKey(l: Pick<LeadFields, 'emailaddress1' | 'firstname' | 'lastname' | 'companyname'>): string | undefined {
  const email = l.emailaddress1?.trim().toLowerCase();
  if (email) return `e:${email}`;
  const last = norm(l.lastname);
  if (!last) return undefined;
  return `n:${norm(l.firstname)}|${last}|${norm(l.companyname)}`;
}
