import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbForTests } from '../store/open';
import { saveLeadThroughPipeline } from '../store/save-pipeline';
import { draft, testSettings } from '../leads/test-helpers';
import { registerSyncProcessor } from './processor-registry';
import { QUEUE_ALARM, kickQueue, startQueue } from './schedule';
import type { SyncJob } from './processor';

beforeEach(() => {
  resetDbForTests();
  registerSyncProcessor(undefined);
});

describe('queue schedule', () => {
  it('without a processor, leads wait and the badge counts them', async () => {
    await saveLeadThroughPipeline({ lead: draft() }, { settings: testSettings });
    await kickQueue();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.alarms.get(QUEUE_ALARM)).toBeUndefined();
  });

  it('sends waiting leads, clears the badge and the alarm when the queue is empty', async () => {
    await saveLeadThroughPipeline({ lead: draft() }, { settings: testSettings });
    const seen: SyncJob[] = [];
    registerSyncProcessor(async (jobs) => {
      seen.push(...jobs);
      return jobs.map((j) => ({ key: j.key, ok: true }));
    });
    await kickQueue();
    expect(seen).toHaveLength(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.alarms.get(QUEUE_ALARM)).toBeUndefined();
  });

  it('a failure leaves a one-shot alarm at the retry time', async () => {
    await saveLeadThroughPipeline({ lead: draft() }, { settings: testSettings });
    registerSyncProcessor(async (jobs) => jobs.map((j) => ({ key: j.key, ok: false, retryable: true, error: 'HTTP 503' })));
    await kickQueue();
    const alarm = await fakeBrowser.alarms.get(QUEUE_ALARM);
    expect(alarm?.periodInMinutes).toBeUndefined();
    expect(alarm!.scheduledTime).toBeGreaterThan(Date.now());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('the alarm wakes the queue', async () => {
    const seen: string[] = [];
    registerSyncProcessor(async (jobs) => {
      seen.push(...jobs.map((j) => j.key));
      return jobs.map((j) => ({ key: j.key, ok: true }));
    });
    startQueue();
    await kickQueue(); // shares the start-up run: idle from here until something wakes it
    await saveLeadThroughPipeline({ lead: draft() }, { settings: testSettings });
    expect(seen).toHaveLength(0);
    await fakeBrowser.alarms.onAlarm.trigger({ name: QUEUE_ALARM, scheduledTime: Date.now() });
    // The listener starts the run without awaiting it: wait for it, not a fixed time.
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 5_000 });
  });
});
