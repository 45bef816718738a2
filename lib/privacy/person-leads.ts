// Which stored leads are one person: a data subject asks by email address, not by lead id.
import type { LeadRecord } from '../leads/schema';
import { emailAddresses } from '../text/email-address';
import { normalizeEmail } from './domains';

/** The comparable forms of every address in a field, read as the never-capture check reads them (issue #18). */
const addressesIn = (field: string | undefined) => (field ? emailAddresses(field).map((a) => normalizeEmail(a) ?? a) : []);

export function leadsOfPerson(leads: readonly LeadRecord[], email: string): LeadRecord[] {
  const [wanted] = addressesIn(email);
  if (!wanted) return [];
  return leads.filter((l) => [l.emailaddress1, l.emailaddress2, l.emailaddress3].some((e) => addressesIn(e).includes(wanted)));
}
