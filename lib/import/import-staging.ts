// The background side of an import: valid leads arrive in batches and are staged under an
// import id; commit writes them all in ONE IndexedDB transaction, so a cancel (discard), a
// closed page or a worker restart before or during commit leaves nothing half-imported.
import * as z from 'zod/mini';
import { getDb } from '../db/open';
import { leadDraft, leadFieldNames, type LeadDraft, type LeadRecord } from '../leads/schema';
import { leadDedupeKey } from './dedupe-key';

interface Staged {
  creates: LeadDraft[];
  updates: { id: string; lead: LeadDraft }[];
  abort?: () => void;
  discarded?: boolean;
}

const staged = new Map<string, Staged>();

export class ImportStagingError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Every stored lead's dedupe key, for duplicate detection in the file's worker. */
export async function storedDedupeKeys(): Promise<[string, string][]> {
  const all = await (await getDb()).getAll('leads');
  const out: [string, string][] = [];
  for (const l of all) {
    const k = leadDedupeKey(l);
    if (k) out.push([k, l.id]);
  }
  return out;
}

/** Validates a batch (the page is ours, but every message is parsed) and stages it. */
export function stageBatch(importId: string, creates: unknown[], updates: { id: string; lead: unknown }[]): number {
  let s = staged.get(importId);
  if (!s) staged.set(importId, (s = { creates: [], updates: [] }));
  const parse = (raw: unknown, i: number) => {
    const r = leadDraft.safeParse(raw);
    if (!r.success) throw new ImportStagingError('invalid', `Lead ${i + 1} of the batch is invalid: ${z.prettifyError(r.error)}`);
    return r.data;
  };
  const c = creates.map(parse);
  const u = updates.map((x, i) => ({ id: x.id, lead: parse(x.lead, i) }));
  for (const d of c) s.creates.push(d);
  for (const d of u) s.updates.push(d);
  return s.creates.length + s.updates.length;
}

/** Non-empty imported values win; the stored record keeps its id, history and provenance. */
function merge(existing: LeadRecord, lead: LeadDraft, at: string): LeadRecord {
  const next: LeadRecord = { ...existing, updatedAt: at, sync: { ...existing.sync, state: existing.sync.state === 'synced' ? 'ready' : existing.sync.state } };
  const target = next as unknown as Record<string, unknown>;
  const source = lead as unknown as Record<string, unknown>;
  for (const f of leadFieldNames) {
    const v = source[f];
    if (v === undefined || v === '' || v === false) continue;
    target[f] = v;
  }
  return next;
}

export async function commitImport(importId: string, now: () => Date = () => new Date()): Promise<{ created: number; updated: number }> {
  const s = staged.get(importId);
  if (!s) throw new ImportStagingError('expired', 'Nothing is staged for this import (it was cancelled or the background restarted); nothing was written.');
  const at = now().toISOString();
  const db = await getDb();
  // Relaxed durability: one big write that is either all there or not at all, without an fsync wait.
  const tx = db.transaction('leads', 'readwrite', { durability: 'relaxed' });
  s.abort = () => tx.abort();
  let updated = 0;
  try {
    for (const lead of s.creates) {
      const record: LeadRecord = {
        ...lead,
        id: lead.id ?? crypto.randomUUID(),
        provenance: lead.provenance ?? { origin: 'import', capturedAt: at, fields: {} },
        sync: { state: 'ready' },
        createdAt: at,
        updatedAt: at,
      } as LeadRecord;
      void tx.store.put(record);
    }
    for (const u of s.updates) {
      const existing = await tx.store.get(u.id);
      if (s.discarded) break;
      if (existing) {
        void tx.store.put(merge(existing, u.lead, at));
        updated++;
      } else {
        void tx.store.put({ ...u.lead, id: u.id, provenance: u.lead.provenance ?? { origin: 'import', capturedAt: at, fields: {} }, sync: { state: 'ready' }, createdAt: at, updatedAt: at } as LeadRecord);
      }
    }
    if (s.discarded) tx.abort();
    await tx.done;
  } catch (err) {
    staged.delete(importId);
    if (s.discarded) throw new ImportStagingError('cancelled', 'The import was cancelled; nothing was written.');
    throw err;
  }
  staged.delete(importId);
  return { created: s.creates.length + (s.updates.length - updated), updated };
}

/** Cancel: drops what is staged and aborts a commit in flight. */
export function discardImport(importId: string): boolean {
  const s = staged.get(importId);
  if (!s) return false;
  s.discarded = true;
  try {
    s.abort?.();
  } catch {
    // already finished
  }
  staged.delete(importId);
  return true;
}
