// The import journal in memory, so a lead in it reads as a stored one for a map look-up (docs/import.md).
import { getDb } from './open';
import type { LeadRecord } from '../leads/schema';
import { BatchSource, type DuplicateSource } from '../leads/dedupe';
import { dedupeKeys } from '../leads/dedupe-keys';
import type { ImportJournalPart } from './journal-part';

/** Read once (a hundred records for 100,000 leads), then kept in step by this worker's changes. */
export interface Mirror {
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
export function journalPartChanged(key: string, part: ImportJournalPart | undefined): void {
  changedDuringRead?.push([key, part]);
  if (!mirror) return;
  dropPart(mirror, key);
  if (part) putPart(mirror, part);
  // An empty journal needs no duplicate index: free its memory.
  if (!mirror.parts.size) pendingIndex = undefined;
}

/** The database the mirror was read from: a new connection (tests reset the database) reads again. */
let mirrorOf: unknown;

/** The journal in memory, read if it is not there yet. */
export async function journal(): Promise<Mirror> {
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
  commits++;
  mirror = undefined;
  pendingIndex = undefined;
  // Read now, before another import can open its staging transaction: a read of the journal
  // would wait for that transaction to end. A failed read is tried again when next needed.
  journal().catch(() => undefined);
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
