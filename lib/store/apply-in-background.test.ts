import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDbForTests, getDb } from './open';
import { testSettings } from '../leads/test-helpers';
import { commitImport, stageBatch } from './import-staging';
import { applyImportsInBackground, whenImportedLeadsQueued } from './apply-in-background';

const deps = { settings: testSettings };
const lead = (i: number) => ({ subject: 'Import', lastname: `Nowak${i}`, emailaddress1: `n${i}@x.pl`, provenance: { origin: 'import', capturedAt: '2026-11-27T12:00:00.000Z', fields: {} } });

describe('applying a committed import in the background', () => {
  beforeEach(() => resetDbForTests());
  afterEach(() => vi.useRealTimers());

  it('kicks the sync queue when the first part is queued and after the last, not after every part (issue #15)', async () => {
    // Each kick recounts the badge over every queued lead: per part, 100,000 rows made that quadratic.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Test files share one module graph: a kick by an earlier file is long past.
    vi.setSystemTime(Date.now() + 60_000);
    let kicks = 0;
    whenImportedLeadsQueued(() => kicks++);
    const id = crypto.randomUUID();
    for (let b = 0; b < 6; b++) await stageBatch(id, [lead(2 * b), lead(2 * b + 1)], [], deps);
    await commitImport(id);
    await applyImportsInBackground();
    const db = await getDb();
    expect([await db.count('importJournal'), await db.count('leads')]).toEqual([0, 12]);
    // The first part kicked; the last parts kick as the apply ends, not on a timer a stopping
    // worker would drop, so their leads are not left waiting for the next alarm.
    expect(kicks).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(kicks).toBe(2);
  });
});
