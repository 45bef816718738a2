// Every record in the 'leadclip' database that refers to one lead, found by walking all object
// stores the database has now (not a list written down today), so later stores are covered.
import type { IDBPDatabase } from 'idb';
import { refersToLead } from './refers-to';
import { entryFor } from './audit-trail';
import type { AuditBatchEntry } from '../audit/entry';

// idb's untyped view: the store names are discovered at run time.
type AnyDb = IDBPDatabase<unknown>;

export interface Trace {
  store: string;
  key: IDBValidKey;
  value: unknown;
}

export function storeNames(db: AnyDb): string[] {
  // Every store the database has: the store's own bookkeeping too (lib/store/leads-settled.ts
  // makes sure the leads are where a walk finds them).
  return [...db.objectStoreNames];
}

/** Every [key, value] of one store. getAll/getAllKeys: far faster than a cursor, same order. */
async function readAll(tx: { objectStore(name: string): { getAll(): Promise<unknown[]>; getAllKeys(): Promise<IDBValidKey[]> } }, store: string) {
  const [keys, values] = await Promise.all([tx.objectStore(store).getAllKeys(), tx.objectStore(store).getAll()]);
  return keys.map((key, i) => ({ key, value: values[i] }));
}

/** A batch audit entry (lib/store/audit-trail.ts) names many leads: one lead's trace in it is its
 * id in `leadIds`, taken out on erasure while the others keep their history. */
function sharedBy(value: unknown, leadId: string): AuditBatchEntry | undefined {
  const entry = value as Partial<AuditBatchEntry> | null;
  if (!entry || typeof entry !== 'object' || !Array.isArray(entry.leadIds) || !entry.leadIds.includes(leadId)) return undefined;
  const { leadIds: _ids, ...rest } = entry;
  return refersToLead('', rest, leadId) ? undefined : (entry as AuditBatchEntry);
}

/** Reads every store in one read-only transaction. */
export async function findTraces(db: AnyDb, leadId: string): Promise<Trace[]> {
  const names = storeNames(db);
  if (!names.length) return [];
  const tx = db.transaction(names, 'readonly');
  const found: Trace[] = [];
  await Promise.all(
    names.map(async (store) => {
      for (const { key, value } of await readAll(tx, store)) {
        if (!refersToLead(key, value, leadId)) continue;
        const shared = sharedBy(value, leadId);
        found.push({ store, key, value: shared ? entryFor(shared, leadId) : value });
      }
    }),
  );
  await tx.done;
  return found;
}

export interface EraseResult {
  /** Records removed, per store (stores with none are listed with 0). */
  removed: Record<string, number>;
}

/**
 * Deletes every record referring to the lead, in every store, in one transaction: all go or
 * none do. `keep` (written in the same transaction) is the erasure record, if any.
 */
export async function eraseTraces(
  db: AnyDb,
  leadId: string,
  keep?: { store: string; value: unknown },
): Promise<EraseResult> {
  const names = storeNames(db);
  const removed: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  if (!names.length) return { removed };
  const tx = db.transaction(names, 'readwrite');
  await Promise.all(
    names.map(async (store) => {
      const doomed = (await readAll(tx, store)).filter(({ key, value }) => refersToLead(key, value, leadId));
      await Promise.all(doomed.map(({ key, value }) => {
        const shared = sharedBy(value, leadId);
        const others = shared?.leadIds.filter((id) => id !== leadId) ?? [];
        return others.length ? tx.objectStore(store).put({ ...shared, leadIds: others }, tx.objectStore(store).keyPath ? undefined : key) : tx.objectStore(store).delete(key);
      }));
      removed[store] = doomed.length;
    }),
  );
  if (keep && names.includes(keep.store)) await tx.objectStore(keep.store).add(keep.value);
  await tx.done;
  return { removed };
}
