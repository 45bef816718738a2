// The background's privacy gate on the save path (issue #8): refuses never-capture leads with a
// message in the rep's language and stamps lawful basis and "captured by" into provenance.
import { provenance as provenanceSchema, type LeadDraftInput, type LeadRecord, type Provenance } from '../leads/schema';
import { PrivacyRefusedError, refusalFor, refusalMessageKey } from './capture-policy';
import type { PrivacySettings } from './settings-schema';

export interface GuardInput {
  input: LeadDraftInput;
  existing: LeadRecord | undefined;
  settings: PrivacySettings;
  confirmFreeMail?: boolean;
  now: Date;
  translate: (key: string, subs?: string | string[]) => string;
}

const watched = ['emailaddress1', 'emailaddress2', 'emailaddress3'] as const;

/** The stakeholders' email fields as given (a malformed list yields none: the schema reports it). */
const stakeholderEmails = (list: unknown): string[] =>
  Array.isArray(list) ? list.flatMap((s: unknown) => {
    const e = (s as { emailaddress1?: unknown } | null)?.emailaddress1;
    return typeof e === 'string' && e.trim() ? [e.trim()] : [];
  }) : [];

/**
 * The draft to store (lawful basis and capturer stamped), or throws PrivacyRefusedError. Reads
 * only what the rules need, so an import row costs little; a malformed draft is returned as it
 * came, for the save path's own validation to report.
 */
export function guardSave({ input, existing, settings, confirmFreeMail, now, translate }: GuardInput): LeadDraftInput {
  const raw = (input ?? {}) as Record<string, unknown>;
  const given = raw.provenance === undefined ? undefined : provenanceSchema.safeParse(raw.provenance);
  if (given && !given.success) return input;
  const base: Provenance = given?.data ?? existing?.provenance ?? { origin: 'manual', capturedAt: now.toISOString(), fields: {} };
  const provenance: Provenance = {
    ...base,
    lawfulBasis: base.lawfulBasis ?? settings.lawfulBasis,
    capturedBy: base.capturedBy ?? (settings.repIdentity || undefined),
  };
  const email = (f: (typeof watched)[number]) => (typeof raw[f] === 'string' ? (raw[f] as string).trim() : undefined) || undefined;
  // A lead already kept is only re-checked when who it is or where it came from changes, so a
  // rule added later does not lock the rep out of marking an old lead do-not-contact.
  const kept = new Set(stakeholderEmails(existing?.stakeholders).map((e) => e.toLowerCase()));
  const newStakeholderEmails = stakeholderEmails(raw.stakeholders).filter((e) => !kept.has(e.toLowerCase()));
  const changed =
    !existing ||
    watched.some((f) => (email(f) ?? '').toLowerCase() !== (existing[f] ?? '').toLowerCase()) ||
    provenance.sourceUrl !== existing.provenance.sourceUrl ||
    newStakeholderEmails.length > 0;
  if (changed) {
    const lead = { emailaddress1: email('emailaddress1'), emailaddress2: email('emailaddress2'), emailaddress3: email('emailaddress3'), provenance, stakeholderEmails: newStakeholderEmails };
    const refusal = refusalFor({ lead, settings, confirmFreeMail });
    if (refusal) throw new PrivacyRefusedError(refusal, translate(refusalMessageKey[refusal.code], refusal.subject));
  }
  return { ...raw, provenance } as LeadDraftInput;
}
