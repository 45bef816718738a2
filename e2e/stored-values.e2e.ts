// Issue #18, findings 6 and 7 in Chromium: the background reads every shape of an address before
// the never-capture check and stores the bare address; the form refuses a javascript: Website.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { message, messageReply } from './support/messages';
import { clickSave, fill } from './support/lead-form';

interface Lead { id: string; emailaddress1?: string; firstname?: string; websiteurl?: string }

describe('stored values (issue #18)', () => {
  let ext: ExtensionHarness;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('refuses a never-capture address in any shape, sent as the popup sends a save, and stores the bare address otherwise', async () => {
    await message(ext, 'privacy/settings/set', { patch: { neverDomains: ['acme.com'] } });
    const popup = await ext.openPopup();
    for (const email of ['John <john@acme.com>', 'john@acme.com;', 'MAILTO:JOHN@ACME.COM', 'ok@ok.example, john@acme.com']) {
      for (const onDuplicate of ['save', 'ask']) {
        const reply = await messageReply(popup, 'leads/save', { lead: { subject: 'S', lastname: 'Doe', emailaddress1: email }, onDuplicate });
        expect(reply.ok, `${onDuplicate} ${email}`).toBe(false);
        expect(reply.error?.code).toBe('privacy_refused');
        expect(reply.error?.message).toContain('john@acme.com');
      }
    }
    expect((await message<{ leads: unknown[] }>(ext, 'leads/list')).leads).toHaveLength(0);

    const { lead } = await message<{ lead: Lead }>(popup, 'leads/save', { lead: { subject: 'S', lastname: 'Doe', firstname: '\u202EJan\u200B', emailaddress1: '"Doe, John" <John@Partner.example>;' } });
    expect(lead).toMatchObject({ emailaddress1: 'john@partner.example', firstname: 'Jan' });
    await popup.close();
    await message(ext, 'privacy/forget', { id: lead.id });
  });

  it('the form refuses a javascript: Website with a field error, and the background refuses it too', async () => {
    const popup = await ext.openPopup();
    await fill(popup, { subject: 'Demo', lastname: 'Nowak', websiteurl: 'javascript:alert(document.cookie)' });
    await clickSave(popup);
    await popup.waitForSelector('[data-error-for="websiteurl"]');
    expect(await popup.$eval('[data-error-for="websiteurl"]', (e) => e.textContent)).toBe('Enter a web address starting with http:// or https://, or a domain like firma.pl.');
    const reply = await messageReply(popup, 'leads/save', { lead: { subject: 'Demo', lastname: 'Nowak', websiteurl: 'javascript:alert(1)' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((await message<{ leads: unknown[] }>(ext, 'leads/list')).leads).toHaveLength(0);
    await popup.close();
  });
});
