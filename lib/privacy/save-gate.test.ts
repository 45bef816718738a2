import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbForTests } from '../store/open';
import { getLead, listLeads } from '../store/lead-repo';
import { listAudit } from '../store/audit-trail';
import { PrivacyRefusedError } from './capture-policy';
import { guardBatch, guardLead, saveLeadWithPrivacy } from './save-gate';
import { setPrivacySettings } from './settings';

const translate = (key: string, subs?: string | string[]) => `${key}(${[subs].flat().join(',')})`;
const now = () => new Date('2026-11-27T12:00:00Z');
const fromPage = (url: string) => ({ origin: 'page' as const, sourceUrl: url, capturedAt: now().toISOString() });

describe('saveLeadWithPrivacy', () => {
  beforeEach(() => {
    resetDbForTests();
    fakeBrowser.reset();
  });

  it('refuses a lead from a never-capture domain with the message in the rep language, storing nothing', async () => {
    await setPrivacySettings({ neverDomains: ['intranet.example'] });
    const err = await saveLeadWithPrivacy({ subject: 'S', lastname: 'Nowak', provenance: fromPage('https://hr.intranet.example/anna') }, { translate, now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrivacyRefusedError);
    expect((err as PrivacyRefusedError).code).toBe('privacy_refused');
    expect((err as Error).message).toBe('privacy_refused_never_domain(hr.intranet.example)');
    expect(await listLeads()).toEqual([]);
  });

  it('stamps the default lawful basis and the rep as capturer, keeping a basis chosen for the lead', async () => {
    await setPrivacySettings({ lawfulBasis: 'contract', repIdentity: 'jan@firma.pl' });
    const a = await saveLeadWithPrivacy({ subject: 'S', lastname: 'A' }, { translate, now });
    expect(a.provenance).toMatchObject({ origin: 'manual', lawfulBasis: 'contract', capturedBy: 'jan@firma.pl', capturedAt: '2026-11-27T12:00:00.000Z' });
    const b = await saveLeadWithPrivacy({ subject: 'S', lastname: 'B', provenance: { ...fromPage('https://expo.example'), lawfulBasis: 'consent', capturedBy: 'ola@firma.pl' } }, { translate, now });
    expect(b.provenance).toMatchObject({ lawfulBasis: 'consent', capturedBy: 'ola@firma.pl', sourceUrl: 'https://expo.example' });
  });

  it('asks before keeping a free-mail sender, and keeps it once the rep confirms', async () => {
    const draft = { subject: 'S', lastname: 'Nowak', emailaddress1: 'anna@wp.pl', provenance: { origin: 'email' as const, capturedAt: now().toISOString() } };
    const err = await saveLeadWithPrivacy(draft, { translate, now }).then(() => undefined, (e: PrivacyRefusedError) => e);
    expect(err?.code).toBe('privacy_confirm_free_mail');
    const saved = await saveLeadWithPrivacy(draft, { translate, now, confirmFreeMail: true });
    expect(saved.emailaddress1).toBe('anna@wp.pl');
  });

  it('lets the rep edit a lead kept before a rule was added, but not re-point it at a refused address', async () => {
    const saved = await saveLeadWithPrivacy({ subject: 'S', lastname: 'Nowak', emailaddress1: 'anna@partner.example' }, { translate, now });
    await setPrivacySettings({ neverDomains: ['partner.example'] });
    const edited = await saveLeadWithPrivacy({ ...saved, donotemail: true }, { translate, now });
    expect(edited.donotemail).toBe(true);
    expect(edited.provenance.capturedAt).toBe(saved.provenance.capturedAt);
    await expect(saveLeadWithPrivacy({ ...saved, emailaddress1: 'other@partner.example' }, { translate, now })).rejects.toThrow('privacy_refused_never_domain(other@partner.example)');
    expect((await getLead(saved.id))?.emailaddress1).toBe('anna@partner.example');
  });
});

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

  it('guardLead throws the refusal for leads/save', async () => {
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
