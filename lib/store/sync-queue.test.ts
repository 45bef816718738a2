// Settling a conflict requeues the lead with the CRM's values and ETag in one transaction; the
// requeued job must survive that write, now that the job rides on the lead record (v4, issue #15).
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from './open';
import { requeueLead } from './sync-queue';
import { checkDuplicates, saveLeadThroughPipeline } from './save-pipeline';
import { createQueueRunner } from '../queue/runner';
import type { SyncJob } from '../queue/processor';
import { draft, testSettings } from '../leads/test-helpers';

const deps = { settings: testSettings };
beforeEach(() => resetDbForTests());

describe('requeueLead', () => {
  it('a conflict settled with a change and an ETag is sent again, with the change, and leaves nothing of the store behind', async () => {
    const out = await saveLeadThroughPipeline({ lead: draft({ jobtitle: 'VP Engineering', emailaddress1: 'adam@mazur.example' }) }, deps);
    if (out.status !== 'saved') throw new Error(out.status);
    const id = out.lead.id;
    await createQueueRunner({ processor: async (jobs) => jobs.map((j) => ({ key: j.key, ok: false, retryable: false, error: 'conflict' })) }).run();
    expect((await (await getDb()).get('leads', id))?.sync.state).toBe('needs_attention');

    const requeued = await requeueLead(id, { change: (l) => ({ ...l, emailaddress1: 'adam@crm.example' }), etag: 'W/"7"' });
    expect(requeued).toMatchObject({ id, emailaddress1: 'adam@crm.example', sync: { state: 'ready', etag: 'W/"7"' } });
    expect(requeued).not.toHaveProperty('outbox');
    // The duplicate check sees the changed address, not the old one.
    expect((await checkDuplicates(draft({ emailaddress1: 'adam@crm.example' }), deps)).matches.map((m) => m.lead.id)).toEqual([id]);

    const sent: SyncJob[] = [];
    await createQueueRunner({ processor: async (jobs) => (sent.push(...jobs), jobs.map((j) => ({ key: j.key, ok: true }))) }).run();
    expect(sent.map((j) => j.leadId)).toEqual([id]);
    expect(sent[0].lead.sync.etag).toBe('W/"7"');
    expect((await (await getDb()).get('leads', id))?.sync.state).toBe('synced');
  });
});
