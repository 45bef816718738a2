// Applies the import journal to the lead store, a part per transaction (why and what it promises: docs/import.md).
import { getDb } from './open';
import { openTx, type Tx } from './tx';
import { saveInTransaction, writeImportedLeads, type PipelineDeps } from './save-pipeline';
import { AuditBatch } from './audit-trail';
import type { LeadRecord } from '../leads/schema';
import type { DedupeKeys } from '../leads/dedupe-keys';
import { loadPipelineSettings } from '../leads/pipeline-settings';
import { mergeImported } from './merge-imported';
import type { ImportJournalPart } from './journal-part';
import { journal, journalPartChanged, pendingImport } from './journal-mirror';
import { phoneMetadataReady } from '../text/phone-metadata-ready';
import { leadStoreVersion } from './lead-writes';
import { leadStoreGained } from './stored-keys';

// Updates read the stored lead first: a few at a time so the round trips overlap.
const CONCURRENCY = 32;
const STORES = ['importJournal', 'leads', 'audit'] as const;

export interface ApplyHooks {
  deps: () => Promise<PipelineDeps>;
  /** After each part: the caller refreshes what depends on the lead stores. */
  onPart?: () => void;
}

let running: Promise<void> | undefined;
/** Set by every call: a commit that lands while a run is ending gets a run of its own. */
let requested = false;

/** Applies every committed part. Concurrent calls share one run. */
export function applyImportJournal(hooks: ApplyHooks): Promise<void> {
  requested = true;
  return (running ??= (async () => {
    try {
      while (requested) {
        requested = false;
        await applyAll(hooks);
      }
    } finally {
      running = undefined;
    }
  })());
}

function openJournalTx(db: Awaited<ReturnType<typeof getDb>>): Tx<'readwrite'> {
  // Relaxed durability: if a crash loses this commit, it loses all of it, and the leads are
  // still in the journal to be applied again.
  return openTx(db, [...STORES], 'readwrite', { durability: 'relaxed' });
}

/** Adds a part's leads to the lead store inside the caller's transaction: one put per lead, and
 * one audit entry per group of leads the part did the same to (issue #15). */
async function addToStores(tx: Tx<'readwrite'>, creates: LeadRecord[], updates: ImportJournalPart['updates'], at: string, deps: PipelineDeps): Promise<DedupeKeys[]> {
  const audit = new AuditBatch();
  const created = writeImportedLeads(tx, creates, at, audit.add);
  for (let i = 0; i < updates.length; i += CONCURRENCY) {
    await Promise.all(updates.slice(i, i + CONCURRENCY).map(async (u) => {
      const existing = await tx.objectStore('leads').get(u.id);
      // Deleted since the file was checked: the rep's delete stands (parts apply in staging
      // order, so a lead created by an earlier import is stored by now).
      if (!existing) return;
      // Validated when staged; a lead changed since so that the merge is refused keeps its
      // stored version (the audit trail shows no import for it).
      await saveInTransaction(tx, { lead: mergeImported(existing, u.lead as Record<string, unknown>), onDuplicate: 'save' }, deps, at, audit.add);
    }));
  }
  audit.flush(tx);
  return created;
}

async function applyAll(hooks: ApplyHooks): Promise<void> {
  // Most wake-ups find nothing committed: then no phone parser and no settings are loaded (issue #15).
  if (!(await (await getDb()).count('importJournal'))) return;
  // Updates are normalised inside the apply transaction, which cannot wait for a fetch.
  await phoneMetadataReady();
  const deps = await hooks.deps();
  // Each part is looked for after the last one applied: a cursor from the start would step over
  // every part deleted so far (Chromium keeps them as tombstones until a compaction), and
  // 100,000 rows took minutes (issue #15). A commit during the run starts another run from the start.
  let after: string | undefined;
  for (;;) {
    const db = await getDb();
    const before = leadStoreVersion();
    const tx = openJournalTx(db);
    const cursor = await tx.objectStore('importJournal').openCursor(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true));
    if (!cursor) {
      await tx.done;
      leadStoreGained(before, []);
      return;
    }
    const part = cursor.value;
    const created = await addToStores(tx, part.creates, part.updates, part.at, deps);
    await cursor.delete();
    await tx.done;
    // New leads only: the stored leads' duplicate keys follow without a read of every lead.
    if (!part.updates.length) leadStoreGained(before, created);
    after = part.key;
    journalPartChanged(part.key, undefined);
    hooks.onPart?.();
  }
}

/** Moves these leads alone out of the journal into the lead store: every change starts here (docs/import.md). */
export async function settleImportedLeads(ids: readonly string[], given?: PipelineDeps): Promise<void> {
  const m = await journal();
  // Oldest part first: a lead created by one import and updated by a later one.
  const keys = [...new Set(ids.flatMap((id) => m.partsOf.get(id) ?? []))].sort();
  if (!keys.length) return;
  const deps = given ?? { settings: await loadPipelineSettings() };
  await phoneMetadataReady();
  const wanted = new Set(ids);
  const tx = openJournalTx(await getDb());
  const store = tx.objectStore('importJournal');
  const rest: [string, ImportJournalPart | undefined][] = [];
  for (const key of keys) {
    // Read in the transaction, not from the mirror: the background may have applied it since.
    const part = await store.get(key);
    if (!part) {
      rest.push([key, undefined]); // applied (or erased) meanwhile
      continue;
    }
    const creates = part.creates.filter((l) => wanted.has(l.id));
    const updates = part.updates.filter((u) => wanted.has(u.id));
    await addToStores(tx, creates, updates, part.at, deps);
    const left: ImportJournalPart = { ...part, creates: part.creates.filter((l) => !wanted.has(l.id)), updates: part.updates.filter((u) => !wanted.has(u.id)) };
    if (left.creates.length || left.updates.length) {
      await store.put(left);
      rest.push([key, left]);
    } else {
      await store.delete(key);
      rest.push([key, undefined]);
    }
  }
  await tx.done;
  for (const [key, part] of rest) journalPartChanged(key, part);
}

/** Resolves once no committed import is waiting (privacy actions wait for this). */
export async function importJournalSettled(hooks: ApplyHooks): Promise<void> {
  if (running) await running;
  if ((await pendingImport()).parts) await applyImportJournal(hooks);
}

