// The background side of an import: batches go through the save pipeline into the import journal,
// all in ONE transaction open from the first batch to the commit (docs/import.md).
import { getDb } from './open';
import { openTx, type Tx } from './tx';
import { prepareImportedLeads, validateDraft, type PipelineDeps } from './save-pipeline';
import { dedupeKeys, exactMatchKeys } from '../leads/dedupe-keys';
import { leadStoreKeys } from './stored-keys';
import { journal, journalChanged, pendingImportedLeads } from './journal-mirror';
import { journalKey, type ImportJournalPart } from './journal-part';
import { phoneMetadataReady } from '../text/phone-metadata-ready';

interface Item {
  /** A LeadDraftInput; the pipeline validates it. */
  lead: unknown;
  /** Stored lead to update, or undefined to create. */
  updateId?: string;
}

interface OpenImport {
  tx: Tx<'readwrite'>;
  queue: Item[][];
  finished: boolean;
  cancelled: boolean;
  aborted?: boolean;
  created: number;
  updated: number;
  /** Journal parts written so far. */
  parts: number;
  /** Why the pipeline refused a lead (the whole import is then abandoned). */
  failure?: string;
  /** Resolves when the transaction committed; rejects when it aborted. */
  done: Promise<void>;
  lastSeen: number;
}

const imports = new Map<string, OpenImport>();
// Two batches may arrive before the transaction is open: both must get the same one.
const opening = new Map<string, Promise<OpenImport>>();
/** Imports that were committed or cancelled: a late batch must not start a new transaction. */
const closed = new Set<string>();
/** Leads per journal part. The background applies a part per transaction, and any read of the
 * lead stores waits for the transaction under way: small parts keep that wait under a second. */
const PART_LEADS = 1000;
/** An import whose page went silent this long is abandoned (aborted), never half-committed. */
const IDLE_ABORT_MS = 60_000;

export class ImportStagingError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Every stored lead's exact duplicate keys (email, phone, name + company), for duplicate detection in the file's worker: leads of an
 * import still in the journal count as stored. */
export async function storedDedupeKeys(): Promise<[string, string][]> {
  // The journal first: a part applied in between is then read twice, never missed.
  const waiting = await pendingImportedLeads();
  const out: [string, string][] = [];
  for (const [id, keys] of await leadStoreKeys()) for (const k of keys) out.push([k, id]);
  // A lead still in the journal has its keys worked out here.
  for (const l of waiting) for (const k of exactMatchKeys(dedupeKeys(l.id, l))) out.push([k, l.id]);
  return out;
}

/**
 * Writes queued batches to the journal inside the open transaction, one record per batch. While
 * the queue is empty it keeps the transaction alive with a cheap read (a transaction commits by
 * itself once no request is pending), until commit or cancel.
 */
async function pump(importId: string, s: OpenImport, deps: PipelineDeps): Promise<void> {
  const at = (deps.now ?? (() => new Date()))().toISOString();
  const journal = s.tx.objectStore('importJournal');
  let draining: Promise<unknown> | undefined;
  for (;;) {
    // The page going silent only counts while we wait for its next batch, never during commit.
    const abandoned = !s.finished && !s.queue.length && Date.now() - s.lastSeen > IDLE_ABORT_MS;
    if (s.cancelled || s.failure || abandoned) {
      s.tx.abort();
      return;
    }
    const batch = s.queue.shift();
    if (batch) {
      const created = prepareImportedLeads(batch.filter((i) => !i.updateId).map((i) => i.lead), deps, at);
      if ('error' in created) {
        s.failure = created.error;
        continue;
      }
      const updates: ImportJournalPart['updates'] = [];
      for (const item of batch.filter((i) => i.updateId)) {
        const checked = validateDraft(item.lead, deps);
        if ('error' in checked) s.failure ??= checked.error;
        else updates.push({ id: item.updateId!, lead: checked.draft });
      }
      if (s.failure) continue;
      s.created += created.records.length;
      s.updated += updates.length;
      let written: Promise<unknown> | undefined;
      for (let i = 0; i < Math.max(created.records.length, updates.length); i += PART_LEADS) {
        const part: ImportJournalPart = { key: journalKey(at, importId, s.parts), importId, part: s.parts, at, creates: created.records.slice(i, i + PART_LEADS), updates: updates.slice(i, i + PART_LEADS) };
        s.parts++;
        written = journal.put(part);
        written.catch(() => undefined); // an abort rejects it; pump reports aborts through tx.done
      }
      // Wait for the previous batch's writes, not this one's: the next batch is prepared here
      // while IndexedDB still writes this one, and memory stays flat (two batches at most).
      if (draining) await draining;
      draining = written;
      continue;
    }
    if (s.finished) return;
    await journal.count(IDBKeyRange.only(''));
  }
}

