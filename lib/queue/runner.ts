// Drains the outbox (issue #4). Keeps no state of its own that matters: everything is in
// IndexedDB, so a worker stopped mid-run loses nothing; the next run (an alarm, a message, the
// browser starting) takes over where it stopped.
import { claimDueJobs, outboxStatus, recordSyncResults } from '../store';
import { queueBackoff, retryDelay, type BackoffOptions } from './backoff';
import type { SyncProcessor, SyncResult } from './processor';

export interface RunnerOptions {
  processor: SyncProcessor;
  now?: () => Date;
  batchSize?: number;
  /** A claimed job not answered within this time is taken again, in doubt. */
  leaseMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** This worker instance (random per worker start by default): see claimDue. */
  owner?: string;
  /** Stop after this long and leave the rest to the next run (keeps each run short). */
  budgetMs?: number;
  /** Told after each batch: waiting count (the badge) and when the next run is due. */
  onProgress?: (status: { waiting: number; nextDueAt?: string }) => void | Promise<void>;
}

export interface RunSummary {
  processed: number;
  applied: number;
  nextDueAt?: string;
  waiting: number;
}

export interface QueueRunner {
  /** Runs until nothing is due (or the budget is spent). Concurrent calls share one run and
   * ask it to look again, so a kick during a run is never lost. */
  run(signal?: AbortSignal): Promise<RunSummary>;
}

export function createQueueRunner(options: RunnerOptions): QueueRunner {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 25;
  const leaseMs = options.leaseMs ?? 120_000;
  const backoff = options.backoff ?? queueBackoff;
  const complete = { maxAttempts: options.maxAttempts ?? 8, retryDelay: (attempts: number, retryAfterMs?: number) => retryDelay(attempts, backoff, retryAfterMs) };
  const budgetMs = options.budgetMs ?? 25_000;
  const owner = options.owner ?? crypto.randomUUID();
  let running: Promise<RunSummary> | undefined;
  let again = false;

  const status = outboxStatus;

  async function drain(signal?: AbortSignal): Promise<RunSummary> {
    const started = Date.now();
    let processed = 0;
    let applied = 0;
    do {
      again = false;
      while (!signal?.aborted && Date.now() - started < budgetMs) {
        const jobs = await claimDueJobs(now(), { limit: batchSize, leaseMs, owner });
        if (!jobs.length) break;
        let results: SyncResult[];
        const controller = new AbortController();
        const onAbort = () => controller.abort();
        signal?.addEventListener('abort', onAbort);
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
          // A processor that never answers must not stall the queue: after the lease the batch
          // fails retryably, in doubt (it may have reached the CRM).
          const timeout = new Promise<SyncResult[]>((resolve) => {
            timer = setTimeout(() => {
              controller.abort();
              resolve(jobs.map((j) => ({ key: j.key, ok: false, retryable: true, error: 'Timed out.', unknownOutcome: true })));
            }, leaseMs);
          });
          results = await Promise.race([options.processor(jobs, controller.signal), timeout]);
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          results = jobs.map((j) => ({ key: j.key, ok: false, retryable: true, error }));
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        }
        const answered = new Set(results.map((r) => r.key));
        const claimed = new Set(jobs.map((j) => j.key));
        const all: SyncResult[] = [
          ...results.filter((r) => claimed.has(r.key)),
          ...jobs.filter((j) => !answered.has(j.key)).map((j) => ({ key: j.key, ok: false as const, retryable: true, error: 'No answer from the sync engine.' })),
        ];
        applied += (await recordSyncResults(all, now(), complete)).length;
        processed += jobs.length;
        await options.onProgress?.(await status());
      }
    } while (again && !signal?.aborted && Date.now() - started < budgetMs);
    return { processed, applied, ...(await status()) };
  }

  return {
    run(signal) {
      if (running) {
        again = true;
        return running;
      }
      running = drain(signal).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
