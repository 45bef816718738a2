// Runs the sync over the lead store until the pipeline's queue (lib/queue, issue #4) takes over:
// picks what is due, marks it syncing, runs the target (Dataverse or webhook) and writes each
// result back onto the lead. A worker that dies midway leaves 'syncing' leads, picked up again
// next time; the engine's upserts make that repeat harmless.
import { getDb } from '../db/open';
import type { LeadRecord } from '../leads/schema';
import type { SyncItem, SyncResult } from './sync-engine';
import { syncDb, type Conflict } from './sync-db';

export interface RunSummary {
  total: number;
  synced: number;
  failed: number;
  attention: number;
  conflicts: number;
  authRequired: boolean;
}

/** Due now: new or edited since the last sync, interrupted, or failed with its retry time passed. */
export function isDue(lead: LeadRecord, now: Date): boolean {
  const s = lead.sync;
  switch (s.state) {
    case 'ready':
    case 'syncing':
      return true;
    case 'failed':
      return !s.nextRetryAt || Date.parse(s.nextRetryAt) <= now.getTime();
    case 'synced':
      return !!s.syncedAt && lead.updatedAt > s.syncedAt;
    default:
      return false;
  }
}

async function writeBack(lead: LeadRecord, r: SyncResult, now: Date): Promise<void> {
  const db = await getDb();
  const tx = db.transaction('leads', 'readwrite');
  const current = await tx.store.get(lead.id);
  if (!current) return tx.done;
  const at = now.toISOString();
  const sync = { ...current.sync, lastAttemptAt: at };
  switch (r.state) {
    case 'synced':
      Object.assign(sync, { state: 'synced', syncedAt: r.syncedAt, etag: r.etag, error: undefined, nextRetryAt: undefined });
      break;
    case 'failed':
      Object.assign(sync, { state: 'failed', nextRetryAt: r.retryAt, error: r.error });
      break;
    case 'auth_required':
      Object.assign(sync, { state: 'ready', error: r.error });
      break;
    default:
      Object.assign(sync, { state: 'needs_attention', error: r.error });
  }
  // Edited while syncing: what reached the CRM is already old, so it goes again.
  if (current.updatedAt !== lead.updatedAt && sync.state === 'synced') sync.state = 'ready';
  await tx.store.put({ ...current, sync });
  await tx.done;
}

export interface RunDeps {
  target: (items: SyncItem[], onProgress: (done: number, total: number) => void) => Promise<SyncResult[]>;
  now?: () => Date;
  onProgress?: (done: number, total: number) => void;
  /** Leads per run, so one run stays short enough for a service worker. */
  limit?: number;
}

export async function runSyncOnce(deps: RunDeps): Promise<RunSummary> {
  const now = deps.now ?? (() => new Date());
  const db = await getDb();
  const all = await db.getAll('leads');
  const due = all.filter((l) => isDue(l, now())).slice(0, deps.limit ?? 2000);
  const summary: RunSummary = { total: due.length, synced: 0, failed: 0, attention: 0, conflicts: 0, authRequired: false };
  if (!due.length) return summary;
  const sdb = await syncDb();
  const attempts = await Promise.all(due.map((l) => sdb.get('attempts', l.id)));
  {
    const tx = db.transaction('leads', 'readwrite');
    for (const l of due) await tx.store.put({ ...l, sync: { ...l.sync, state: 'syncing' } });
    await tx.done;
  }
  let results: SyncResult[];
  try {
    results = await deps.target(due.map((lead, i) => ({ lead, attempt: attempts[i] ?? 0 })), (d, t) => deps.onProgress?.(d, t));
  } catch (err) {
    // Nothing was decided: put the leads back as they were.
    const tx = db.transaction('leads', 'readwrite');
    for (const l of due) {
      const cur = await tx.store.get(l.id);
      if (cur) await tx.store.put({ ...cur, sync: l.sync });
    }
    await tx.done;
    throw err;
  }
  for (const [i, r] of results.entries()) {
    const lead = due[i];
    await writeBack(lead, r, now());
    if (r.state === 'failed') await sdb.put('attempts', r.attempt, lead.id);
    else await sdb.delete('attempts', lead.id);
    if (r.state === 'conflict') {
      const c: Conflict = { id: lead.id, crm: r.crm, crmEtag: r.crmEtag, detectedAt: now().toISOString() };
      await sdb.put('conflicts', c);
    } else if (r.state === 'synced') {
      await sdb.delete('conflicts', lead.id);
    }
    if (r.state === 'synced') summary.synced++;
    else if (r.state === 'failed') summary.failed++;
    else if (r.state === 'conflict') summary.conflicts++;
    else if (r.state === 'auth_required') summary.authRequired = true;
    else summary.attention++;
  }
  return summary;
}

/** The earliest retry time among failed leads (for the next alarm). */
export async function nextRetryAt(): Promise<number | undefined> {
  const all = await (await getDb()).getAllFromIndex('leads', 'by-sync-state', 'failed');
  const times = all.map((l) => (l.sync.nextRetryAt ? Date.parse(l.sync.nextRetryAt) : 0));
  return times.length ? Math.min(...times) : undefined;
}
