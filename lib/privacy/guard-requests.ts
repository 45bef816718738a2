// The privacy gate for the pipeline's own save messages (issue #4's leads/submit and the import's
// leads/save-batch): the same rules as leads/save, so no path around them exists.
import { getLead } from '../store';
import type { LeadDraftInput } from '../leads/schema';
import { t } from '../i18n/t';
import { PrivacyRefusedError } from './capture-policy';
import { guardSave } from './save-guard';
import { getPrivacySettings, type PrivacySettings } from './settings';

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
