// Reading the extension from tests: a dump of every IndexedDB store and storage area, read
// inside the extension.
import type { ExtensionHarness } from './extension';

export interface Dump {
  /** store name -> [key, value] pairs */
  stores: Record<string, [unknown, unknown][]>;
  local: Record<string, unknown>;
  session: Record<string, unknown>;
}

/** Everything the extension keeps about leads: every object store of every LeadClip database
 * (discovered, not listed; credentials excepted) and both storage areas. */
export async function dumpEverything(ext: ExtensionHarness): Promise<Dump> {
  const page = await ext.openOptions('#/none');
  try {
    return await page.evaluate(async () => {
      // Every LeadClip database except the credentials one; stores outside 'leadclip' are "db/store".
      const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('leadclip') && n !== 'leadclip-secrets');
      const stores: Record<string, [unknown, unknown][]> = {};
      for (const dbName of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(dbName);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const name of db.objectStoreNames) {
          const tx = db.transaction(name, 'readonly');
          const [keys, values] = await Promise.all(
            [tx.objectStore(name).getAllKeys(), tx.objectStore(name).getAll()].map((r) => new Promise<unknown[]>((resolve, reject) => {
              r.onsuccess = () => resolve(r.result as unknown[]);
              r.onerror = () => reject(r.error);
            })),
          );
          stores[dbName === 'leadclip' ? name : `${dbName}/${name}`] = keys.map((k, i) => [k, values[i]]);
        }
        db.close();
      }
      return { stores, local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) };
    });
  } finally {
    await page.close();
  }
}

/** Every place in the dump whose JSON mentions any of `needles` (case-insensitive). */
export function mentionsIn(dump: Dump, needles: string[]): string[] {
  const hits: string[] = [];
  const check = (where: string, v: unknown) => {
    const json = JSON.stringify(v).toLowerCase();
    if (needles.some((n) => json.includes(n.toLowerCase()))) hits.push(`${where}: ${JSON.stringify(v).slice(0, 300)}`);
  };
  for (const [store, rows] of Object.entries(dump.stores)) for (const row of rows) check(`idb:${store}`, row);
  for (const [k, v] of Object.entries(dump.local)) check(`local:${k}`, [k, v]);
  for (const [k, v] of Object.entries(dump.session)) check(`session:${k}`, [k, v]);
  return hits;
}
