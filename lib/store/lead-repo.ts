// Reading and changing stored leads. Only the background worker uses it (see lib/store/open.ts).
import { getDb } from './open';
import { openTx } from './tx';
import { nextRevision, withJob } from './outbox';
import { appendAudit } from './audit-trail';
import { asLead } from './stored-lead';
import { dedupeKeys } from '../leads/dedupe-keys';
import { leadRecord, type LeadDraftInput, type LeadRecord } from '../leads/schema';
import { saveLeadThroughPipeline, type PipelineDeps, type SaveOutcome, type SaveRequest } from './save-pipeline';
import { newestFirst } from '../leads/lead-query';
import { loadPipelineSettings } from '../leads/pipeline-settings';
import { settleImportedLeads } from './import-journal';
import { journalLead, pendingDuplicateSource, pendingImportedLeads } from './journal-mirror';

export type Clock = () => Date;
const systemClock: Clock = () => new Date();

/** What the background's saves need: settings, and the import journal (docs/import.md). */
export async function pipelineDeps(now: Clock = systemClock): Promise<PipelineDeps> {
  return { settings: await loadPipelineSettings(), now, pendingDuplicates: pendingDuplicateSource, settleLeads: settleImportedLeads };
}

/** Saves through the one pipeline (issue #4): normalized, indexed, queued and audited. Saves
 * despite duplicates; callers that want to ask first use `leads/duplicates`. */
export async function saveLead(input: LeadDraftInput, now: Clock = systemClock): Promise<LeadRecord> {
  // Leads of an import still in the journal count as duplicates too (recorded in the audit trail).
  const out = await saveLeadThroughPipeline({ lead: input, onDuplicate: 'save' }, await pipelineDeps(now));
  if (out.status === 'saved') return out.lead;
  throw Object.assign(new Error(out.status === 'invalid' ? out.error : 'duplicates'), { code: 'invalid' });
}

/** Puts a whole record back, exactly as it was (undo of a delete): re-indexed for the duplicate
 * check and queued again if it had not reached the CRM (issue #4). */
export async function restoreLead(record: LeadRecord): Promise<LeadRecord> {
  const valid = leadRecord.parse(record);
  const at = new Date().toISOString();
  const tx = openTx(await getDb(), ['leads', 'audit'], 'readwrite');
  const leads = tx.objectStore('leads');
  const wasSynced = valid.sync.state === 'synced';
  const job = nextRevision((await leads.get(valid.id))?.outbox, valid.id, at, (e) => void appendAudit(tx, e), { draft: valid.sync.state === 'draft' });
  const dedupe = dedupeKeys(valid.id, valid);
  const row = wasSynced
    ? { ...valid, outbox: { ...job, state: 'synced' as const, syncedRevision: job.revision, op: 'update' as const, dueAt: at }, dedupe }
    : { ...withJob(valid, job), dedupe };
  await leads.put(row);
  await tx.done;
  return asLead(row);
}

// Reads see a lead still in the import journal as stored; the journal is read first (docs/import.md).

export async function getLead(id: string): Promise<LeadRecord | undefined> {
  const waiting = journalLead(id);
  return asLead(await (await getDb()).get('leads', id)) ?? (await waiting);
}

/** Every lead, newest change first (ties by id). */
export async function listLeads(): Promise<LeadRecord[]> {
  const waiting = await pendingImportedLeads();
  const stored = (await (await getDb()).getAll('leads')).map((l) => asLead(l));
  const ids = new Set(stored.map((l) => l.id));
  return [...stored, ...waiting.filter((l) => !ids.has(l.id))].sort(newestFirst);
}

export async function deleteLead(id: string): Promise<LeadRecord | undefined> {
  await settleImportedLeads([id]);
  // Its duplicate keys and outbox job go with the record; its audit trail stays.
  const tx = openTx(await getDb(), ['leads'], 'readwrite');
  const existing = await tx.objectStore('leads').get(id);
  if (existing) await tx.objectStore('leads').delete(id);
  await tx.done;
  return asLead(existing);
}


class NotFound extends Error {
  readonly code = 'not_found';
}

/** What a change makes of a stored lead: the new lead (validated by the pipeline) and, instead
 * of "edited", what the audit trail records. */
export interface LeadChange {
  lead: unknown;
  audit?: SaveRequest['auditAs'];
}

function saved(out: SaveOutcome): LeadRecord {
  if (out.status === 'saved') return out.lead;
  throw Object.assign(new Error(out.status === 'invalid' ? out.error : 'duplicates'), { code: out.status === 'invalid' ? 'invalid' : 'duplicates' });
}

/** Changes a stored lead through the save pipeline, settling it out of the journal first
 * (docs/import.md). Throws not_found for no such lead. */
export async function changeLead(id: string, change: (stored: LeadRecord) => LeadChange, deps?: PipelineDeps): Promise<LeadRecord> {
  await settleImportedLeads([id]);
  const stored = asLead(await (await getDb()).get('leads', id));
  if (!stored) throw new NotFound(`No lead with id ${id}.`);
  const { lead, audit } = change(stored);
  return saved(await saveLeadThroughPipeline({ lead, onDuplicate: 'save', auditAs: audit }, deps ?? (await pipelineDeps())));
}
