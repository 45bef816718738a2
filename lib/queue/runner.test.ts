import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '../store/open';
import { openTx } from '../store/tx';
import { listAudit } from '../store/audit-trail';
import { outboxJobs } from '../store/test-helpers';
import { saveLeadThroughPipeline, saveLeads } from '../store/save-pipeline';
import { draft, testSettings } from '../leads/test-helpers';
import { completeJobs, requeue } from '../store/outbox';
import { createQueueRunner, type RunnerOptions } from './runner';
import type { SyncJob, SyncProcessor, SyncResult } from './processor';

let clock = new Date('2026-11-27T12:00:00.000Z');
const now = () => clock;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const deps = { settings: testSettings, now };

async function saveN(n: number) {
  const out = await saveLeads(Array.from({ length: n }, (_, i) => ({ lead: draft({ lastname: `Lead${i}`, emailaddress1: `l${i}@x.pl` }), onDuplicate: 'save' as const })), deps);
  return out.map((o) => (o.status === 'saved' ? o.lead.id : ''));
}

function recorder(answer: (job: SyncJob) => Omit<SyncResult, 'key'> = () => ({ ok: true, etag: 'W/"1"' })) {
  const seen: SyncJob[] = [];
  const processor: SyncProcessor = async (jobs) => {
    seen.push(...jobs);
    return jobs.map((j) => ({ key: j.key, ...answer(j) }) as SyncResult);
  };
  return { seen, processor };
}

const runner = (processor: SyncProcessor, extra: Partial<RunnerOptions> = {}) =>
  createQueueRunner({ processor, now, batchSize: 7, backoff: { baseMs: 1000, maxMs: 10_000 }, maxAttempts: 3, ...extra });

/** The lead's sync state always equals its outbox job's state. */
async function expectConsistent() {
  const db = await getDb();
  const [leads, jobs] = await Promise.all([db.getAll('leads'), outboxJobs()]);
  for (const lead of leads) {
    const job = jobs.find((j) => j.leadId === lead.id);
    expect(lead.sync.state, lead.id).toBe(job?.state);
    expect(lead.sync.nextRetryAt).toBe(job?.nextRetryAt);
    expect(lead.sync.error).toBe(job?.error);
  }
}

beforeEach(() => {
  resetDbForTests();
  clock = new Date('2026-11-27T12:00:00.000Z');
});

/** A worker that claims its batch and is stopped before it answers; `claimed` once it holds the batch. */
function claimsAndHangs() {
  let claimed!: () => void;
  return { claimed: new Promise<void>((r) => (claimed = r)), processor: () => (claimed(), new Promise<never>(() => {})) };
}

