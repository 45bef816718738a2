// What the popup and options page ask of a stored lead beyond saving it: merge a duplicate in,
// qualify, disqualify. Each goes through the save pipeline, so it is normalized, re-indexed,
// queued and audited like any edit.
import { getDb } from '../db/open';
import { openTx } from '../db/tx';
import { requeue } from '../queue/outbox';
import { listAudit } from '../audit/trail';
import { settleImportedLeads } from '../import/import-journal';
import { saveLeadThroughPipeline, type PipelineDeps, type SaveOutcome } from './save-pipeline';
import { qualifyLead, type QualifyRequest } from './qualify';
import { leadFieldNames, type LeadFieldName, type LeadRecord } from './schema';

class NotFound extends Error {
  readonly code = 'not_found';
}

/** A stored lead, moved out of the import journal first if it is still there (it is about to change). */
async function load(id: string): Promise<LeadRecord> {
  await settleImportedLeads([id]);
  const lead = await (await getDb()).get('leads', id);
  if (!lead) throw new NotFound(`No lead with id ${id}.`);
  return lead;
}

function saved(out: SaveOutcome): LeadRecord {
  if (out.status === 'saved') return out.lead;
  throw Object.assign(new Error(out.status === 'invalid' ? out.error : 'duplicates'), { code: out.status === 'invalid' ? 'invalid' : 'duplicates' });
}

/** Merge into an existing lead: for each field the rep picked, the new value replaces the
 * stored one. Timeline items of the new lead are added. */
export async function mergeIntoLead(targetId: string, values: Record<string, unknown>, fields: string[], timeline: unknown[], deps: PipelineDeps): Promise<LeadRecord> {
  const target = await load(targetId);
  const picked = fields.filter((f): f is LeadFieldName => (leadFieldNames as string[]).includes(f));
  const merged: Record<string, unknown> = { ...target };
  for (const f of picked) merged[f] = values[f];
  merged.timeline = [...target.timeline, ...timeline];
  return saved(await saveLeadThroughPipeline({ lead: merged, onDuplicate: 'save', auditAs: { kind: 'merged', details: { taken: picked } } }, deps));
}

export async function qualifyStoredLead(req: QualifyRequest, deps: PipelineDeps): Promise<LeadRecord> {
  const { lead, filled, stakeholder } = qualifyLead(await load(req.id), req);
  return saved(await saveLeadThroughPipeline({
    lead, onDuplicate: 'save',
    auditAs: { kind: 'qualified', details: { account: req.account, contact: req.contact, filled, stakeholder: stakeholder ? { fullname: stakeholder.fullname, role: stakeholder.role } : undefined } },
  }, deps));
}

export async function disqualifyStoredLead(id: string, statuscode: 4 | 5 | 6 | 7, deps: PipelineDeps): Promise<LeadRecord> {
  const lead = await load(id);
  return saved(await saveLeadThroughPipeline({ lead: { ...lead, statecode: 2, statuscode }, onDuplicate: 'save', auditAs: { kind: 'disqualified', details: { statuscode } } }, deps));
}

/** The rep retries a lead that failed or needs attention, or hands a draft over. */
export async function retryLead(id: string, now = new Date()): Promise<LeadRecord> {
  await settleImportedLeads([id]);
  const tx = openTx(await getDb(), ['outbox', 'leads', 'audit'], 'readwrite');
  await requeue(tx, id, now.toISOString());
  await tx.done;
  return load(id);
}

export { listAudit };
