// Delete and undo keep the duplicate index and the outbox in step with the leads (issue #4).
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from './open';
import { deleteLead, restoreLead } from './lead-repo';
import { checkDuplicates, saveLeadThroughPipeline } from './save-pipeline';
import { createQueueRunner } from '../queue/runner';
import { draft, testSettings } from '../leads/test-helpers';

const deps = { settings: testSettings };
beforeEach(() => resetDbForTests());

async function saved() {
  const out = await saveLeadThroughPipeline({ lead: draft({ emailaddress1: 'del@acme.pl' }) }, deps);
  if (out.status !== 'saved') throw new Error();
  return out.lead;
}

describe('delete and restore', () => {
  it('a deleted lead is no longer a duplicate nor queued; undo brings both back', async () => {
    const lead = await saved();
    const removed = await deleteLead(lead.id);
    expect((await checkDuplicates(draft({ emailaddress1: 'del@acme.pl' }), deps)).matches).toEqual([]);
    expect((await (await getDb()).get('leads', lead.id))?.outbox).toBeUndefined();
    await restoreLead(removed!);
    expect((await checkDuplicates(draft({ emailaddress1: 'del@acme.pl' }), deps)).matches.map((m) => m.lead.id)).toEqual([lead.id]);
    expect((await (await getDb()).get('leads', lead.id))?.outbox).toMatchObject({ state: 'ready' });
    expect((await (await getDb()).get('leads', lead.id))?.sync.state).toBe('ready');
  });

  it('undoing the delete of a synced lead does not send it again', async () => {
    const lead = await saved();
    await createQueueRunner({ processor: async (jobs) => jobs.map((j) => ({ key: j.key, ok: true })) }).run();
    const removed = await deleteLead(lead.id);
    expect(removed?.sync.state).toBe('synced');
    const restored = await restoreLead(removed!);
    expect(restored.sync.state).toBe('synced');
    expect((await (await getDb()).get('leads', lead.id))?.outbox).toMatchObject({ state: 'synced' });
  });
});
