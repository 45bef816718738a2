// The import journal: where a committed file import's leads live until the background has added
// them to the lead stores (leads, duplicate index, outbox, audit), one journal part per
// transaction. Each part is added and removed from the journal together, so a worker stopped
// midway resumes where it stopped, and no lead is added twice.
// Why a journal: IndexedDB in Chromium pays per request, and a lead takes four; committing
// 100,000 leads as a few dozen journal records takes seconds, adding them to the stores about a
// minute. A committed lead is a stored lead from the commit on: the lead list, "open a lead" and
// the duplicate checks read the journal too (through the mirror below), and any change to a
// lead still in the journal moves it to the stores first (`settleImportedLeads`).
import { getDb } from '../db/open';
import { leadsChanged } from '../db/lead-writes';
import { openTx, type Tx } from '../db/tx';
import { saveInTransaction, writeImportedLeads, type PipelineDeps } from '../leads/save-pipeline';
import type { LeadRecord } from '../leads/schema';
import { BatchSource, type DuplicateSource } from '../leads/dedupe';
import { dedupeKeys } from '../leads/dedupe-keys';
import { loadPipelineSettings } from '../leads/pipeline-settings';
import { mergeImported } from './merge-imported';
import type { ImportJournalPart } from './journal-part';

// Updates read the stored lead first: a few at a time so the round trips overlap.
const CONCURRENCY = 32;
const STORES = ['importJournal', 'leads', 'dedupe', 'outbox', 'audit'] as const;

/** The journal in memory: read once (a few dozen records), then kept in step by every change
 * this worker makes, so reading a lead in the journal costs a map look-up. */
interface Mirror {
  parts: Map<string, ImportJournalPart>;
  /** Lead id → keys of the parts holding it, oldest first (a later import may update a lead an
   * earlier one created). */
  partsOf: Map<string, string[]>;
}

let mirror: Mirror | undefined;
let loading: Promise<Mirror> | undefined;
let pendingIndex: Promise<DuplicateSource | undefined> | undefined;
/** Counts commits: a read of the journal that overlapped one is not kept. */
let commits = 0;

function buildMirror(parts: ImportJournalPart[]): Mirror {
  const m: Mirror = { parts: new Map(), partsOf: new Map() };
  for (const part of parts) putPart(m, part);
  return m;
}

const leadIds = (part: ImportJournalPart) => [...part.creates.map((l) => l.id), ...part.updates.map((u) => u.id)];

function putPart(m: Mirror, part: ImportJournalPart): void {
  m.parts.set(part.key, part);
  for (const id of leadIds(part)) {
    const keys = m.partsOf.get(id) ?? [];
    if (!keys.includes(part.key)) m.partsOf.set(id, [...keys, part.key].sort());
  }
}

function dropPart(m: Mirror, key: string): void {
  const part = m.parts.get(key);
  if (!part) return;
  m.parts.delete(key);
  for (const id of leadIds(part)) {
    const keys = (m.partsOf.get(id) ?? []).filter((k) => k !== key);
    if (keys.length) m.partsOf.set(id, keys);
    else m.partsOf.delete(id);
  }
}

/** Changes made while the journal is being read, replayed onto what the read returns: retrying
 * instead would never finish while the background applies a part a second. */
let changedDuringRead: [string, ImportJournalPart | undefined][] | undefined;

/** Records a change this worker made to the journal (`part` undefined: the part is gone). */
function changed(key: string, part: ImportJournalPart | undefined): void {
  changedDuringRead?.push([key, part]);
  if (!mirror) return;
  dropPart(mirror, key);
  if (part) putPart(mirror, part);
  // An empty journal needs no duplicate index: free its memory.
  if (!mirror.parts.size) pendingIndex = undefined;
}

/** The database the mirror was read from: a new connection (tests reset the database) reads again. */
let mirrorOf: unknown;

async function journal(): Promise<Mirror> {
  const db = await getDb();
  if (mirror && mirrorOf === db) return mirror;
  return (loading ??= (async () => {
    try {
      for (;;) {
        // A commit during the read adds parts the read may have missed: read again (commits are rare).
        const seen = commits;
        changedDuringRead = [];
        const parts = await db.getAll('importJournal');
        if (seen !== commits) continue;
        const m = buildMirror(parts);
        // Each change sets one part's latest state, so replaying them in order is right whether
        // the read saw them or not.
        for (const [key, part] of changedDuringRead) {
          dropPart(m, key);
          if (part) putPart(m, part);
        }
        mirrorOf = db;
        return (mirror = m);
      }
    } finally {
      changedDuringRead = undefined;
      loading = undefined;
    }
  })());
}

