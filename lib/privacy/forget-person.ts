// "Forget this person" (issue #4/#8): every local trace of a lead goes (lead, timeline, queue,
// audit, drafts, any later store), leaving one audit line that says an erasure happened.
import type { IDBPDatabase } from 'idb';
import { getDb } from '../db/open';
import type { LeadRecord } from '../leads/schema';
import { eraseDraftTraces } from './draft-traces';
import { eraseTraces, type EraseResult } from './lead-traces';

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

export async function forgetPerson(leadId: string, options: ForgetOptions = {}): Promise<ForgetResult> {
  const db = (await getDb()) as unknown as IDBPDatabase<unknown>;
  const lead = (await db.get('leads', leadId)) as LeadRecord | undefined;
  let crm: ForgetResult['crm'] = 'not_requested';
  if (options.crmDelete && lead) {
    await options.crmDelete(lead);
    crm = 'deleted';
  }
  const at = (options.now?.() ?? new Date()).toISOString();
  const result = await eraseTraces(db, leadId, { store: ERASURE_STORE, value: erasureRecord(leadId, at, { by: options.by, crm }) });
  const emails = lead ? [lead.emailaddress1, lead.emailaddress2, lead.emailaddress3].filter((e): e is string => !!e) : [];
  const drafts = await eraseDraftTraces(leadId, emails);
  return { ...result, drafts, crm };
}
