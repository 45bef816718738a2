// Issue #17: "Sync now" pressed during an automatic sync joins that run: no second run, the
// caller hears when the run ends, and a lead saved meanwhile goes in the same run.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDbForTests } from '../store/open';
import { saveLeads } from '../store/save-pipeline';
import { draft, testSettings } from '../leads/test-helpers';
import { createQueueRunner } from './runner';
import type { SyncProcessor } from './processor';

const now = () => new Date('2026-11-27T12:00:00.000Z');
const save = (name: string) => saveLeads([{ lead: draft({ lastname: name, emailaddress1: `${name.toLowerCase()}@x.pl` }), onDuplicate: 'save' as const }], { settings: testSettings, now });

beforeEach(() => resetDbForTests());

describe('a run joined while it is going', () => {
  it('is one run; the joiner resolves with it; what arrived meanwhile is sent too', async () => {
    await save('First');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const calls: string[][] = [];
    const processor: SyncProcessor = async (jobs) => {
      calls.push(jobs.map((j) => j.lead.lastname ?? ''));
      if (calls.length === 1) await gate; // the automatic run is mid-flight
      return jobs.map((j) => ({ key: j.key, ok: true as const }));
    };
    const runner = createQueueRunner({ processor, now });
    const automatic = runner.run();
    await vi.waitFor(() => expect(calls).toHaveLength(1)); // the automatic run holds its batch
    await save('Second'); // saved while the automatic run waits on the CRM
    let joinedDone = false;
    const joined = runner.run().then((s) => { joinedDone = true; return s; }); // "Sync now"
    await new Promise((r) => setTimeout(r, 10));
    expect(joinedDone).toBe(false);
    release();
    const [a, b] = await Promise.all([automatic, joined]);
    expect(b).toEqual(a); // the joiner hears the same run's summary
    expect(calls).toEqual([['First'], ['Second']]);
  });
});
