import { beforeEach, describe, expect, it } from 'vitest';
import { resetDbForTests, getDb } from './open';
import { listAudit } from './audit-trail';
import { saveLeadThroughPipeline } from './save-pipeline';
import { disqualifyStoredLead, mergeIntoLead, qualifyStoredLead, retryLead } from './lead-actions';
import { qualifyRequest } from '../leads/qualify';
import { qualifyCandidates } from './qualify-candidates';
import { draft, testSettings } from '../leads/test-helpers';
import type { LeadDraftInput } from '../leads/schema';

const deps = { settings: testSettings };
async function save(input: LeadDraftInput) {
  const out = await saveLeadThroughPipeline({ lead: input, onDuplicate: 'save' }, deps);
  if (out.status !== 'saved') throw new Error(out.status);
  return out.lead;
}

beforeEach(() => resetDbForTests());

describe('qualify', () => {
  it('with an existing account keeps the rep\u2019s company name and fills only empty address fields', async () => {
    const lead = await save(draft({ companyname: 'Acme Polska', address1_city: 'Gdańsk' }));
    const out = await qualifyStoredLead(qualifyRequest.parse({
      id: lead.id,
      account: { mode: 'existing', id: 'lead:x', name: 'ACME S.A.' },
      contact: { mode: 'new' },
      accountValues: { companyname: 'ACME S.A.', address1_city: 'Warszawa', address1_line1: 'ul. Prosta 1', address1_postalcode: '00-850' },
    }), deps);
    expect(out).toMatchObject({ companyname: 'Acme Polska', address1_city: 'Gdańsk', address1_line1: 'ul. Prosta 1', address1_postalcode: '00-850', statecode: 1, statuscode: 3 });
    expect(out.qualify.account).toEqual({ mode: 'existing', id: 'lead:x', name: 'ACME S.A.' });
    const q = (await listAudit(lead.id)).find((e) => e.kind === 'qualified');
    expect(q?.details.filled).toEqual(['address1_line1', 'address1_postalcode']);
    expect((await (await getDb()).get('leads', lead.id))?.outbox).toMatchObject({ revision: 2, state: 'ready' });
  });

  it('links a decision-maker contact as a stakeholder with the Stakeholder role, once', async () => {
    const lead = await save(draft());
    const req = qualifyRequest.parse({
      id: lead.id,
      account: { mode: 'new' },
      contact: { mode: 'existing', id: '7d8e9f00-1111-4222-8333-444455556666', name: 'Ewa Nowak' },
      contactValues: { emailaddress1: 'ewa@acme.pl', jobtitle: 'CFO' },
      contactIsDecisionMaker: true,
    });
    const out = await qualifyStoredLead(req, deps);
    expect(out.stakeholders).toEqual([expect.objectContaining({ fullname: 'Ewa Nowak', role: 'Stakeholder', contactid: '7d8e9f00-1111-4222-8333-444455556666', emailaddress1: 'ewa@acme.pl' })]);
    const again = await qualifyStoredLead(req, deps);
    expect(again.stakeholders).toHaveLength(1);
  });

  it('does not add a stakeholder when the contact is not the decision maker', async () => {
    const lead = await save(draft());
    const out = await qualifyStoredLead(qualifyRequest.parse({ id: lead.id, account: { mode: 'new' }, contact: { mode: 'new' } }), deps);
    expect(out.stakeholders).toEqual([]);
  });

  it('finds accounts and contacts among local leads', async () => {
    const a = await save(draft({ firstname: 'Ewa', lastname: 'Nowak', companyname: 'Budimex SA', address1_city: 'Warszawa', emailaddress1: 'ewa@budimex.pl' }));
    const self = await save(draft({ lastname: 'Zet', companyname: 'Other' }));
    const found = await qualifyCandidates('budimex', self.id);
    expect(found.accounts).toEqual([{ id: `lead:${a.id}`, name: 'Budimex SA', values: expect.objectContaining({ companyname: 'Budimex SA', address1_city: 'Warszawa' }) }]);
    expect((await qualifyCandidates('nowak')).contacts[0]).toMatchObject({ name: 'Ewa Nowak', values: { emailaddress1: 'ewa@budimex.pl' } });
  });
});

describe('disqualify', () => {
  it('sets Disqualified with the status reason and audits it', async () => {
    const lead = await save(draft());
    const out = await disqualifyStoredLead(lead.id, 6, deps);
    expect(out).toMatchObject({ statecode: 2, statuscode: 6 });
    expect((await listAudit(lead.id)).map((e) => e.kind)).toContain('disqualified');
  });
});

describe('merge', () => {
  it('takes only the fields the rep picked and adds the timeline', async () => {
    const target = await save(draft({ jobtitle: 'CTO', telephone1: '22 111 11 11' }));
    const note = { id: '5f0c1c1e-8d1a-4a39-9f5e-0a2b3c4d5e6f', createdAt: '2026-11-27T10:00:00.000Z', kind: 'note', notetext: 'from the duplicate' };
    const out = await mergeIntoLead(target.id, { jobtitle: 'CEO', telephone1: '22 999 99 99' }, ['jobtitle'], [note], deps);
    expect(out).toMatchObject({ jobtitle: 'CEO', telephone1: '+48 22 111 11 11' });
    expect(out.timeline).toHaveLength(1);
    expect((await listAudit(target.id)).find((e) => e.kind === 'merged')?.details).toMatchObject({ taken: ['jobtitle'], fields: ['jobtitle', 'timeline'] });
  });
});

describe('retry', () => {
  it('hands a draft over to the queue', async () => {
    const out = await saveLeadThroughPipeline({ lead: draft(), draft: true }, deps);
    if (out.status !== 'saved') throw new Error();
    expect(out.lead.sync.state).toBe('draft');
    expect(await retryLead(out.lead.id)).toMatchObject({ sync: { state: 'ready' } });
    expect((await listAudit(out.lead.id)).map((e) => e.kind)).toEqual(['captured', 'queued']);
  });
});
