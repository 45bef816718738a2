// Keeps the queue moving in an MV3 worker that Chrome may stop at any time (issue #4).
// A repeating alarm is set before work starts, so if the worker dies mid-run the alarm wakes a
// new one that resumes from IndexedDB; it is replaced by a one-shot alarm at the next retry
// time, or cleared, once the run ends.
import { browser } from '#imports';
import { refreshBadge } from '../badge';
import { registeredSyncProcessor } from './processor-registry';
import { createQueueRunner, type QueueRunner } from './runner';
import type { SyncProcessor } from './processor';

export const QUEUE_ALARM = 'leadclip-queue';
/** Chrome's shortest alarm period (30 s since Chrome 120). */
const HEARTBEAT_MINUTES = 0.5;

/** This worker's identity for claims: a job left syncing under another id was cut off. */
const WORKER_ID = crypto.randomUUID();
let runner: { processor: SyncProcessor; queue: QueueRunner } | undefined;

/** Runs the queue now. Safe to call often: concurrent calls share one run. */
export async function kickQueue(): Promise<void> {
  const processor = registeredSyncProcessor();
  if (!processor) return void (await refreshBadge());
  // One runner per worker (it owns the claims it makes); a newly registered processor gets a new one.
  if (runner?.processor !== processor) runner = { processor, queue: createQueueRunner({ processor, owner: WORKER_ID, onProgress: () => refreshBadge() }) };
  await browser.alarms.create(QUEUE_ALARM, { periodInMinutes: HEARTBEAT_MINUTES, delayInMinutes: HEARTBEAT_MINUTES });
  const summary = await runner.queue.run();
  await refreshBadge();
  if (!summary.nextDueAt) return void (await browser.alarms.clear(QUEUE_ALARM));
  const due = Date.parse(summary.nextDueAt);
  if (due <= Date.now()) {
    setTimeout(() => void kickQueue(), 0); // more is due now: the run stopped at its time budget
    return;
  }
  await browser.alarms.create(QUEUE_ALARM, { when: due });
}

/** Call synchronously in the background's main(): listeners must exist before events arrive. */
export function startQueue(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUEUE_ALARM) void kickQueue();
  });
  browser.runtime.onStartup.addListener(() => void kickQueue());
  void kickQueue(); // a restarted worker resumes what a stopped one left
}
