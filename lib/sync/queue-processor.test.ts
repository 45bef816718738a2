import { describe, expect, it } from 'vitest';
import { makeLead } from '../../tests/sandbox/fixtures';
import { AUTH_RETRY_MS, createSyncProcessor, toQueueResult } from './queue-processor';
import type { SyncJob } from '../queue/processor';

const job = (attempt = 1): SyncJob => {
  const lead = makeLead();
  return { key: `${lead.id}:1`, leadId: lead.id, revision: 1, op: 'create', attempt, inDoubt: false, lead };
};

describe('queue processor', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('maps every engine result onto the queue contract', () => {
    const j = job();
    expect(toQueueResult(j, { id: j.leadId, state: 'synced', etag: 'W/"1"', syncedAt: '', crmUrl: '' }, now)).toEqual({ key: j.key, ok: true, etag: 'W/"1"' });
    expect(toQueueResult(j, { id: j.leadId, state: 'failed', retryAt: '2026-11-27T12:00:30.000Z', error: 'x', attempt: 1 }, now)).toMatchObject({ ok: false, retryable: true, retryAfterMs: 30_000 });
    expect(toQueueResult(j, { id: j.leadId, state: 'auth_required', error: 'sign in' }, now)).toMatchObject({ retryable: true, retryAfterMs: AUTH_RETRY_MS });
    expect(toQueueResult(j, { id: j.leadId, state: 'needs_attention', error: 'dup', problem: { code: 'duplicate', crmCode: '', crmMessage: '' } }, now)).toMatchObject({ retryable: false, error: 'dup' });
    expect(toQueueResult(j, { id: j.leadId, state: 'conflict', error: 'changed', crm: {} }, now)).toMatchObject({ retryable: false });
  });
  it('passes attempts for backoff and keeps conflicts for the rep', async () => {
    const jobs = [job(1), job(3)];
    const seen: number[] = [];
    const conflicts: string[] = [];
    const p = createSyncProcessor({
      now: () => now,
      target: async (items) => {
        seen.push(...items.map((i) => i.attempt ?? -1));
        return [{ id: items[0].lead.id, state: 'conflict', error: 'c', crm: { jobtitle: 'CRM' } }];
      },
      onConflict: async (r) => { conflicts.push(r.id); },
    });
    const out = await p(jobs, new AbortController().signal);
    expect(seen).toEqual([0, 2]);
    expect(conflicts).toEqual([jobs[0].leadId]);
    expect(out).toHaveLength(1); // the unanswered job is left for the queue to retry
  });
});
