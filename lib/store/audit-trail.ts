// The audit trail (issue #4): append and read, nothing else. There is deliberately no update or
// delete, so a lead's history cannot be rewritten by the code that acts on it.
import { getDb } from './open';
import type { Tx } from './tx';
import { LEAD_ID_TOKEN, type AuditBatchEntry, type AuditEntry, type NewAuditEntry } from '../audit/entry';

type WriteTx = Tx<'readwrite'>;

/** Adds an entry in the caller's transaction, so it commits (or not) with the change it records. */
export function appendAudit(tx: WriteTx, entry: NewAuditEntry): Promise<number> {
  return tx.objectStore('audit').add(entry as AuditEntry);
}

/** Where a step of a save records what it did: straight into the trail, or into an AuditBatch. */
export type AuditSink = (entry: NewAuditEntry) => void;

const MAX_DEPTH = 4;

/** `value` with every string passed through `fn` (details are small, plain JSON). */
function mapStrings(value: unknown, fn: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return fn(value);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn, depth + 1)]));
}

const withToken = (details: Record<string, unknown>, leadId: string) => mapStrings(details, (s) => s.split(leadId).join(LEAD_ID_TOKEN)) as Record<string, unknown>;
const withLead = (details: Record<string, unknown>, leadId: string) => mapStrings(details, (s) => s.split(LEAD_ID_TOKEN).join(leadId)) as Record<string, unknown>;

/** One lead's view of a batch entry: what a per-lead entry would have said. */
export function entryFor(entry: AuditBatchEntry, leadId: string): AuditEntry {
  return { seq: entry.seq, leadId, at: entry.at, kind: entry.kind, details: withLead(entry.details, leadId) };
}

interface Group {
  phase: number;
  order: number;
  entry: Omit<AuditBatchEntry, 'leadIds'>;
  leadIds: string[];
}

/**
 * A transaction's audit entries, written by `flush` with one entry per group of leads that got
 * the same entry (issue #15): an import part of 1,000 leads writes one "captured", not 1,000.
 * Each lead's entries keep their order (grouped by their place in the lead's own sequence).
 */
export class AuditBatch {
  private readonly groups = new Map<string, Group>();
  private readonly seen = new Map<string, number>();

  readonly add: AuditSink = (entry) => {
    const phase = this.seen.get(entry.leadId) ?? 0;
    this.seen.set(entry.leadId, phase + 1);
    // Most details never name their lead: they are grouped as they are, without a copy.
    const json = JSON.stringify(entry.details);
    const named = json.includes(entry.leadId);
    const details = named ? withToken(entry.details, entry.leadId) : entry.details;
    const key = `${phase}\u0000${entry.kind}\u0000${entry.at}\u0000${named ? JSON.stringify(details) : json}`;
    const group = this.groups.get(key);
    if (group) group.leadIds.push(entry.leadId);
    else this.groups.set(key, { phase, order: this.groups.size, entry: { at: entry.at, kind: entry.kind, details }, leadIds: [entry.leadId] });
  };

  /** Writes the entries in the caller's transaction; call once, before awaiting `tx.done`. */
  flush(tx: WriteTx): void {
    const store = tx.objectStore('audit');
    const groups = [...this.groups.values()].sort((a, b) => a.phase - b.phase || a.order - b.order);
    for (const { entry, leadIds } of groups) {
      const written = leadIds.length === 1
        ? store.add({ leadId: leadIds[0], at: entry.at, kind: entry.kind, details: withLead(entry.details, leadIds[0]) })
        : store.add({ ...entry, leadIds });
      written.catch(() => undefined); // a failure aborts the transaction, which the caller awaits
    }
    this.groups.clear();
    this.seen.clear();
  }
}

/** A lead's history, oldest first: its own entries and its share of batch entries. */
export async function listAudit(leadId: string): Promise<AuditEntry[]> {
  const tx = (await getDb()).transaction('audit');
  const [own, batches] = await Promise.all([tx.store.index('by-lead').getAll(leadId), tx.store.index('by-batch').getAll(leadId)]);
  const mine = batches.map((b) => entryFor(b as AuditBatchEntry, leadId));
  return [...(own as AuditEntry[]), ...mine].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}
