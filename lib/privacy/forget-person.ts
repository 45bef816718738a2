// "Forget this person" (issue #4/#8): every local trace of a lead goes (lead, timeline, queue,
// audit, drafts, any later store), leaving one audit line that says an erasure happened.
import { DB_NAME, eraseTraces, forEachLeadDatabase, forLeadsSettled, type EraseResult } from '../store';
import type { LeadRecord } from '../leads/schema';
import { eraseDraftTraces } from './draft-traces';

export const ERASURE_STORE = 'audit';

export interface ForgetOptions {
  now?: () => Date;
  /** Who asked (the rep), kept on the erasure record. */
  by?: string;
  /** Deletes the lead in the CRM first; a failure stops the erasure so the rep can retry. */
  crmDelete?: (lead: LeadRecord) => Promise<void>;
}

export interface ForgetResult extends EraseResult {
  drafts: number;
  crm: 'deleted' | 'not_requested';
}

/** The one record that survives: no name, no address, only that lead <id> was erased and when. */
export function erasureRecord(leadId: string, at: string, details: { by?: string; crm: ForgetResult['crm'] }) {
  return { leadId, at, kind: 'erased', details: { ...(details.by ? { by: details.by } : {}), crm: details.crm } };
}

export function forgetPerson(leadId: string, options: ForgetOptions = {}): Promise<ForgetResult> {
  return forLeadsSettled([leadId], async (db) => {
  const lead = (await db.get('leads', leadId)) as LeadRecord | undefined;
  let crm: ForgetResult['crm'] = 'not_requested';
  // A lead the CRM never received has nothing to delete there.
  if (options.crmDelete && lead && (lead.sync.syncedAt || lead.sync.state === 'synced')) {
    await options.crmDelete(lead);
    crm = 'deleted';
  }
  const at = (options.now?.() ?? new Date()).toISOString();
  // One transaction per database: the main one (with the erasure record) first, then each
  // feature database ('leadclip-sync' …). Store names from other databases are "db/store".
  const removed: EraseResult['removed'] = {};
  await forEachLeadDatabase(db, async (d, name) => {
    const keep = name === DB_NAME ? { store: ERASURE_STORE, value: erasureRecord(leadId, at, { by: options.by, crm }) } : undefined;
    const r = await eraseTraces(d, leadId, keep);
    for (const [store, n] of Object.entries(r.removed)) removed[name === DB_NAME ? store : `${name}/${store}`] = n;
  });
  const result = { removed };
  const emails = lead ? [lead.emailaddress1, lead.emailaddress2, lead.emailaddress3].filter((e): e is string => !!e) : [];
  const drafts = await eraseDraftTraces(leadId, emails);
  return { ...result, drafts, crm };
  });
}
