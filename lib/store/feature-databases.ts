// LeadClip keeps lead data in more than one IndexedDB database ('leadclip', and feature
// databases such as 'leadclip-sync' with its conflicts). Erasure, export and retention cover
// every one of them, found at run time, except the credentials database.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME } from './open';

/** Credentials, not personal data about leads; sign-out clears it (lib/sync/auth/secret-store.ts). */
export const NOT_LEAD_DATA = new Set(['leadclip-secrets']);

/** The feature databases besides 'leadclip' that exist now. */
export async function featureDatabases(): Promise<string[]> {
  const all = await indexedDB.databases();
  return all
    .map((d) => d.name ?? '')
    .filter((n) => n.startsWith(`${DB_NAME}-`) && !NOT_LEAD_DATA.has(n))
    .sort();
}

/** Runs `fn` on every LeadClip database holding lead data: the main one (`main`, from the store) first. */
export async function forEachLeadDatabase<T>(main: IDBPDatabase<unknown>, fn: (db: IDBPDatabase<unknown>, name: string) => Promise<T>): Promise<T[]> {
  const out: T[] = [await fn(main, DB_NAME)];
  for (const name of await featureDatabases()) {
    // No version: open whatever version exists, and close at once so its owner can upgrade it.
    const db = await openDB(name);
    try {
      out.push(await fn(db, name));
    } finally {
      db.close();
    }
  }
  return out;
}
