// Part of migration v5, frozen with it: each lead's stored duplicate keys (as stored, whichever
// rules wrote them) gain the one list 'by-match' indexes, each key prefixed by its rule. Never edit.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { AnyVersionDb } from './db-schema';

type Tx = IDBPTransaction<AnyVersionDb, StoreNames<AnyVersionDb>[], 'versionchange'>;

interface KeysV4 {
  emails: string[];
  phones: string[];
  nameCompany?: string;
  fuzzy: string[];
}

function matchKeysV5(k: KeysV4): string[] {
  return [...k.emails.map((e) => `e:${e}`), ...k.phones.map((p) => `p:${p}`), ...(k.nameCompany ? [`n:${k.nameCompany}`] : []), ...k.fuzzy.map((f) => `f:${f}`)];
}

export async function addMatchKeysV5(tx: Tx): Promise<void> {
  let cursor = await tx.objectStore('leads').openCursor();
  while (cursor) {
    const lead = cursor.value;
    const keys = lead.dedupe as KeysV4 | undefined; // every v4 lead has them (fold-v4.ts)
    if (keys) await cursor.update({ ...lead, dedupe: { ...lead.dedupe!, match: matchKeysV5(keys) } });
    cursor = await cursor.continue();
  }
}
