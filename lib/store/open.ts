import { openDB, type IDBPDatabase } from 'idb';
import { migrations, DB_VERSION } from './migrations';
import type { AppDb } from './db-schema';

export const DB_NAME = 'leadclip';

let dbp: Promise<IDBPDatabase<AppDb>> | undefined;

/** Opens `name` at `version`, running the migrations in between. Tests open older versions. */
export function openAtVersion(name: string, version: number = DB_VERSION): Promise<IDBPDatabase<AppDb>> {
  return openDB<AppDb>(name, version, {
    async upgrade(db, from, to, tx) {
      for (const migrate of migrations.slice(from, to ?? version)) await migrate(db, tx);
    },
  });
}

/** The database. Only the background worker calls this: content scripts would open the page's. */
export function getDb(name = DB_NAME): Promise<IDBPDatabase<AppDb>> {
  return (dbp ??= openDB<AppDb>(name, DB_VERSION, {
    async upgrade(db, from, _to, tx) {
      for (const migrate of migrations.slice(from)) await migrate(db, tx);
    },
    blocking() {
      void dbp?.then((db) => db.close());
      dbp = undefined;
    },
  }));
}

/** For tests: forget the cached connection (after swapping indexedDB). */
export function resetDbForTests(): void {
  dbp = undefined;
}
