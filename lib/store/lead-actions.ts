// What the popup and options page ask of a stored lead beyond saving it: merge a duplicate in,
// qualify, disqualify, retry. Each is one change of the stored lead (lib/store/lead-repo.ts).
import { listAudit } from './audit-trail';
import { changeLead } from './lead-repo';
import { requeueLead } from './sync-queue';
import type { PipelineDeps } from './save-pipeline';
import { qualifyLead, type QualifyRequest } from '../leads/qualify';
import { leadFieldNames, type LeadFieldName, type LeadRecord } from '../leads/schema';

/** Merge into an existing lead: for each field the rep picked, the new value replaces the
 * stored one. Timeline items of the new lead are added. */
export function mergeIntoLead(targetId: string, values: Record<string, unknown>, fields: string[], timeline: unknown[], deps?: PipelineDeps): Promise<LeadRecord> {
  const picked = fields.filter((f): f is LeadFieldName => (leadFieldNames as string[]).includes(f));
  return changeLead(targetId, (target) => {
    const merged: Record<string, unknown> = { ...target };
    for (const f of picked) merged[f] = values[f];
    merged.timeline = [...target.timeline, ...timeline];
    return { lead: merged, audit: { kind: 'merged', details: { taken: picked } } };
  }, deps);
}

export function qualifyStoredLead(req: QualifyRequest, deps?: PipelineDeps): Promise<LeadRecord> {
  return changeLead(req.id, (stored) => {
    const { lead, filled, stakeholder } = qualifyLead(stored, req);
    return { lead, audit: { kind: 'qualified', details: { account: req.account, contact: req.contact, filled, stakeholder: stakeholder ? { fullname: stakeholder.fullname, role: stakeholder.role } : undefined } } };
  }, deps);
}

export function disqualifyStoredLead(id: string, statuscode: 4 | 5 | 6 | 7, deps?: PipelineDeps): Promise<LeadRecord> {
  return changeLead(id, (lead) => ({ lead: { ...lead, statecode: 2, statuscode }, audit: { kind: 'disqualified', details: { statuscode } } }), deps);
}

/** The rep retries a lead that failed or needs attention, or hands a draft over. */
export async function retryLead(id: string, now = new Date()): Promise<LeadRecord> {
  const lead = await requeueLead(id, { now });
  if (!lead) throw Object.assign(new Error(`No lead with id ${id}.`), { code: 'not_found' });
  return lead;
}

export { listAudit };
