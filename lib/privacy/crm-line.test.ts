// The lawful-basis line and do-not-contact reach the CRM (issue #8), through the real sync
// engine against the local Dataverse sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox';
import { connectToSandbox, type Connected } from '../../tests/sandbox/connect';
import { makeLead } from '../../tests/sandbox/fixtures';
import { syncLeads } from '../sync/sync-engine';
import { privacyFooter } from './privacy-footer';
import { deleteLeadInCrm } from '../sync/crm-delete';

let sb: Sandbox;
let c: Connected;
beforeAll(async () => {
  sb = await startSandbox();
  c = await connectToSandbox(sb);
});
afterAll(() => sb.close());

describe('sync carries privacy to the CRM', () => {
  it('appends the lawful-basis line to the description, once, and sends the do-not-* flags', async () => {
    const lead = makeLead({
      description: 'Met at the fair.',
      donotemail: true,
      donotbulkemail: true,
      provenance: { origin: 'page', sourceUrl: 'https://expo.example/wystawcy', capturedAt: '2026-11-27T10:00:00.000Z', capturedBy: 'jan@firma.pl', lawfulBasis: 'consent', fields: {} },
    });
    const privacy = { crmField: 'description', lang: 'pl' as const, defaultBasis: 'legitimate_interest' as const };
    const opts = { api: c.api, environmentUrl: sb.url, sleep: async () => {}, privacy };
    expect((await syncLeads([{ lead }], opts))[0]).toMatchObject({ state: 'synced' });
    const row = sb.record('leads', lead.id)!;
    const footer = privacyFooter(lead, { lang: 'pl' });
    expect(row.description).toBe(`Met at the fair.\n\n${footer}`);
    expect(footer).toContain('Podstawa prawna: zgoda');
    expect(row).toMatchObject({ donotemail: true, donotbulkemail: true, donotphone: false, donotpostalmail: false });

    // Syncing again (say after an edit) replaces the line instead of adding a second one.
    const etag = `W/"${row.versionnumber}"`;
    await syncLeads([{ lead: { ...lead, description: String(row.description), sync: { ...lead.sync, etag } } }], opts);
    expect(sb.record('leads', lead.id)!.description).toBe(`Met at the fair.\n\n${footer}`);
  });

  it('without privacy options the description goes unchanged (the engine stays usable alone)', async () => {
    const lead = makeLead({ description: 'Plain.' });
    await syncLeads([{ lead }], { api: c.api, environmentUrl: sb.url, sleep: async () => {} });
    expect(sb.record('leads', lead.id)!.description).toBe('Plain.');
  });

  it('"forget this person" can delete the lead in the CRM; a second delete finds it gone', async () => {
    const lead = makeLead();
    await syncLeads([{ lead }], { api: c.api, environmentUrl: sb.url, sleep: async () => {} });
    expect(sb.record('leads', lead.id)).toBeDefined();
    expect(await deleteLeadInCrm(c.api, lead.id)).toBe('deleted');
    expect(sb.record('leads', lead.id)).toBeUndefined();
    expect(await deleteLeadInCrm(c.api, lead.id)).toBe('absent');
  });
});
