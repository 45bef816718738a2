// Applies committed imports from the journal to the lead stores (leads, duplicate index, outbox,
// audit), one journal part per transaction: each part is added and removed from the journal
// together, so a worker stopped midway resumes where it stopped, and no lead is added twice.
// Why a journal: IndexedDB in Chromium pays per request, and a lead takes four; committing
// 100,000 leads as a few dozen journal records takes seconds, while adding them to the stores
// takes about a minute. The rep's import is done (durable, all or nothing) at the commit; the
// lead list, the duplicate check and the queue catch up here, in the background.
import { getDb } from '../db/open';
import type { Tx } from '../db/tx';
import { saveInTransaction, writeImportedLeads, type PipelineDeps } from '../leads/save-pipeline';
import type { LeadRecord } from '../leads/schema';
import { BatchSource } from '../leads/dedupe';
import { dedupeKeys } from '../leads/dedupe-keys';
import { mergeImported } from './merge-imported';

// Updates read the stored lead first: a few at a time so the round trips overlap.
const CONCURRENCY = 32;

let running: Promise<void> | undefined;
/** Set by every call: a commit that lands while a run is ending gets a run of its own. */
let requested = false;
let pending: { parts: number; leads: number } | undefined;
let pendingIndex: Promise<BatchSource | undefined> | undefined;

/** Bumped whenever the journal changes, so a count read across a change is not cached. */
let version = 0;

function forgetCounts(): void {
  version++;
  pending = undefined;
  pendingIndex = undefined;
}

export interface ApplyHooks {
  deps: () => Promise<PipelineDeps>;
  /** After each part: the caller refreshes what depends on the lead stores. */
  onPart?: () => void;
}

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

async function applyAll(hooks: ApplyHooks): Promise<void> {
  const deps = await hooks.deps();
  for (;;) {
    const db = await getDb();
    // Relaxed durability: if a crash loses this commit, it loses all of it, and the part is
    // still in the journal to be applied again.
    const tx = db.transaction(['importJournal', 'leads', 'dedupe', 'outbox', 'audit'], 'readwrite', { durability: 'relaxed' }) as unknown as Tx<'readwrite'>;
    const cursor = await tx.objectStore('importJournal').openCursor();
    if (!cursor) {
      await tx.done;
      if (!requested) {
        version++;
        pending = { parts: 0, leads: 0 };
        pendingIndex = undefined;
      }
      return;
    }
    const part = cursor.value;
    writeImportedLeads(tx, part.creates, part.at);
    for (let i = 0; i < part.updates.length; i += CONCURRENCY) {
      await Promise.all(part.updates.slice(i, i + CONCURRENCY).map(async (u) => {
        const existing = await tx.objectStore('leads').get(u.id);
        const lead = existing ? mergeImported(existing, u.lead as Record<string, unknown>) : { ...(u.lead as object), id: u.id };
        // Validated when staged; a lead changed since so that the merge is refused keeps its
        // stored version (the audit trail shows no import for it).
        await saveInTransaction(tx, { lead, onDuplicate: 'save' }, deps, part.at);
      }));
    }
    await cursor.delete();
    await tx.done;
    // Counted down, not re-read: reading the rest of a big journal after every part would cost
    // more than the part itself.
    version++;
    if (pending) pending = { parts: pending.parts - 1, leads: pending.leads - part.creates.length - part.updates.length };
    pendingIndex = undefined;
    hooks.onPart?.();
  }
}

/** A commit added parts: the cached count is stale. */
export function journalChanged(): void {
  forgetCounts();
}

/** Resolves once no committed import is waiting (privacy actions wait for this). */
export async function importJournalSettled(hooks: ApplyHooks): Promise<void> {
  if (running) await running;
  if ((await pendingImport()).parts) await applyImportJournal(hooks);
}

/** How much of the committed imports is still to be added to the lead stores. */
export async function pendingImport(): Promise<{ parts: number; leads: number }> {
  if (pending) return pending;
  const seen = version;
  const parts = await (await getDb()).getAll('importJournal');
  const counted = { parts: parts.length, leads: parts.reduce((n, p) => n + p.creates.length + p.updates.length, 0) };
  if (seen === version) pending = counted;
  return counted;
}

/** New leads of committed imports still in the journal: the duplicate checks count them. */
export async function pendingImportedLeads(): Promise<LeadRecord[]> {
  if (pending && !pending.parts) return [];
  const parts = await (await getDb()).getAll('importJournal');
  return parts.flatMap((p) => p.creates);
}

/** The duplicate index of those leads, built once per journal state (a capture's duplicate check
 * during a big import's minute in the journal then costs a lookup, not a scan). */
export function pendingDuplicateSource(): Promise<BatchSource | undefined> {
  return (pendingIndex ??= pendingImportedLeads().then((leads) => {
    if (!leads.length) return undefined;
    const source = new BatchSource();
    for (const lead of leads) source.add(lead, dedupeKeys(lead.id, lead));
    return source;
  }));
}
