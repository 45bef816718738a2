// One loose transaction type for functions that run inside their caller's transaction: idb's
// precise types differ per store tuple, which would tie every helper to one call site.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AppDb } from './schema';

export type Tx<M extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<AppDb, StoreNames<AppDb>[], M>;

export function openTx<M extends 'readonly' | 'readwrite'>(db: IDBPDatabase<AppDb>, stores: StoreNames<AppDb>[], mode: M): Tx<M> {
  return db.transaction(stores, mode) as unknown as Tx<M>;
}
