// Never-capture rules (issue #8): which leads the background refuses to store. Pure: the
// background passes the settings in; content scripts never decide this themselves.
import type { LeadDraft } from '../leads/schema';
import { emailAddresses } from '../text/email-address';
import { isFreeMailDomain } from '../text/free-mail';
import { domainOfEmail, hostOfUrl, isUnderDomain, normalizeEmail } from './domains';
import { effectiveOwnDomain } from './own-domain';
import type { PrivacySettings } from './settings-schema';

export type Refusal =
  | { code: 'never_domain'; subject: string }
  | { code: 'never_email'; subject: string }
  | { code: 'own_domain'; subject: string }
  | { code: 'free_mail_unconfirmed'; subject: string };

/** The settings the never-capture rules read. */
export type CaptureRules = Pick<PrivacySettings, 'neverDomains' | 'neverEmails' | 'ownDomain' | 'repIdentity'>;

export interface PolicyInput {
  lead: Pick<LeadDraft, 'emailaddress1' | 'emailaddress2' | 'emailaddress3' | 'provenance'> & {
    /** The stakeholders' addresses: people stored (and synced as contacts) with the lead. */
    stakeholderEmails?: readonly (string | undefined)[];
  };
  /** What the rules read of the settings (the popup's page verdict reads just these: capture-rules.ts). */
  settings: CaptureRules;
  /** The rep said yes to keeping a free-mail sender as a lead. */
  confirmFreeMail?: boolean;
}

/** Origins where LeadClip found the person rather than the rep typing them in. */
const capturedOrigins = new Set(['page', 'selection', 'email']);

/** Why this lead must not be stored, or undefined when it may. The first rule that matches wins. */
export function refusalFor({ lead, settings, confirmFreeMail = false }: PolicyInput): Refusal | undefined {
  const own = effectiveOwnDomain(settings);
  // Every address in every email field, read as the lead model reads it (issue #18): a display
  // name, a separator or a second address cannot hide one.
  const read = (fields: readonly (string | undefined)[]) =>
    fields.flatMap((e) => (e ? emailAddresses(e) : [])).map((address) => ({ email: normalizeEmail(address) ?? address, domain: domainOfEmail(address) ?? '' }));
  const leadEmails = read([lead.emailaddress1, lead.emailaddress2, lead.emailaddress3]);
  const emails = [...leadEmails, ...read(lead.stakeholderEmails ?? [])];

  for (const { email } of emails) {
    if (settings.neverEmails.includes(email)) return { code: 'never_email', subject: email };
  }
  const sourceHost = hostOfUrl(lead.provenance?.sourceUrl);
  for (const domain of settings.neverDomains) {
    if (sourceHost && isUnderDomain(sourceHost, domain)) return { code: 'never_domain', subject: sourceHost };
    const hit = emails.find((e) => isUnderDomain(e.domain, domain));
    if (hit) return { code: 'never_domain', subject: hit.email };
  }
  if (own) {
    if (sourceHost && isUnderDomain(sourceHost, own)) return { code: 'own_domain', subject: sourceHost };
    const hit = emails.find((e) => isUnderDomain(e.domain, own));
    if (hit) return { code: 'own_domain', subject: hit.email };
  }
  if (!confirmFreeMail && capturedOrigins.has(lead.provenance?.origin ?? 'manual')) {
    const hit = leadEmails.find((e) => isFreeMailDomain(e.domain)); // a private address of the lead itself
    if (hit) return { code: 'free_mail_unconfirmed', subject: hit.email };
  }
  return undefined;
}

/** The i18n key of the message the rep sees for a refusal ($1 = the address or host). */
export const refusalMessageKey: Record<Refusal['code'], string> = {
  never_domain: 'privacy_refused_never_domain',
  never_email: 'privacy_refused_never_email',
  own_domain: 'privacy_refused_own_domain',
  free_mail_unconfirmed: 'privacy_confirm_free_mail',
};

/** Thrown by the save path; serve.ts turns `code` and the message into the reply. */
export class PrivacyRefusedError extends Error {
  readonly code: string;
  constructor(readonly refusal: Refusal, message: string) {
    super(message);
    this.code = refusal.code === 'free_mail_unconfirmed' ? 'privacy_confirm_free_mail' : 'privacy_refused';
  }
}
