import { openDB, type IDBPDatabase } from 'idb';
import { migrations, DB_VERSION } from './migrations';
import type { AnyVersionDb, AppDb } from './db-schema';
import { phoneMetadataReady } from '../text/phone-metadata-ready';

export const DB_NAME = 'leadclip';

let dbp: Promise<IDBPDatabase<AppDb>> | undefined;

/** Opens `name` at `version`, running the migrations in between. Tests open older versions. */
export function openAtVersion(name: string, version: number = DB_VERSION): Promise<IDBPDatabase<AppDb>> {
  return openDB<AppDb>(name, version, {
    async upgrade(db, from, to, tx) {
      for (const migrate of migrations.slice(from, to ?? version)) await migrate(db as unknown as IDBPDatabase<AnyVersionDb>, tx as never);
    },
  });
}

/** The database. Only the background worker calls this: content scripts would open the page's. */
export function getDb(name = DB_NAME): Promise<IDBPDatabase<AppDb>> {
  return (dbp ??= beforeUpgrade(name).then(() => openDB<AppDb>(name, DB_VERSION, {
    async upgrade(db, from, _to, tx) {
      for (const migrate of migrations.slice(from)) await migrate(db as unknown as IDBPDatabase<AnyVersionDb>, tx as never);
    },
    blocking() {
      void dbp?.then((db) => db.close());
      dbp = undefined;
    },
  })));
}

/** Migration v2 parses phone numbers, whose metadata the background build loads on demand: a
 * database older than v2 waits for it (the upgrade's transaction cannot wait on a fetch). */
async function beforeUpgrade(name: string): Promise<void> {
  const existing = (await indexedDB.databases?.())?.find((d) => d.name === name);
  if (existing?.version && existing.version < 2) await phoneMetadataReady();
}

/** For tests: forget the cached connection (after swapping indexedDB). */
export function resetDbForTests(): void {
  dbp = undefined;
}
