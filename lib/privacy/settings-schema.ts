// The shape of the rep's privacy settings (issue #8), pure so policy code and benches need no
// browser. Stored by settings.ts.
import * as z from 'zod/mini';
import { lawfulBasis } from '../leads/schema';
import { normalizeDomain, normalizeEmail } from './domains';

const domainList = z.array(z.string().check(z.refine((d) => normalizeDomain(d) === d, { message: 'domain' }))).check(z.maxLength(1000));
const emailList = z.array(z.string().check(z.refine((e) => normalizeEmail(e) === e, { message: 'email' }))).check(z.maxLength(1000));

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

export const privacySettings = z.object({
  /** The lawful basis a new lead gets unless the rep picks another. */
  lawfulBasis: z._default(lawfulBasis, 'legitimate_interest'),
  /** The rep's name or email, recorded as "captured by". Sync may fill it from the signed-in user. */
  repIdentity: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
  /** The rep's company domain. Empty: derived from repIdentity's email domain. */
  ownDomain: z._default(z.union([z.literal(''), z.string().check(z.refine((d) => normalizeDomain(d) === d, { message: 'domain' }))]), ''),
  neverDomains: z._default(domainList, []),
  neverEmails: z._default(emailList, []),
  /** Local copies of synced leads are removed this many days after they reached the CRM. */
  retentionDays: z._default(z.int().check(z.gte(MIN_RETENTION_DAYS), z.lte(MAX_RETENTION_DAYS)), 30),
  /** Where the "why and where" line goes in the CRM (issue #17): 'note' (a note on the lead),
   * 'off', or the logical name of a column the admin added. Never every lead's description: the
   * old default 'description' reads as 'note'. */
  crmField: z._default(z.pipe(
    z.string().check(z.regex(/^[a-z_][a-z0-9_]{0,99}$/, { message: 'logical_name' })),
    z.transform((v) => (v === 'description' ? 'note' : v)),
  ), 'note'),
});
export type PrivacySettings = z.output<typeof privacySettings>;
export type PrivacySettingsInput = z.input<typeof privacySettings>;

export const defaultPrivacySettings: PrivacySettings = privacySettings.parse({});

// Zod-free, so the popup's never-capture verdict (capture-rules.ts) can use it too.
export { effectiveOwnDomain } from './own-domain';
