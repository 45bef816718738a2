// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixture-doc.test-helper';
import { gmailAdapter } from './gmail/adapter';
import { gmailSelectors } from './gmail/selectors';
import { outlookAdapter } from './outlook/adapter';
import { outlookSelectors } from './outlook/selectors';

describe('Gmail adapter on the fixture DOM', () => {
  it('finds the expanded messages of a conversation, never the collapsed one', () => {
    const doc = loadFixture('gmail', 'FMfcgzQXJWzsconversation', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWzsconversation');
    // Expected matches per selector (refined-github style): catches a selector that drifts.
    expect(doc.querySelectorAll(gmailSelectors.subject)).toHaveLength(1);
    expect(doc.querySelectorAll(gmailSelectors.message)).toHaveLength(2);
    expect(doc.querySelectorAll(gmailSelectors.sender)).toHaveLength(3); // one in the collapsed message
    expect(doc.querySelectorAll(gmailSelectors.body)).toHaveLength(2);

    const found = gmailAdapter.findMessages(doc);
    expect(found.map((f) => f.key)).toEqual(['#msg-f:1790123400000000001', '#msg-f:1790123400000000003']);
    const first = found[0].read();
    expect(first).toMatchObject({
      client: 'gmail',
      sender: { name: 'Anna Nowak', email: 'anna.nowak@contoso-energy.com' },
      to: [{ name: 'me', email: 'rep@leadclip.test' }, { name: 'Sales', email: 'sales@leadclip.test' }],
      subject: 'Demo request for 40 seats',
      dateText: 'Mon, Nov 23, 2026, 9:14 AM',
      url: 'https://mail.google.com/mail/u/0/#all/18f2a1b2c3d4e5f6',
    });
    expect(first.date).toMatch(/^2026-11-23T/);
    expect(first.bodyText).toContain('Head of Sales Operations');
    // The reply quotes the rep's message: the quote is marked so it can be cut off.
    const reply = found[1].read();
    expect(reply.sender).toEqual({ name: 'Baker, Tom', email: 'tom.baker@contoso-energy.com' });
    expect(reply.bodyText).toMatch(/^> On Mon, Nov 23, 2026 at 11:02 AM Ewa Rep/m);
    expect(reply.bodyText).toMatch(/^> tel\. \+48 22 100 20 30$/m);
  });

  it('puts the button anchor on the sender line', () => {
    const doc = loadFixture('gmail', 'FMfcgzQXJWzspolski', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWzspolski');
    const [m] = gmailAdapter.findMessages(doc);
    expect(m.anchor.matches('h3.iw span.qu')).toBe(true);
  });
});

describe('Outlook adapter on the fixture DOM', () => {
  it('reads sender, recipients, subject, date and body, English labels', () => {
    const doc = loadFixture('outlook', 'AAQkADreply', 'https://outlook.office.com/mail/inbox/id/AAQkADreply');
    expect(doc.querySelectorAll(outlookSelectors.message)).toHaveLength(1);
    expect(doc.querySelectorAll(outlookSelectors.sender)).toHaveLength(1);
    const [m] = outlookAdapter.findMessages(doc);
    const msg = m.read();
    expect(msg).toMatchObject({
      client: 'outlook',
      key: 'AAMkADreply1',
      sender: { name: 'Jan Kowalski', email: 'jan.kowalski@budmax-serwis.pl' },
      to: [{ name: 'Ewa Rep', email: 'rep@leadclip.test' }],
      subject: 'Re: Demo LeadClip',
      dateText: 'Tue 11/24/2026 3:12 PM',
      url: 'https://outlook.office.com/mail/inbox/id/AAQkADreply',
    });
    // Outlook's reply header and everything after it is quoted.
    expect(msg.bodyText).toMatch(/^> From: Ewa Rep <rep@leadclip.test>$/m);
    expect(msg.bodyText).not.toMatch(/^kom\./m);
  });

  it('reads Polish labels (Od:, Do:, DW:) and a conversation of two messages', () => {
    const pl = loadFixture('outlook', 'AAQkADpolski', 'https://outlook.office365.com/mail/inbox/id/AAQkADpolski');
    const [m] = outlookAdapter.findMessages(pl);
    expect(m.read()).toMatchObject({
      sender: { name: 'Wróbel Agnieszka', email: 'agnieszka.wrobel@transpol.com.pl' },
      to: [{ name: 'Ewa Rep', email: 'rep@leadclip.test' }],
      cc: [{ name: 'Biuro Transpol', email: 'biuro@transpol.com.pl' }],
      dateText: 'śr 25.11.2026 09:41',
    });
    // A persona without the "From:" label (other UI languages) falls back to the address in its title.
    const persona = pl.querySelector('[aria-label^="Od:"]')!;
    persona.removeAttribute('aria-label');
    persona.setAttribute('title', 'agnieszka.wrobel@transpol.com.pl');
    expect(outlookAdapter.findMessages(pl)[0].read().sender).toEqual({ name: 'Wróbel Agnieszka', email: 'agnieszka.wrobel@transpol.com.pl' });
    const conv = loadFixture('outlook', 'AAQkADrozmowa', 'https://outlook.live.com/mail/0/inbox/id/AAQkADrozmowa');
    expect(outlookAdapter.findMessages(conv).map((f) => f.read().sender.email)).toEqual(['d.schmidt@nordwerk.de', 'rep@leadclip.test']);
  });
});