/** The journal changed outside this module (a commit added parts, an erasure removed one): read it again. */
export function journalChanged(): void {
  leadsChanged();
  commits++;
  mirror = undefined;
  pendingIndex = undefined;
  // Read now, before another import can open its staging transaction: a read of the journal
  // would wait for that transaction to end. A failed read is tried again when next needed.
  readJournal().catch(() => undefined);
}

/** Reads the journal into memory if it is not there yet. */
export async function readJournal(): Promise<void> {
  await journal();
}

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

/** Adds a part's leads to the lead stores inside the caller's transaction. */
async function addToStores(tx: Tx<'readwrite'>, creates: LeadRecord[], updates: ImportJournalPart['updates'], at: string, deps: PipelineDeps): Promise<void> {
  writeImportedLeads(tx, creates, at);
  for (let i = 0; i < updates.length; i += CONCURRENCY) {
    await Promise.all(updates.slice(i, i + CONCURRENCY).map(async (u) => {
      const existing = await tx.objectStore('leads').get(u.id);
      // Deleted since the file was checked: the rep's delete stands (parts apply in staging
      // order, so a lead created by an earlier import is stored by now).
      if (!existing) return;
      // Validated when staged; a lead changed since so that the merge is refused keeps its
      // stored version (the audit trail shows no import for it).
      await saveInTransaction(tx, { lead: mergeImported(existing, u.lead as Record<string, unknown>), onDuplicate: 'save' }, deps, at);
    }));
  }
}

async function applyAll(hooks: ApplyHooks): Promise<void> {
  const deps = await hooks.deps();
  for (;;) {
    const tx = openJournalTx(await getDb());
    const cursor = await tx.objectStore('importJournal').openCursor();
    if (!cursor) {
      await tx.done;
      return;
    }
    const part = cursor.value;
    await addToStores(tx, part.creates, part.updates, part.at, deps);
    await cursor.delete();
    await tx.done;
    changed(part.key, undefined);
    hooks.onPart?.();
  }
}

/**
 * Moves these leads, if they are still in the journal, to the lead stores now (the rest of their
 * part stays): any change to a lead starts here, so it changes the stored lead and a later apply
 * cannot overwrite it. Costs one small transaction, or nothing for a lead not in the journal.
 */
export async function settleImportedLeads(ids: readonly string[], given?: PipelineDeps): Promise<void> {
  const m = await journal();
  // Oldest part first: a lead created by one import and updated by a later one.
  const keys = [...new Set(ids.flatMap((id) => m.partsOf.get(id) ?? []))].sort();
  if (!keys.length) return;
  const deps = given ?? { settings: await loadPipelineSettings() };
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
  for (const [key, part] of rest) changed(key, part);
}

/** Resolves once no committed import is waiting (privacy actions wait for this). */
export async function importJournalSettled(hooks: ApplyHooks): Promise<void> {
  if (running) await running;
  if ((await pendingImport()).parts) await applyImportJournal(hooks);
}

/** How much of the committed imports is still in the journal. */
export async function pendingImport(): Promise<{ parts: number; leads: number }> {
  const m = await journal();
  return { parts: m.parts.size, leads: m.partsOf.size };
}

/** New leads of committed imports still in the journal. */
export async function pendingImportedLeads(): Promise<LeadRecord[]> {
  return [...(await journal()).parts.values()].flatMap((p) => p.creates);
}

/** A lead still in the journal: a new one as committed, or undefined (an update's lead is the
 * stored one until the update is applied). */
export async function journalLead(id: string): Promise<LeadRecord | undefined> {
  const m = await journal();
  for (const key of m.partsOf.get(id) ?? []) {
    const lead = m.parts.get(key)?.creates.find((l) => l.id === id);
    if (lead) return lead;
  }
  return undefined;
}

/** The duplicate index of the journal's new leads. Built once per commit, not per applied part
 * (building it costs about a second for 100,000 leads): look-ups skip the leads that have left the
 * journal since, which the stores' own index then finds. */
export function pendingDuplicateSource(): Promise<DuplicateSource | undefined> {
  return (pendingIndex ??= pendingImportedLeads().then((leads) => {
    if (!leads.length) return undefined;
    const source = new BatchSource();
    for (const lead of leads) source.add(lead, dedupeKeys(lead.id, lead));
    return onlyWaiting(source);
  }));
}

function onlyWaiting(source: BatchSource): DuplicateSource {
  const waiting = (id: string) => !!mirror?.partsOf.has(id);
  return {
    idsByEmail: (e) => source.idsByEmail(e).filter(waiting),
    idsByPhone: (p) => source.idsByPhone(p).filter(waiting),
    idsByNameCompany: (k) => source.idsByNameCompany(k).filter(waiting),
    rowsByFuzzyKey: (k) => source.rowsByFuzzyKey(k).filter((row) => waiting(row.leadId)),
    lead: (id) => source.lead(id),
  };
}
