// Seeding any object store (whatever its key shape) with records that refer to a lead, for the
// erasure tests: they must work for stores nobody has written yet.
import type { IDBPDatabase, IDBPObjectStore } from 'idb';

export type AnyDb = IDBPDatabase<unknown>;
export type AnyStore = IDBPObjectStore<unknown, string[], string, 'readwrite'>;

/** Sets `path` (a.b.c) in `obj`. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let o = obj;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts.at(-1)!] = value;
}

/** Puts a record that refers to `leadId` into any store, whatever its key shape. */
export async function seed(store: AnyStore, leadId: string, where: 'key' | 'nested', tag: string) {
  const value: Record<string, unknown> = { tag, leadId: where === 'key' ? leadId : undefined, details: where === 'nested' ? { mergedInto: [{ ref: leadId }] } : {} };
  const paths = store.keyPath === null ? [] : Array.isArray(store.keyPath) ? store.keyPath : [store.keyPath];
  const keyFor = (i: number) => (where === 'key' ? `${leadId}:${i}` : `${tag}:${i}`);
  if (!store.autoIncrement) paths.forEach((p, i) => setPath(value, p, keyFor(i)));
  if (store.keyPath === null && !store.autoIncrement) await store.put(value, keyFor(0));
  else await store.put(value);
}

export async function allRecords(db: AnyDb): Promise<{ store: string; key: IDBValidKey; json: string }[]> {
  const out: { store: string; key: IDBValidKey; json: string }[] = [];
  for (const store of db.objectStoreNames) {
    const tx = db.transaction(store, 'readonly');
    for (let c = await tx.store.openCursor(); c; c = await c.continue()) out.push({ store, key: c.primaryKey, json: JSON.stringify([c.primaryKey, c.value]) });
    await tx.done;
  }
  return out;
}

