// The background side of an import. All of an import's leads go into ONE IndexedDB transaction
// that stays open from the first batch to the commit: batches are written as they arrive (so
// writing overlaps parsing), yet nothing is visible or kept unless the commit completes. Cancel,
// a closed page or a stopped worker abort the transaction, leaving nothing half-imported.
import * as z from 'zod/mini';
import type { IDBPTransaction } from 'idb';
import { getDb } from '../db/open';
import type { AppDb } from '../db/schema';
import { leadDraft, leadFieldNames, type LeadDraft, type LeadRecord } from '../leads/schema';
import { leadDedupeKey } from './dedupe-key';

type Tx = IDBPTransaction<AppDb, ['leads'], 'readwrite'>;

interface Item {
  lead: LeadDraft;
  /** Stored lead to update, or undefined to create. */
  updateId?: string;
}

interface OpenImport {
  tx: Tx;
  queue: Item[][];
  finished: boolean;
  cancelled: boolean;
  created: number;
  updated: number;
  /** Resolves when the transaction committed; rejects when it aborted. */
  done: Promise<void>;
  lastSeen: number;
}

const imports = new Map<string, OpenImport>();
// Two batches may arrive before the transaction is open: both must get the same one.
const opening = new Map<string, Promise<OpenImport>>();
/** An import whose page went silent this long is abandoned (aborted), never half-committed. */
const IDLE_ABORT_MS = 60_000;

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

/** Non-empty imported values win; the stored record keeps its id, history and provenance. */
export function mergeImported(existing: LeadRecord, lead: LeadDraft, at: string): LeadRecord {
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

function newRecord(lead: LeadDraft, at: string, id = lead.id ?? crypto.randomUUID()): LeadRecord {
  return {
    ...lead,
    id,
    provenance: lead.provenance ?? { origin: 'import', capturedAt: at, fields: {} },
    sync: { state: 'ready' },
    createdAt: at,
    updatedAt: at,
  } as LeadRecord;
}

/**
 * Writes queued batches inside the open transaction. While the queue is empty it keeps the
 * transaction alive with a cheap read (a transaction commits by itself once no request is
 * pending), until commit or cancel.
 */
async function pump(s: OpenImport, now: () => Date): Promise<void> {
  const store = s.tx.store;
  const at = now().toISOString();
  for (;;) {
    if (s.cancelled || Date.now() - s.lastSeen > IDLE_ABORT_MS) {
      s.tx.abort();
      return;
    }
    const batch = s.queue.shift();
    if (batch) {
      for (const item of batch) {
        if (!item.updateId) {
          void store.put(newRecord(item.lead, at));
          s.created++;
          continue;
        }
        const existing = await store.get(item.updateId);
        if (existing) {
          void store.put(mergeImported(existing, item.lead, at));
          s.updated++;
        } else {
          void store.put(newRecord(item.lead, at, item.updateId));
          s.created++;
        }
      }
      continue;
    }
    if (s.finished) return;
    await store.count(IDBKeyRange.only(''));
  }
}

async function open(importId: string, now: () => Date): Promise<OpenImport> {
  const db = await getDb();
  // Relaxed durability: one big write that is all there or not at all, without an fsync wait.
  const tx = db.transaction('leads', 'readwrite', { durability: 'relaxed' });
  const s: OpenImport = { tx, queue: [], finished: false, cancelled: false, created: 0, updated: 0, done: Promise.resolve(), lastSeen: Date.now() };
  const pumped = pump(s, now).catch(() => {
    // A failed request aborts the transaction; tx.done reports it.
  });
  s.done = Promise.all([pumped, tx.done]).then(() => undefined);
  s.done.catch(() => imports.delete(importId));
  imports.set(importId, s);
  return s;
}

/** Validates a batch (the page is ours, but every message is parsed) and queues it for writing. */
export async function stageBatch(
  importId: string,
  creates: unknown[],
  updates: { id: string; lead: unknown }[],
  now: () => Date = () => new Date(),
): Promise<number> {
  const parse = (raw: unknown, i: number) => {
    const r = leadDraft.safeParse(raw);
    if (!r.success) throw new ImportStagingError('invalid', `Lead ${i + 1} of the batch is invalid: ${z.prettifyError(r.error)}`);
    return r.data;
  };
  const items: Item[] = [...creates.map((c, i) => ({ lead: parse(c, i) })), ...updates.map((u, i) => ({ lead: parse(u.lead, i), updateId: u.id }))];
  let s = imports.get(importId);
  if (!s) {
    let p = opening.get(importId);
    if (!p) {
      p = open(importId, now).finally(() => opening.delete(importId));
      opening.set(importId, p);
    }
    s = await p;
  }
  if (s.cancelled || s.finished) throw new ImportStagingError('expired', 'This import was cancelled or already committed; nothing more is written.');
  s.lastSeen = Date.now();
  s.queue.push(items);
  return items.length;
}

export async function commitImport(importId: string): Promise<{ created: number; updated: number }> {
  const s = imports.get(importId);
  if (!s) throw new ImportStagingError('expired', 'Nothing is staged for this import (it was cancelled or the background restarted); nothing was written.');
  s.finished = true;
  s.lastSeen = Date.now();
  try {
    await s.done;
  } catch {
    throw s.cancelled
      ? new ImportStagingError('cancelled', 'The import was cancelled; nothing was written.')
      : new ImportStagingError('aborted', 'Saving the import failed; nothing was written.');
  } finally {
    imports.delete(importId);
  }
  if (s.cancelled) throw new ImportStagingError('cancelled', 'The import was cancelled; nothing was written.');
  return { created: s.created, updated: s.updated };
}

/**
 * Cancel: aborts the transaction, so nothing of this import is written. Answers false when it is
 * too late (the commit already completed): then everything was imported, never a part.
 */
export async function discardImport(importId: string): Promise<boolean> {
  const s = imports.get(importId) ?? (await opening.get(importId));
  if (!s) return true; // nothing was ever staged
  s.cancelled = true;
  if (s.finished) {
    try {
      s.tx.abort();
    } catch {
      s.cancelled = false;
      return false;
    }
  }
  imports.delete(importId);
  await s.done.catch(() => undefined);
  return true;
}
