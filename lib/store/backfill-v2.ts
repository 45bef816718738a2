// Part of migration v2, frozen with it: indexes, queues and audits the leads stored under v1.
// Its duplicate keys are a frozen copy (backfill-v2-keys.ts): later changes to key derivation get
// their own migration rather than editing this.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { AnyVersionDb } from './db-schema';
import { dedupeKeysV2 } from './backfill-v2-keys';
import { normalizePhone } from '../text/phone';
import type { OutboxJob } from './outbox-job';

type Tx = IDBPTransaction<AnyVersionDb, StoreNames<AnyVersionDb>[], 'versionchange'>;

export async function backfillV2(tx: Tx): Promise<void> {
  const now = new Date().toISOString();
  let cursor = await tx.objectStore('leads').openCursor();
  while (cursor) {
    const lead = { ...cursor.value };
    const e164: Record<string, string> = {};
    for (const f of ['telephone1', 'telephone2', 'telephone3', 'mobilephone', 'fax'] as const) {
      const p = lead[f] ? normalizePhone(lead[f]!, 'PL') : undefined;
      if (p) e164[f] = p.e164;
    }
    lead.phoneE164 = e164;
    // A lead caught mid-sync by the upgrade did not finish: send it again (same key, in doubt).
    const wasSyncing = lead.sync.state === 'syncing';
    if (wasSyncing) lead.sync = { ...lead.sync, state: 'ready' };
    await cursor.update(lead);
    await tx.objectStore('dedupe').put(dedupeKeysV2(lead.id, lead));
    await tx.objectStore('audit').add({
      leadId: lead.id,
      at: lead.provenance.capturedAt,
      kind: 'captured',
      details: { origin: lead.provenance.origin, sourceUrl: lead.provenance.sourceUrl, backfilled: true },
    });
    const state = lead.sync.state;
    const synced = state === 'synced';
    const job: OutboxJob = {
      leadId: lead.id,
      revision: 1,
      op: lead.sync.syncedAt ? 'update' : 'create',
      state,
      attempts: 0,
      error: lead.sync.error,
      nextRetryAt: state === 'failed' ? (lead.sync.nextRetryAt ?? now) : undefined,
      lastAttemptAt: lead.sync.lastAttemptAt,
      syncedAt: lead.sync.syncedAt,
      syncedRevision: synced ? 1 : 0,
      inDoubt: wasSyncing,
      dueAt: state === 'failed' ? (lead.sync.nextRetryAt ?? now) : now,
      updatedAt: now,
    };
    if (state === 'failed' && !job.error) job.error = 'Failed before the upgrade.';
    if (state === 'needs_attention' && !job.error) job.error = 'Needed attention before the upgrade.';
    await tx.objectStore('outbox').put(job);
    cursor = await cursor.continue();
  }
}
