// Part of migration v4, frozen with it: each lead takes its outbox job and its duplicate-index row
// onto its own record (the rows as stored, whichever rules wrote them). Never edit.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { AnyVersionDb } from './db-schema';
import { dedupeKeysV2 } from './backfill-v2-keys';

type Tx = IDBPTransaction<AnyVersionDb, StoreNames<AnyVersionDb>[], 'versionchange'>;

export async function foldV4(tx: Tx): Promise<void> {
  const [jobs, rows] = await Promise.all([tx.objectStore('outbox').getAll(), tx.objectStore('dedupe').getAll()]);
  const jobOf = new Map(jobs.map((j) => [j.leadId, j]));
  const rowOf = new Map(rows.map((r) => [r.leadId, r]));
  let cursor = await tx.objectStore('leads').openCursor();
  while (cursor) {
    const lead = cursor.value;
    // Every v3 lead has both; a row missing anyway is made the way v2 made it.
    const dedupe = rowOf.get(lead.id) ?? dedupeKeysV2(lead.id, lead);
    await cursor.update({ ...lead, outbox: jobOf.get(lead.id), dedupe });
    cursor = await cursor.continue();
  }
}
