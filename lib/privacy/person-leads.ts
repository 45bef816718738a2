// Which stored leads are one person: a data subject asks by email address, not by lead id.
import type { LeadRecord } from '../leads/schema';
import { normalizeEmail } from './domains';

export function leadsOfPerson(leads: readonly LeadRecord[], email: string): LeadRecord[] {
  const wanted = normalizeEmail(email);
  if (!wanted) return [];
  return leads.filter((l) => [l.emailaddress1, l.emailaddress2, l.emailaddress3].some((e) => e && normalizeEmail(e) === wanted));
}
