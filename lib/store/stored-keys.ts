// Every stored lead's exact duplicate keys, kept in memory between imports: the next file's
// duplicate check needs them, and reading 100,000 whole leads for them took seconds (issue #15).
// (Chromium serves index key cursors one entry at a time: ten times slower than reading the leads.)
import { getDb } from './open';
import { leadStoreVersion } from './lead-writes';
import { dedupeKeys, exactMatchKeys, type DedupeKeys } from '../leads/dedupe-keys';

/** Lead id → its exact keys (exactMatchKeys), as of `version` of the lead store; `db`: the
 * connection it was read from (tests reset the database). */
let cache: { db: unknown; version: number; keys: Map<string, string[]> } | undefined;

/** Exact keys of every lead in the lead store (not the journal), read again only after a change. */
export async function leadStoreKeys(): Promise<ReadonlyMap<string, string[]>> {
  const db = await getDb();
  const seen = leadStoreVersion();
  if (cache?.db === db && cache.version === seen) return cache.keys;
  const keys = new Map<string, string[]>();
  for (const l of await db.getAll('leads')) keys.set(l.id, exactMatchKeys(l.dedupe ?? dedupeKeys(l.id, l)));
  // Kept only if nothing changed while it was read.
  if (leadStoreVersion() === seen) cache = { db, version: seen, keys };
  return keys;
}

/**
 * After a transaction whose only change to the lead store was putting leads with these keys (an
 * applied import part), the cache follows it instead of being read again. `before`: the store's
 * version just before that transaction opened; its own opening and end count two changes, and
 * any other change meanwhile drops the cache.
 */
export function leadStoreGained(before: number, leads: readonly DedupeKeys[]): void {
  if (!cache || cache.version !== before || leadStoreVersion() !== before + 2) return;
  for (const keys of leads) cache.keys.set(keys.leadId, exactMatchKeys(keys));
  cache.version = leadStoreVersion();
}
