// The background's privacy gate on the save path (issue #8): refuses never-capture leads with a
// message in the rep's language and stamps lawful basis and "captured by" into provenance.
import { leadDraft, type LeadDraftInput, type LeadRecord, type Provenance } from '../leads/schema';
import { PrivacyRefusedError, refusalFor, refusalMessageKey } from './capture-policy';
import type { PrivacySettings } from './settings';

export interface GuardInput {
  input: LeadDraftInput;
  existing: LeadRecord | undefined;
  settings: PrivacySettings;
  confirmFreeMail?: boolean;
  now: Date;
  translate: (key: string, subs?: string | string[]) => string;
}

const watched = ['emailaddress1', 'emailaddress2', 'emailaddress3'] as const;

/** The draft to store, or throws PrivacyRefusedError. Throws the zod error on an invalid draft. */
export function guardSave({ input, existing, settings, confirmFreeMail, now, translate }: GuardInput): LeadDraftInput {
  const draft = leadDraft.parse(input);
  const base: Provenance = draft.provenance ?? existing?.provenance ?? { origin: 'manual', capturedAt: now.toISOString(), fields: {} };
  const provenance: Provenance = {
    ...base,
    lawfulBasis: base.lawfulBasis ?? settings.lawfulBasis,
    capturedBy: base.capturedBy ?? (settings.repIdentity || undefined),
  };
  // A lead already kept is only re-checked when who it is or where it came from changes, so a
  // rule added later does not lock the rep out of marking an old lead do-not-contact.
  const changed =
    !existing ||
    watched.some((f) => (draft[f] ?? '').toLowerCase() !== (existing[f] ?? '').toLowerCase()) ||
    provenance.sourceUrl !== existing.provenance.sourceUrl;
  if (changed) {
    const refusal = refusalFor({ lead: { ...draft, provenance }, settings, confirmFreeMail });
    if (refusal) throw new PrivacyRefusedError(refusal, translate(refusalMessageKey[refusal.code], refusal.subject));
  }
  return { ...(input as object), provenance } as LeadDraftInput;
}