describe('queue runner', () => {
  it('sends every ready lead once, in batches, and marks it synced', async () => {
    const ids = await saveN(20);
    const { seen, processor } = recorder();
    const summary = await runner(processor).run();
    expect(summary).toMatchObject({ processed: 20, applied: 20, waiting: 0 });
    expect(seen.map((j) => j.key).sort()).toEqual(ids.map((id) => `${id}:1`).sort());
    const lead = await (await getDb()).get('leads', ids[0]);
    expect(lead?.sync).toMatchObject({ state: 'synced', syncedAt: clock.toISOString(), etag: 'W/"1"' });
    expect((await listAudit(ids[0])).map((e) => e.kind)).toEqual(['captured', 'queued', 'sync_attempt', 'sync_result']);
    await expectConsistent();
  });

  it('a retryable failure waits for its retry time, then gives up after maxAttempts', async () => {
    const [id] = await saveN(1);
    const { seen, processor } = recorder(() => ({ ok: false, retryable: true, error: 'HTTP 503' }));
    const r = runner(processor);
    await r.run();
    let job = (await (await getDb()).get('leads', id))?.outbox;
    expect(job).toMatchObject({ state: 'failed', error: 'HTTP 503', attempts: 1 });
    expect(Date.parse(job!.nextRetryAt!)).toBeGreaterThan(clock.getTime());
    await expectConsistent();
    await r.run(); // not due yet
    expect(seen).toHaveLength(1);
    advance(10_001);
    await r.run();
    advance(10_001);
    await r.run();
    expect(seen.map((j) => j.attempt)).toEqual([1, 2, 3]);
    job = (await (await getDb()).get('leads', id))?.outbox;
    expect(job).toMatchObject({ state: 'needs_attention', error: 'HTTP 503 (gave up after 3 attempts)' });
    await expectConsistent();
  });

  it('honours Retry-After', async () => {
    const [id] = await saveN(1);
    await runner(recorder(() => ({ ok: false, retryable: true, error: '429', retryAfterMs: 60_000 })).processor).run();
    const job = (await (await getDb()).get('leads', id))?.outbox;
    expect(Date.parse(job!.nextRetryAt!) - clock.getTime()).toBeGreaterThanOrEqual(60_000);
  });

  it('a permanent failure needs attention at once; the rep can requeue it', async () => {
    const [id] = await saveN(1);
    await runner(recorder(() => ({ ok: false, retryable: false, error: 'HTTP 400: lastname' })).processor).run();
    expect((await (await getDb()).get('leads', id))?.outbox).toMatchObject({ state: 'needs_attention', error: 'HTTP 400: lastname' });
    const tx = openTx(await getDb(), ['leads', 'audit'], 'readwrite');
    await requeue(tx, id, clock.toISOString());
    await tx.done;
    expect(await (await getDb()).get('leads', id)).toMatchObject({ sync: { state: 'ready', error: undefined } });
    await expectConsistent();
  });

  it('changing a synced lead queues an update under a new key', async () => {
    const [id] = await saveN(1);
    const { seen, processor } = recorder();
    const r = runner(processor);
    await r.run();
    const lead = (await (await getDb()).get('leads', id))!;
    await saveLeadThroughPipeline({ lead: { ...lead, jobtitle: 'CTO' } }, deps);
    expect((await (await getDb()).get('leads', id))?.outbox).toMatchObject({ state: 'ready', op: 'update', revision: 2 });
    await r.run();
    expect(seen.map((j) => [j.key, j.op])).toEqual([[`${id}:1`, 'create'], [`${id}:2`, 'update']]);
    expect(seen[1].lead.jobtitle).toBe('CTO');
  });

  it('an edit while the lead is in flight is sent after the older revision answers', async () => {
    const [id] = await saveN(1);
    const seen: string[] = [];
    const processor: SyncProcessor = async (jobs) => {
      seen.push(...jobs.map((j) => j.key));
      if (jobs[0].revision === 1) {
        const lead = (await (await getDb()).get('leads', id))!;
        await saveLeadThroughPipeline({ lead: { ...lead, jobtitle: 'Changed meanwhile' } }, deps);
      }
      return jobs.map((j) => ({ key: j.key, ok: true }));
    };
    await runner(processor).run();
    expect(seen).toEqual([`${id}:1`, `${id}:2`]);
    expect((await (await getDb()).get('leads', id))?.outbox).toMatchObject({ state: 'synced', syncedRevision: 2 });
    await expectConsistent();
  });

  it('a worker that stopped mid-flight: the next worker takes its jobs at once, same key, in doubt', async () => {
    const ids = await saveN(3);
    // The first worker claims and never answers (it was stopped).
    const dying = claimsAndHangs();
    void runner(dying.processor, { owner: 'worker-1' }).run();
    await dying.claimed;
    expect((await outboxJobs()).every((j) => j.state === 'syncing' && j.owner === 'worker-1')).toBe(true);
    const { seen, processor } = recorder();
    await runner(processor, { owner: 'worker-2' }).run();
    expect(seen.map((j) => j.key).sort()).toEqual(ids.map((id) => `${id}:1`).sort());
    expect(seen.every((j) => j.inDoubt && j.attempt === 2)).toBe(true);
    expect((await listAudit(ids[0])).filter((e) => e.kind === 'sync_attempt').map((e) => e.details.inDoubt)).toEqual([false, true]);
    await expectConsistent();
  });

  it('a processor that never answers times out: the job fails retryably, in doubt', async () => {
    const [id] = await saveN(1);
    let aborted = false;
    await runner((_jobs, signal) => new Promise(() => signal.addEventListener('abort', () => (aborted = true))), { leaseMs: 50 }).run();
    expect(aborted).toBe(true);
    expect((await (await getDb()).get('leads', id))?.outbox).toMatchObject({ state: 'failed', error: 'Timed out.', inDoubt: true });
    await expectConsistent();
  });

  it('a job stays in doubt through failures until an attempt succeeds', async () => {
    await saveN(1);
    const dying = claimsAndHangs();
    void runner(dying.processor, { owner: 'dead' }).run();
    await dying.claimed;
    await runner(async () => { throw new Error('offline'); }, { owner: 'next' }).run();
    advance(10_001);
    const { seen, processor } = recorder();
    await runner(processor, { owner: 'next' }).run();
    expect(seen.map((j) => j.inDoubt)).toEqual([true]);
  });

  it('within one worker a hung attempt is taken again only after its lease', async () => {
    const ids = await saveN(2);
    const hung = claimsAndHangs();
    void runner(hung.processor, { owner: 'w', leaseMs: 60_000 }).run();
    await hung.claimed;
    const { seen, processor } = recorder();
    await runner(processor, { owner: 'w', leaseMs: 60_000 }).run();
    expect(seen).toHaveLength(0);
    advance(60_001);
    await runner(processor, { owner: 'w', leaseMs: 60_000 }).run();
    expect(seen.map((j) => j.key).sort()).toEqual(ids.map((id) => `${id}:1`).sort());
    expect(seen.every((j) => j.inDoubt)).toBe(true);
  });

  it('completion is idempotent: a repeated or late answer changes nothing', async () => {
    const [id] = await saveN(1);
    await runner(recorder().processor).run();
    const before = (await (await getDb()).get('leads', id))?.outbox;
    const tx = openTx(await getDb(), ['leads', 'audit'], 'readwrite');
    const applied = await completeJobs(tx, [{ key: `${id}:1`, ok: false, retryable: true, error: 'late' }], clock, { maxAttempts: 3, retryDelay: () => 1 });
    await tx.done;
    expect(applied).toEqual([]);
    expect((await (await getDb()).get('leads', id))?.outbox).toEqual(before);
  });

  it('a processor that throws or skips jobs fails them retryably, losing none', async () => {
    const ids = await saveN(4);
    await runner(async () => { throw new Error('network down'); }).run();
    const jobs = (await (await getDb()).getAll('leads')).flatMap((l) => (l.outbox ? [l.outbox] : []));
    expect(jobs.every((j) => j.state === 'failed' && j.error === 'network down')).toBe(true);
    advance(10_001);
    await runner(async (js) => [{ key: js[0].key, ok: true }]).run();
    const after = (await (await getDb()).getAll('leads')).flatMap((l) => (l.outbox ? [l.outbox] : []));
    expect(after.filter((j) => j.state === 'synced')).toHaveLength(1);
    expect(after.filter((j) => j.state === 'failed' && j.error === 'No answer from the sync engine.')).toHaveLength(3);
    expect(after).toHaveLength(ids.length);
    await expectConsistent();
  });

  it('concurrent runs never hand the same job out twice', async () => {
    await saveN(30);
    const { seen, processor } = recorder();
    const r = runner(processor, { owner: 'same' });
    await Promise.all([r.run(), r.run(), runner(processor, { owner: 'same' }).run(), runner(processor, { owner: 'same' }).run()]);
    const keys = seen.map((j) => j.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(30);
  });

  it('drafts stay out of the queue', async () => {
    await saveLeadThroughPipeline({ lead: draft(), draft: true }, deps);
    const { seen, processor } = recorder();
    expect(await runner(processor).run()).toMatchObject({ processed: 0, waiting: 0 });
    expect(seen).toHaveLength(0);
  });
});
