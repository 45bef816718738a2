// The privacy gate (issue #8), the one file for it: every path that stores a lead in the background
// (popup, options, capture, webmail, import) goes through here, so never-capture rules cannot be
// skipped by a page or a content script. It refuses never-capture leads with a message in the
// rep's language and stamps lawful basis and "captured by" into provenance.
import { getLead, saveLead } from '../store';
import { provenance as provenanceSchema, type LeadDraftInput, type LeadRecord, type Provenance } from '../leads/schema';
import { t } from '../i18n/t';
import { PrivacyRefusedError, refusalFor, refusalMessageKey } from './capture-policy';
import { getPrivacySettings, type PrivacySettings } from './settings';

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

export interface GuardOptions {
  confirmFreeMail?: boolean;
  now?: () => Date;
  translate?: (key: string, subs?: string | string[]) => string;
  settings?: PrivacySettings;
}

/** One draft: the draft to store (lawful basis and capturer stamped) or a thrown refusal. */
export async function guardLead(lead: unknown, options: GuardOptions = {}): Promise<LeadDraftInput> {
  const id = (lead as { id?: unknown } | null)?.id;
  return guardSave({
    input: lead as LeadDraftInput,
    existing: typeof id === 'string' ? await getLead(id) : undefined,
    settings: options.settings ?? (await getPrivacySettings()),
    confirmFreeMail: options.confirmFreeMail,
    now: (options.now ?? (() => new Date()))(),
    translate: options.translate ?? t,
  });
}

export type GuardedRow = { ok: true; lead: LeadDraftInput } | { ok: false; error: string };

/**
 * A batch (an import): refused rows come back as errors in place, the rest go on. Invalid rows
 * pass through untouched so the pipeline reports them with its own message.
 */
export async function guardBatch(leads: readonly unknown[], options: GuardOptions = {}): Promise<GuardedRow[]> {
  const settings = options.settings ?? (await getPrivacySettings());
  const out: GuardedRow[] = [];
  for (const lead of leads) {
    try {
      out.push({ ok: true, lead: await guardLead(lead, { ...options, settings }) });
    } catch (err) {
      if (err instanceof PrivacyRefusedError) out.push({ ok: false, error: err.message });
      else out.push({ ok: true, lead: lead as LeadDraftInput });
    }
  }
  return out;
}

/**
 * An import batch (leads/import staging): every row stamped, or the first refusal thrown, so the
 * import stops with the reason and writes nothing (the import is all or nothing by design).
 */
export async function guardImport(creates: readonly unknown[], updates: readonly { id: string; lead: unknown }[], options: GuardOptions = {}) {
  const settings = options.settings ?? (await getPrivacySettings());
  const guard = async (lead: unknown) => {
    try {
      return await guardLead(lead, { ...options, settings });
    } catch (err) {
      if (err instanceof PrivacyRefusedError) throw err;
      return lead as LeadDraftInput; // malformed: the pipeline reports it in its own words
    }
  };
  const out = { creates: [] as LeadDraftInput[], updates: [] as { id: string; lead: LeadDraftInput }[] };
  for (const lead of creates) out.creates.push(await guard(lead));
  for (const u of updates) out.updates.push({ id: u.id, lead: await guard(u.lead) });
  return out;
}

/** One lead from the popup, options, capture or webmail: guarded, then saved. */
export async function saveLeadWithPrivacy(input: LeadDraftInput, options: Omit<GuardOptions, 'settings'> = {}): Promise<LeadRecord> {
  const now = options.now ?? (() => new Date());
  return saveLead(await guardLead(input, { ...options, now }), now);
}
