// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanSubject, emailNote, emailToLead, NOTE_TEXT_LIMIT, orderByEvidence } from './email-to-lead';
import { loadFixture } from './fixture-doc.test-helper';
import { gmailAdapter } from './gmail/adapter';
import { outlookAdapter } from './outlook/adapter';
import type { WebmailMessage } from './types';

const now = new Date('2026-11-27T12:00:00Z');

function gmail(thread: string, index = 0) {
  const doc = loadFixture('gmail', thread, `https://mail.google.com/mail/u/0/#inbox/${thread}`);
  return gmailAdapter.findMessages(doc)[index].read();
}
function outlook(thread: string, index = 0) {
  const doc = loadFixture('outlook', thread, `https://outlook.office.com/mail/inbox/id/${thread}`);
  return outlookAdapter.findMessages(doc)[index].read();
}

describe('emailToLead on the fixture messages', () => {
  it('fills the form from the sender and the signature of a conversation message', () => {
    const lead = emailToLead(gmail('FMfcgzQXJWzsconversation'), now);
    expect(lead.values).toMatchObject({
      firstname: 'Anna',
      lastname: 'Nowak',
      emailaddress1: 'anna.nowak@contoso-energy.com',
      jobtitle: 'Head of Sales Operations',
      companyname: 'Contoso Energy Ltd.',
      telephone1: '+44 20 7946 0321',
      mobilephone: '+44 7700 900123',
      websiteurl: 'https://www.contoso-energy.com',
      address1_line1: '1 Canada Square, London E14 5AB',
      subject: 'Demo request for 40 seats',
      leadsourcecode: '10',
    });
    expect(lead.provenance).toMatchObject({ origin: 'email', sourceUrl: 'https://mail.google.com/mail/u/0/#all/18f2a1b2c3d4e5f6' });
    expect(lead.provenance.fields.jobtitle).toEqual({ method: 'signature', source: lead.provenance.sourceUrl });
    expect(lead.provenance.fields.emailaddress1?.method).toBe('email');
  });

  it('splits "Last, First" and never takes the quoted signature of someone else', () => {
    const lead = emailToLead(gmail('FMfcgzQXJWzsconversation', 1), now);
    expect(lead.values).toMatchObject({ firstname: 'Tom', lastname: 'Baker', jobtitle: 'IT Procurement Manager', companyname: 'Contoso Energy Ltd.', telephone1: '+44 113 496 0555' });
    expect(JSON.stringify(lead.values)).not.toMatch(/LeadClip|100 20 30|Account Executive/);
    // The subject of a reply loses its "Re:".
    expect(cleanSubject('RE: Odp: PD: Fwd: Oferta')).toBe('Oferta');
  });

  it('takes the original author of a forwarded email', () => {
    const lead = emailToLead(gmail('FMfcgzQXJWzsforwarded'), now);
    expect(lead.fromForward).toBe(true);
    expect(lead.values).toMatchObject({
      firstname: 'Piotr', lastname: 'Zieliński', emailaddress1: 'p.zielinski@fabryka-okien.pl', jobtitle: 'Sales Director',
      companyname: 'Fabryka Okien Zieliński S.A.', telephone1: '+48 61 222 33 44', mobilephone: '+48 601 234 567', fax: '+48 61 222 33 45',
      address1_line1: 'ul. Przemysłowa 14', address1_postalcode: '61-123', address1_city: 'Poznań', subject: 'Partnership inquiry',
    });
  });

  it('reads a Polish message: LAST First, tel./kom./faks, address, no disclaimer', () => {
    const lead = emailToLead(gmail('FMfcgzQXJWzspolski'), now);
    expect(lead.values).toMatchObject({
      firstname: 'Katarzyna', lastname: 'Lewandowska', jobtitle: 'Kierownik ds. zakupów', companyname: 'BUDMAX Sp. z o.o.',
      telephone1: '+48 42 630 11 22', mobilephone: '+48 602 345 678', fax: '+48 42 630 11 23', websiteurl: 'https://www.budmax.pl',
      address1_line1: 'ul. Składowa 7', address1_postalcode: '90-127', address1_city: 'Łódź',
    });
    expect(JSON.stringify(lead.values)).not.toMatch(/KRS|poufna/);
  });

  it('Outlook reply: the rep\'s quoted signature is ignored', () => {
    const lead = emailToLead(outlook('AAQkADreply'), now);
    expect(lead.values).toMatchObject({
      firstname: 'Jan', lastname: 'Kowalski', jobtitle: 'Service Manager', companyname: 'Budmax Serwis Sp. z o.o.',
      telephone1: '+48 22 555 66 77', mobilephone: '+48 501 222 333', subject: 'Demo LeadClip',
    });
    expect(JSON.stringify(lead.values)).not.toMatch(/600 700 800|LeadClip Sp/);
  });

  it('Outlook Polish: "Nazwisko Imię" ordered by the signature; tel. kom. is a mobile', () => {
    const lead = emailToLead(outlook('AAQkADpolski'), now);
    expect(lead.values).toMatchObject({
      firstname: 'Agnieszka', lastname: 'Wróbel', jobtitle: 'Dyrektor handlowy', companyname: 'TRANSPOL Logistyka Sp. z o.o.',
      telephone1: '+48 22 333 44 55', mobilephone: '+48 605 111 222', fax: '+48 22 333 44 56', address1_line1: 'Al. Jerozolimskie 181',
      address1_postalcode: '02-222', address1_city: 'Warszawa', websiteurl: 'https://www.transpol.com.pl',
    });
  });

  it('company from the domain unless free-mail', () => {
    const base: WebmailMessage = { client: 'gmail', key: 'k', sender: { name: 'Ola Kot', email: 'ola@kot-design.pl' }, to: [], cc: [], subject: 'Hej', bodyText: 'Cześć, zadzwoń proszę.', url: 'https://mail.google.com/mail/u/0/#all/1' };
    expect(emailToLead(base, now).values.companyname).toBe('Kot Design');
    expect(emailToLead(base, now).provenance.fields.companyname?.method).toBe('email');
    const free = emailToLead({ ...base, sender: { name: 'Ola Kot', email: 'ola.kot@gmail.com' } }, now);
    expect(free.values.companyname).toBeUndefined();
    expect(free.values.websiteurl).toBeUndefined();
  });
});

