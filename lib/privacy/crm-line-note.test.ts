// Issue #17: the lawful-basis line goes to a note on the lead by default, to a column the admin
// chose, or nowhere; never into every lead's description. Real engine, real sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox';
import { connectToSandbox, type Connected } from '../../tests/sandbox/connect';
import { makeLead } from '../../tests/sandbox/fixtures';
import { syncLeads } from '../sync/sync-engine';
import { privacyNoteId } from '../sync/privacy-note';
import { privacyFooter } from './privacy-footer';
import { privacySettings } from './settings-schema';

let sb: Sandbox;
let c: Connected;
beforeAll(async () => {
  sb = await startSandbox();
  c = await connectToSandbox(sb);
});
afterAll(() => sb.close());

const provenance = { origin: 'page' as const, sourceUrl: 'https://expo.example/', capturedAt: '2026-11-27T10:00:00.000Z', capturedBy: 'jan@firma.pl', lawfulBasis: 'consent' as const, fields: {} };
const run = (lead: ReturnType<typeof makeLead>, crmField?: string) =>
  syncLeads([{ lead }], { api: c.api, environmentUrl: sb.url, sleep: async () => {}, privacy: { crmField, lang: 'pl', defaultBasis: 'legitimate_interest' } });
const notesOf = (leadId: string) => sb.records('annotations').filter((n) => n._objectid_value === leadId);

describe('where the lawful-basis line goes', () => {
  it('the default setting is a note, and an old stored "description" reads as a note', () => {
    expect(privacySettings.parse({}).crmField).toBe('note');
    expect(privacySettings.parse({ crmField: 'description' }).crmField).toBe('note');
    expect(privacySettings.parse({ crmField: 'new_captureinfo' }).crmField).toBe('new_captureinfo');
  });

  it('note: one note on the lead, rewritten on a re-sync; the description untouched', async () => {
    const lead = makeLead({ description: 'Met at the fair.', provenance });
    expect((await run(lead, 'note'))[0]).toMatchObject({ state: 'synced' });
    expect(sb.record('leads', lead.id)!.description).toBe('Met at the fair.');
    const notes = notesOf(lead.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ annotationid: await privacyNoteId(lead.id), notetext: privacyFooter(lead, { lang: 'pl' }) });
    const row = sb.record('leads', lead.id)!;
    await run({ ...lead, provenance: { ...provenance, lawfulBasis: 'contract' }, sync: { ...lead.sync, etag: `W/"${row.versionnumber}"` } }, 'note');
    expect(notesOf(lead.id)).toHaveLength(1);
    expect(notesOf(lead.id)[0].notetext).toContain('umowa');
  });

  it('off: no note and no column', async () => {
    const lead = makeLead({ description: 'Plain.', provenance });
    await run(lead, 'off');
    expect(sb.record('leads', lead.id)!.description).toBe('Plain.');
    expect(notesOf(lead.id)).toHaveLength(0);
  });
});
