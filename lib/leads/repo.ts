// The lead store. Only the background worker uses it (see lib/db/open.ts).
import { getDb } from '../db/open';
import { leadDraft, leadRecord, type LeadDraftInput, type LeadRecord } from './schema';

export type Clock = () => Date;
const systemClock: Clock = () => new Date();

/** Validates a draft and stores it as a new lead (or replaces the lead with the same id). */
export async function saveLead(input: LeadDraftInput, now: Clock = systemClock): Promise<LeadRecord> {
  const draft = leadDraft.parse(input);
  const at = now().toISOString();
  const db = await getDb();
  const existing = draft.id ? await db.get('leads', draft.id) : undefined;
  const record: LeadRecord = leadRecord.parse({
    ...draft,
    id: draft.id ?? crypto.randomUUID(),
    provenance: draft.provenance ?? existing?.provenance ?? { origin: 'manual', capturedAt: at, fields: {} },
    sync: existing?.sync ?? { state: 'ready' },
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  });
  await db.put('leads', record);
  return record;
}

/** Puts a whole record back, exactly as it was (undo of a delete). */
export async function restoreLead(record: LeadRecord): Promise<LeadRecord> {
  const valid = leadRecord.parse(record);
  await (await getDb()).put('leads', valid);
  return valid;
}

export async function getLead(id: string): Promise<LeadRecord | undefined> {
  return (await getDb()).get('leads', id);
}

/** Every lead, newest change first. */
export async function listLeads(): Promise<LeadRecord[]> {
  const all = await (await getDb()).getAllFromIndex('leads', 'by-updated');
  return all.reverse();
}

export async function deleteLead(id: string): Promise<LeadRecord | undefined> {
  const db = await getDb();
  const tx = db.transaction('leads', 'readwrite');
  const existing = await tx.store.get(id);
  if (existing) await tx.store.delete(id);
  await tx.done;
  return existing;
}

/** How many leads have not reached the CRM yet (the badge). */
export async function countUnsynced(): Promise<number> {
  const db = await getDb();
  const [all, synced] = await Promise.all([db.count('leads'), db.countFromIndex('leads', 'by-sync-state', 'synced')]);
  return all - synced;
}