describe('orderByEvidence', () => {
  it('swaps only with evidence', () => {
    expect(orderByEvidence('Wróbel Agnieszka', 'Agnieszka Wróbel', undefined)).toBe('Wróbel, Agnieszka');
    expect(orderByEvidence('Wróbel Agnieszka', undefined, 'agnieszka.wrobel@x.pl')).toBe('Wróbel, Agnieszka');
    expect(orderByEvidence('Anna Nowak', 'Anna Nowak', 'anna.nowak@x.pl')).toBe('Anna Nowak');
    expect(orderByEvidence('Anna Nowak', undefined, undefined)).toBe('Anna Nowak');
  });
});

describe('emailNote', () => {
  it('has subject, date, link and the text up to the limit', () => {
    const msg = gmail('FMfcgzQXJWzsconversation');
    const note = emailNote({ ...msg, bodyText: 'x'.repeat(NOTE_TEXT_LIMIT + 50) });
    expect(note.subject).toBe('Email: Demo request for 40 seats');
    expect(note.notetext).toContain('Link: https://mail.google.com/mail/u/0/#all/18f2a1b2c3d4e5f6');
    expect(note.notetext).toContain('Date: 2026-11-23T');
    expect(note.notetext).toContain('From: Anna Nowak <anna.nowak@contoso-energy.com>');
    expect(note.notetext.endsWith('[…]')).toBe(true);
    expect(note.notetext.length).toBeLessThan(NOTE_TEXT_LIMIT + 400);
  });
});

describe('phones that are no one\'s in a signature (issue #14)', () => {
  const message = (signature: string): WebmailMessage => ({
    client: 'gmail',
    key: 'k1',
    sender: { name: 'Marcus Oyelaran', email: 'marcus.oyelaran@brightfield-tools.com' },
    to: [],
    cc: [],
    subject: 'Quote for the spring order',
    bodyText: `Hi,\n\nthe quote is attached; let me know what you think.\n\nBest regards,\nMarcus Oyelaran\nRegional Account Manager\nBrightfield Tools Inc.\n${signature}\n`,
    url: 'https://mail.google.com/mail/u/0/#inbox/k1',
  });

  it('a toll-free support line is not the sender\'s Business Phone; their direct line is', () => {
    const { values } = emailToLead(message('Support: 1-800-555-0199\nDirect: (614) 555-0148'), now);
    expect(values.telephone1).toBe('+1 614 555 0148');
    expect(values.mobilephone).toBeUndefined();
    expect(values.telephone3).toBe('+1 800 555 0199');
  });

  it('with only a toll-free line, Business Phone stays empty and the line is kept as Other Phone', () => {
    const { values } = emailToLead(message('Tel. 1-888-555-0134'), now);
    expect(values.telephone1).toBeUndefined();
    expect(values.telephone3).toBe('+1 888 555 0134');
  });

  it('a fax never fills a phone field, whichever side its label is on', () => {
    const { values } = emailToLead(message('(614) 555-0148 (office); (614) 555-0149 (fax)'), now);
    expect(values.telephone1).toBe('+1 614 555 0148');
    expect(values.fax).toBe('+1 614 555 0149');
    expect([values.mobilephone, values.telephone2, values.telephone3]).toEqual([undefined, undefined, undefined]);
  });
});