async function open(importId: string, deps: PipelineDeps): Promise<OpenImport> {
  // The journal in memory first: reading it once this transaction is open would wait for the end
  // of the import.
  await journal();
  const db = await getDb();
  // Relaxed durability: one big write that is all there or not at all, without an fsync wait.
  const tx = openTx(db, ['importJournal'], 'readwrite', { durability: 'relaxed' });
  const s: OpenImport = { tx, queue: [], finished: false, cancelled: false, created: 0, updated: 0, parts: 0, done: Promise.resolve(), lastSeen: Date.now() };
  const pumped = pump(importId, s, deps).catch(() => {
    // A failed request aborts the transaction; tx.done reports it.
  });
  s.done = Promise.all([pumped, tx.done]).then(() => undefined);
  // A dead transaction stays on record so later batches of this import are refused, never
  // written in a fresh transaction.
  s.done.catch(() => {
    s.aborted = true;
    s.queue.length = 0;
  });
  imports.set(importId, s);
  return s;
}

/** Queues a batch for writing (the pipeline validates every lead before it is written). */
export async function stageBatch(importId: string, creates: unknown[], updates: { id: string; lead: unknown }[], deps: PipelineDeps): Promise<number> {
  const items: Item[] = [...creates.map((lead) => ({ lead })), ...updates.map((u) => ({ lead: u.lead, updateId: u.id }))];
  if (closed.has(importId)) throw new ImportStagingError('expired', 'This import was cancelled or already committed; nothing more is written.');
  // The pump prepares leads (phone numbers too) while its transaction is open: it cannot wait then.
  await phoneMetadataReady();
  let s = imports.get(importId);
  if (!s) {
    let p = opening.get(importId);
    if (!p) {
      p = open(importId, deps).finally(() => opening.delete(importId));
      opening.set(importId, p);
    }
    s = await p;
  }
  if (s.failure) throw new ImportStagingError('invalid', `A lead was refused (${s.failure.slice(0, 300)}); nothing was written.`);
  if (s.cancelled || s.finished || s.aborted) throw new ImportStagingError('expired', 'This import was cancelled or already committed; nothing more is written.');
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
      : new ImportStagingError(s.failure ? 'invalid' : 'aborted', `Saving the import failed${s.failure ? ` (${s.failure.slice(0, 300)})` : ''}; nothing was written.`);
  } finally {
    imports.delete(importId);
    closed.add(importId);
    journalChanged();
  }
  if (s.cancelled) throw new ImportStagingError('cancelled', 'The import was cancelled; nothing was written.');
  return { created: s.created, updated: s.updated };
}

/**
 * Cancel: aborts the transaction, so nothing of this import is written. Answers false when it is
 * too late (the commit already completed): then everything was imported, never a part.
 */
export async function discardImport(importId: string): Promise<boolean> {
  closed.add(importId);
  const s = imports.get(importId) ?? (await opening.get(importId));
  if (!s) return true; // nothing was ever staged
  s.cancelled = true;
  try {
    s.tx.abort(); // at once: pending saves fail, nothing is kept
  } catch {
    // The transaction already finished: if it committed, the whole import is in.
    if (s.finished && !s.aborted) {
      s.cancelled = false;
      closed.delete(importId);
      return false;
    }
  }
  imports.delete(importId);
  await s.done.catch(() => undefined);
  return true;
}
