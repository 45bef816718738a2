// Issue #18, finding 6: an address on a never-capture domain is refused on every save path,
// whatever shape it comes in ("John <john@acme.com>", "john@acme.com;", mailto:, upper case...).
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbForTests } from '../store/open';
import { listLeads } from '../store/lead-repo';
import { PrivacyRefusedError } from './capture-policy';
import { leadsOfPerson } from './person-leads';
import { guardBatch, guardImport, guardLead, saveLeadWithPrivacy } from './save-gate';
import { privacyHandlers } from './handlers';
import { setPrivacySettings } from './settings';

/** These handlers never reach the CRM here. */
const noCrm = () => Promise.reject(new Error('no CRM in this test'));

const translate = (key: string, subs?: string | string[]) => `${key}(${[subs].flat().join(',')})`;

/** The ways a page, a file or a rep writes one address (`a` is the bare address). */
const shapes: ((a: string, name: string) => string)[] = [
  (a) => a,
  (a, name) => `${name} <${a}>`,
  (a, name) => `"${name}, Jr." <${a}>`,
  (a) => `<${a}>`,
  (a) => `${a};`,
  (a) => `;${a}`,
  (a) => ` ${a} , `,
  (a) => `${a}.`,
  (a) => `mailto:${a}`,
  (a) => `MAILTO:${a.toUpperCase()}?subject=Hi`,
  (a) => `mailto:${a.replace('@', '%40')}`,
  (a) => a.toUpperCase(),
  (a) => `${a} (work)`,
  (a) => `\u202E${a}\u200B`,
  (a) => a.replace('@', '\u200B@\u200B'),
  (a) => a.replace('@', '\uFF20'), // full-width @
  (a) => `ok@ok.example, ${a}`,
  (a) => `ok@ok.example ${a}`,
];

/** Every save path the background has, each answering whether the lead was refused. */
const paths: Record<string, (lead: Record<string, unknown>) => Promise<boolean>> = {
  'leads/save': (lead) => guardLead(lead, { translate }).then(() => false, (e) => e instanceof PrivacyRefusedError),
  'leads/save-batch': async (lead) => !(await guardBatch([lead], { translate }))[0].ok,
  'import/stage': (lead) => guardImport([lead], [], { translate }).then(() => false, (e) => e instanceof PrivacyRefusedError),
  'privacy/check': async (lead) =>
    !!(await privacyHandlers(noCrm)['privacy/check']({ emails: [String(lead.emailaddress1 ?? ''), String(lead.emailaddress2 ?? '')], origin: 'manual' })).refusal,
};

describe('never-capture: every shape of an address, every save path (issue #18)', () => {
  beforeEach(async () => {
    resetDbForTests();
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key); // privacy/check words its refusal
    await setPrivacySettings({ neverDomains: ['acme.com', 'xn--w-uga1v8h.pl'] /* żółw.pl */, neverEmails: ['ceo@klient.example'] });
  });

  it.each(Object.keys(paths))('%s refuses each shape of a never-capture domain address', async (path) => {
    for (const shape of shapes) {
      for (const address of ['john@acme.com', 'anna@mail.acme.com', 'jan@żółw.pl', 'jan@xn--w-uga1v8h.pl', 'ceo@klient.example']) {
        const value = shape(address, 'John Doe');
        const refused = await paths[path]({ subject: 'S', lastname: 'Doe', emailaddress2: value });
        expect(refused, `${path}: ${JSON.stringify(value)}`).toBe(true);
      }
    }
    expect(await listLeads()).toEqual([]);
  });

  it('holds for generated addresses, display names and decorations', async () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/);
    const name = fc.stringMatching(/^[A-Za-zĄąŁłŻż ]{0,16}$/);
    await fc.assert(
      fc.asyncProperty(local, name, fc.constantFrom(...shapes), fc.constantFrom(...Object.keys(paths)), fc.constantFrom('', 'eu.'), async (l, n, shape, path, sub) => {
        const value = shape(`${l}@${sub}acme.com`, n.trim() || 'X');
        expect(await paths[path]({ subject: 'S', lastname: 'Doe', emailaddress1: value }), `${path}: ${JSON.stringify(value)}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('lets the same shapes through for an allowed domain, storing the bare address', async () => {
    for (const shape of shapes.filter((s) => !s('x@y.example', 'N').includes('ok@ok.example'))) {
      const saved = await saveLeadWithPrivacy({ subject: 'S', lastname: 'Doe', emailaddress1: shape('Anna.Nowak@Partner.example', 'Anna Nowak') }, { translate });
      expect(saved.emailaddress1).toBe('anna.nowak@partner.example');
    }
  });

  it('refuses two addresses in one field with a field error, storing nothing', async () => {
    await expect(saveLeadWithPrivacy({ subject: 'S', lastname: 'Doe', emailaddress1: 'a@partner.example; b@partner.example' }, { translate }))
      .rejects.toThrow(/^Email: Enter one email address per field/); // in words, not "email_multiple → at emailaddress1" (#16)
    expect(await listLeads()).toEqual([]);
  });
});

describe('finding a person (issue #18)', () => {
  it('finds a lead stored before the fix under a display-name address, asked in any shape', () => {
    const lead = { emailaddress1: 'Anna Nowak <Anna@Partner.example>;' } as Parameters<typeof leadsOfPerson>[0][number];
    expect(leadsOfPerson([lead], 'anna@partner.example')).toEqual([lead]);
    expect(leadsOfPerson([lead], 'mailto:ANNA@partner.example')).toEqual([lead]);
    expect(leadsOfPerson([lead], 'other@partner.example')).toEqual([]);
  });
});

describe('stakeholders (issue #18)', () => {
  beforeEach(async () => {
    resetDbForTests();
    fakeBrowser.reset();
    await setPrivacySettings({ neverDomains: ['acme.com'] });
  });

  it('a stakeholder on a never-capture domain is refused as the lead would be, in any shape', async () => {
    const stakeholder = (emailaddress1: string) => ({ id: '1f8fad5b-d9cb-469f-a165-70867728950e', fullname: 'John Doe', emailaddress1 });
    for (const value of ['john@acme.com', 'John <JOHN@acme.com>;']) {
      await expect(saveLeadWithPrivacy({ subject: 'S', lastname: 'Nowak', stakeholders: [stakeholder(value)] }, { translate })).rejects.toThrow('privacy_refused_never_domain(john@acme.com)');
      await expect(guardLead({ subject: 'S', lastname: 'Nowak', stakeholders: [stakeholder(value)] }, { translate })).rejects.toBeInstanceOf(PrivacyRefusedError);
    }
    expect(await listLeads()).toEqual([]);
    const saved = await saveLeadWithPrivacy({ subject: 'S', lastname: 'Nowak', stakeholders: [stakeholder('Anna <anna@partner.example>')] }, { translate });
    expect(saved.stakeholders[0].emailaddress1).toBe('anna@partner.example');
  });
});
