import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbForTests } from '../store/open';
import { listAudit } from '../store/audit-trail';
import { guardBatch, guardLead } from './guard-requests';
import { saveLeadWithPrivacy } from './guarded-save';
import { setPrivacySettings } from './settings';

const translate = (key: string, subs?: string | string[]) => `${key}(${[subs].flat().join(',')})`;

describe('guardBatch (imports)', () => {
  beforeEach(() => {
    resetDbForTests();
    fakeBrowser.reset();
  });

  it('refuses never-capture rows in place and passes the rest, stamped, in order', async () => {
    await setPrivacySettings({ neverEmails: ['ceo@klient.example'], ownDomain: 'firma.pl', lawfulBasis: 'contract' });
    const rows = await guardBatch([
      { subject: 'A', lastname: 'One', emailaddress1: 'a@ok.example', provenance: { origin: 'import', capturedAt: '2026-11-27T10:00:00.000Z' } },
      { subject: 'B', lastname: 'Two', emailaddress1: 'CEO@klient.example' },
      { subject: 'C', lastname: 'Three', emailaddress1: 'kolega@firma.pl' },
      { subject: 'D', lastname: 'Four', emailaddress1: 'anna@gmail.com', provenance: { origin: 'import', capturedAt: '2026-11-27T10:00:00.000Z' } },
      { lastname: 'No topic' },
    ], { translate });
    expect(rows.map((r) => (r.ok ? 'ok' : r.error))).toEqual([
      'ok',
      'privacy_refused_never_email(ceo@klient.example)',
      'privacy_refused_own_domain(kolega@firma.pl)',
      'ok', // imported free-mail rows: the rep chose the file
      'ok', // invalid: left for the pipeline to report in its own words
    ]);
    const first = rows[0] as { ok: true; lead: { provenance?: { lawfulBasis?: string } } };
    expect(first.lead.provenance?.lawfulBasis).toBe('contract');
  });

  it('guardLead throws the refusal for leads/submit', async () => {
    await setPrivacySettings({ neverDomains: ['intranet.example'] });
    await expect(guardLead({ subject: 'S', lastname: 'L', provenance: { origin: 'page', sourceUrl: 'https://intranet.example/x', capturedAt: '2026-11-27T10:00:00.000Z' } }, { translate }))
      .rejects.toMatchObject({ code: 'privacy_refused' });
  });
});

describe('the audit trail', () => {
  beforeEach(() => {
    resetDbForTests();
    fakeBrowser.reset();
  });

  it('records the lawful basis and who captured the lead', async () => {
    await setPrivacySettings({ repIdentity: 'jan@firma.pl', lawfulBasis: 'consent' });
    const lead = await saveLeadWithPrivacy({ subject: 'S', lastname: 'Nowak' }, { translate });
    const captured = (await listAudit(lead.id)).find((e) => e.kind === 'captured');
    expect(captured?.details).toMatchObject({ lawfulBasis: 'consent', capturedBy: 'jan@firma.pl', origin: 'manual' });
  });
});
