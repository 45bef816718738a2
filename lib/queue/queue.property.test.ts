// Random interleavings of saves, edits, runs with random answers, clock jumps, retries and
// workers stopping mid-flight. After every step the lead's state equals its job's; a key that
// reached the CRM is never sent again unless the worker was cut off before recording it; and
// at the end, with a healthy CRM, every lead's latest revision is synced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { getDb, resetDbForTests } from '../store/open';
import { openTx } from '../store/tx';
import { saveLeadThroughPipeline } from '../store/save-pipeline';
import { draft, testSettings } from '../leads/test-helpers';
import { createQueueRunner } from './runner';
import { requeue } from '../store/outbox';
import { outboxJobs } from '../store/test-helpers';
import type { SyncProcessor, SyncResult } from './processor';

type Op =
  | { kind: 'create' }
  | { kind: 'edit'; which: number }
  | { kind: 'run'; answers: ('ok' | 'retry' | 'fatal' | 'throw')[] }
  | { kind: 'stop'; worker: number; afterDelivery: boolean }
  | { kind: 'tick'; ms: number }
  | { kind: 'retry'; which: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'create' }),
  fc.record({ kind: fc.constant('edit' as const), which: fc.nat(20) }),
  fc.record({ kind: fc.constant('run' as const), answers: fc.array(fc.constantFrom('ok', 'retry', 'fatal', 'throw'), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('stop' as const), worker: fc.nat(3), afterDelivery: fc.boolean() }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({ kind: fc.constant('retry' as const), which: fc.nat(20) }),
);

describe('queue (model-based)', () => {
  it('keeps leads and jobs consistent and never resends a delivered key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        globalThis.indexedDB = new IDBFactory();
        resetDbForTests();
        let clock = Date.parse('2026-11-27T12:00:00.000Z');
        const now = () => new Date(clock);
        const ids: string[] = [];
        const delivered = new Map<string, number>(); // key -> times the CRM applied it
        let worker = 'w0';
        const deps = { settings: testSettings, now };
        const runner = (answers: string[]): SyncProcessor => async (jobs) => {
          if (answers[0] === 'throw') throw new Error('offline');
          return jobs.map((j, i): SyncResult => {
            const a = answers[i % answers.length];
            if (a === 'ok' || a === 'throw') {
              // A job in doubt was checked first: already applied means "ok" without resending.
              if (!(j.inDoubt && delivered.has(j.key))) delivered.set(j.key, (delivered.get(j.key) ?? 0) + 1);
              return { key: j.key, ok: true };
            }
            return a === 'retry' ? { key: j.key, ok: false, retryable: true, error: 'HTTP 503' } : { key: j.key, ok: false, retryable: false, error: 'HTTP 400' };
          });
        };
        const opts = { now, batchSize: 3, maxAttempts: 3, backoff: { baseMs: 1000, maxMs: 8000 }, random: () => 0.5 };

        for (const o of ops) {
          if (o.kind === 'create') {
            const out = await saveLeadThroughPipeline({ lead: draft({ lastname: `L${ids.length}x`, firstname: `F${ids.length}`, companyname: `C${ids.length}` }), onDuplicate: 'save' }, deps);
            if (out.status === 'saved') ids.push(out.lead.id);
          } else if (o.kind === 'edit' && ids.length) {
            const lead = (await (await getDb()).get('leads', ids[o.which % ids.length]))!;
            await saveLeadThroughPipeline({ lead: { ...lead, jobtitle: `T${clock}${Math.random()}` } }, deps);
          } else if (o.kind === 'run') {
            await createQueueRunner({ ...opts, owner: worker, processor: runner(o.answers) }).run();
          } else if (o.kind === 'stop') {
            // A worker claims a batch and dies before recording the answer (before or after the
            // CRM applied it); the next worker has a new id.
            let claimed!: () => void;
            const dies = new Promise<void>((r) => (claimed = r));
            const run = createQueueRunner({
              ...opts, owner: worker,
              processor: (jobs) => {
                if (o.afterDelivery) void runner(['ok'])(jobs, new AbortController().signal);
                claimed();
                return new Promise(() => {});
              },
            }).run();
            // Dies holding its batch, or finds nothing due and ends: no fixed wait either way.
            await Promise.race([dies, run]);
            worker = `w${o.worker}-${clock}-${Math.random()}`;
          } else if (o.kind === 'tick') {
            clock += o.ms;
          } else if (o.kind === 'retry' && ids.length) {
            const id = ids[o.which % ids.length];
            const job = (await (await getDb()).get('leads', id))?.outbox;
            if (job && (job.state === 'failed' || job.state === 'needs_attention')) {
              const tx = openTx(await getDb(), ['leads', 'audit'], 'readwrite');
              await requeue(tx, id, now().toISOString());
              await tx.done;
            }
          }
          // Invariant: every lead's sync state is its job's state.
          const db = await getDb();
          const [leads, jobs] = await Promise.all([db.getAll('leads'), outboxJobs()]);
          expect(jobs).toHaveLength(leads.length);
          for (const l of leads) expect(l.sync.state).toBe(jobs.find((j) => j.leadId === l.id)?.state);
          for (const [key, n] of delivered) expect(n, key).toBe(1);
        }

        // Finally: a new worker, a healthy CRM, time for every retry. Everything gets through.
        worker = 'final';
        for (let i = 0; i < 30; i++) {
          const db = await getDb();
          for (const j of (await db.getAll('leads')).flatMap((l) => (l.outbox ? [l.outbox] : []))) {
            if (j.state === 'needs_attention') {
              const tx = openTx(db, ['leads', 'audit'], 'readwrite');
              await requeue(tx, j.leadId, now().toISOString());
              await tx.done;
            }
          }
          await createQueueRunner({ ...opts, owner: worker, processor: runner(['ok']) }).run();
          clock += 10_000;
        }
        const jobs = (await (await getDb()).getAll('leads')).flatMap((l) => (l.outbox ? [l.outbox] : []));
        for (const j of jobs) {
          expect(j.state).toBe('synced');
          expect(j.syncedRevision).toBe(j.revision);
          expect(delivered.get(`${j.leadId}:${j.revision}`)).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
