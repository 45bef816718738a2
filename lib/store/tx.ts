// One loose transaction type for functions that run inside their caller's transaction: idb's
// precise types differ per store tuple, which would tie every helper to one call site.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AppDb } from './db-schema';
import { trackLeadsWrite } from './lead-writes';

export type Tx<M extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<AppDb, StoreNames<AppDb>[], M>;

/** Opens a transaction; relaxed durability for big writes that are all there or not at all. */
export function openTx<M extends 'readonly' | 'readwrite'>(db: IDBPDatabase<AppDb>, stores: StoreNames<AppDb>[], mode: M, options?: IDBTransactionOptions): Tx<M> {
  const tx = db.transaction(stores, mode, options) as unknown as Tx<M>;
  if (mode === 'readwrite' && (stores.includes('leads') || stores.includes('importJournal'))) trackLeadsWrite(tx, stores.includes('leads'));
  return tx;
}
