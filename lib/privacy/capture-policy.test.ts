import { describe, expect, it } from 'vitest';
import { refusalFor, type PolicyInput } from './capture-policy';
import { privacySettings, type PrivacySettingsInput } from './settings';

const at = '2026-11-27T10:00:00.000Z';
function check(lead: PolicyInput['lead'], s: PrivacySettingsInput = {}, confirmFreeMail = false) {
  return refusalFor({ lead, settings: privacySettings.parse(s), confirmFreeMail });
}
const page = (sourceUrl: string) => ({ origin: 'page' as const, sourceUrl, capturedAt: at, fields: {} });
const mail = { origin: 'email' as const, capturedAt: at, fields: {} };

describe('never-capture domains', () => {
  it('refuses a page on a listed domain or its subdomain, naming the host', () => {
    expect(check({ provenance: page('https://team.intranet.example/people/anna') }, { neverDomains: ['intranet.example'] }))
      .toEqual({ code: 'never_domain', subject: 'team.intranet.example' });
  });
  it('refuses an email address on a listed domain, whatever the page', () => {
    expect(check({ emailaddress2: 'Anna@Partner.example', provenance: page('https://news.example') }, { neverDomains: ['partner.example'] }))
      .toEqual({ code: 'never_domain', subject: 'anna@partner.example' });
  });
  it('lets other domains through, including look-alikes', () => {
    expect(check({ emailaddress1: 'a@notpartner.example', provenance: page('https://partner.example.evil.com') }, { neverDomains: ['partner.example'] })).toBeUndefined();
  });
  it('applies to leads typed by hand too (never turned into leads)', () => {
    expect(check({ emailaddress1: 'x@partner.example' }, { neverDomains: ['partner.example'] })?.code).toBe('never_domain');
  });
});

describe('never-capture addresses', () => {
  it('refuses a listed address in any of the three email fields, case-insensitively', () => {
    expect(check({ emailaddress3: 'CEO@Client.example' }, { neverEmails: ['ceo@client.example'] })).toEqual({ code: 'never_email', subject: 'ceo@client.example' });
    expect(check({ emailaddress1: 'cto@client.example' }, { neverEmails: ['ceo@client.example'] })).toBeUndefined();
  });
});

describe("the rep's own company", () => {
  it('derives the domain from the rep identity and refuses colleagues', () => {
    expect(check({ emailaddress1: 'kolega@firma.pl', provenance: mail }, { repIdentity: 'jan@firma.pl' })).toEqual({ code: 'own_domain', subject: 'kolega@firma.pl' });
    expect(check({ provenance: page('https://www.firma.pl/zespol') }, { repIdentity: 'jan@firma.pl' })?.code).toBe('own_domain');
  });
  it('prefers the domain set explicitly', () => {
    expect(check({ emailaddress1: 'kolega@firma.pl' }, { repIdentity: 'jan@firma.pl', ownDomain: 'grupa.pl' })).toBeUndefined();
    expect(check({ emailaddress1: 'kolega@grupa.pl' }, { repIdentity: 'jan@firma.pl', ownDomain: 'grupa.pl' })?.code).toBe('own_domain');
  });
  it('never derives a free-mail domain as the company', () => {
    expect(check({ emailaddress1: 'someone@gmail.com' }, { repIdentity: 'jan@gmail.com' })).toBeUndefined();
  });
});

describe('free-mail senders', () => {
  it('need the rep to confirm when found in mail or on a page', () => {
    expect(check({ emailaddress1: 'anna.nowak@wp.pl', provenance: mail })).toEqual({ code: 'free_mail_unconfirmed', subject: 'anna.nowak@wp.pl' });
    expect(check({ emailaddress1: 'anna.nowak@gmail.com', provenance: page('https://conf.example') })?.code).toBe('free_mail_unconfirmed');
    expect(check({ emailaddress1: 'anna.nowak@wp.pl', provenance: mail }, {}, true)).toBeUndefined();
  });
  it('are not questioned when the rep typed the lead in or imported a file', () => {
    expect(check({ emailaddress1: 'anna.nowak@wp.pl' })).toBeUndefined();
    expect(check({ emailaddress1: 'anna.nowak@wp.pl', provenance: { origin: 'import', capturedAt: at, fields: {} } })).toBeUndefined();
  });
  it('confirmation does not override a never-capture rule', () => {
    expect(check({ emailaddress1: 'x@gmail.com', provenance: mail }, { neverEmails: ['x@gmail.com'] }, true)?.code).toBe('never_email');
  });
});
