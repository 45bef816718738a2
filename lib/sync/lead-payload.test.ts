// Issue #18, finding 7: the CRM receives only values the lead model accepts today, also from a
// lead stored before the model refused them.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbForTests } from '../store/open';
import { saveLead } from '../store/lead-repo';
import { leadRecord, type LeadRecord } from '../leads/schema';
import { leadBody, rowToLeadFields } from './lead-payload';

const legacy = (over: Record<string, unknown>): LeadRecord => ({
  ...leadRecord.parse({
    id: '0f8fad5b-d9cb-469f-a165-70867728950e', subject: 'Demo', lastname: 'Kowalski', statecode: 0, statuscode: 1,
    provenance: { origin: 'manual', capturedAt: '2026-11-27T10:00:00.000Z', fields: {} },
    timeline: [], stakeholders: [], qualify: {}, sync: { state: 'ready' },
    createdAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z',
  }),
  ...over,
});

describe('leadBody', () => {
  beforeEach(() => {
    resetDbForTests();
    fakeBrowser.reset();
  });

  it('sends the cleaned values of a lead saved through the pipeline', async () => {
    const lead = await saveLead({
      subject: 'Demo', firstname: 'Jan\u202E', lastname: '\u200BKowalski', companyname: 'ACME\u0000', websiteurl: 'acme.pl',
      emailaddress1: 'Jan Kowalski <JAN@ACME.PL>;', description: 'Linia 1\u2066\nLinia 2',
    });
    expect(leadBody(lead)).toMatchObject({
      firstname: 'Jan', lastname: 'Kowalski', companyname: 'ACME', websiteurl: 'https://acme.pl',
      emailaddress1: 'jan@acme.pl', description: 'Linia 1\nLinia 2',
    });
  });

  it('sends no rating for an unrated lead, and the rating of a rated one (issue #16)', () => {
    expect(leadBody(legacy({}))).not.toHaveProperty('leadqualitycode');
    expect(leadBody(legacy({ leadqualitycode: 2 }))).toMatchObject({ leadqualitycode: 2 });
  });

  it('never sends a javascript: link or an invisible character stored before the fix', () => {
    const body = leadBody(legacy({ websiteurl: 'javascript:alert(1)', firstname: '\u202Eikswolwok', jobtitle: 'CEO\u200B', emailaddress2: '"Nowak, Anna" <anna@firma.pl>' }));
    expect(body).toMatchObject({ websiteurl: null, firstname: 'ikswolwok', jobtitle: 'CEO', emailaddress2: 'anna@firma.pl' });
    for (const v of Object.values(body)) if (typeof v === 'string') expect(v).not.toMatch(/[\u200B\u202A-\u202E\u2066-\u2069]|\p{Cc}/u);
  });
});

describe('rowToLeadFields', () => {
  it('takes a CRM row through the lead model before a conflict can keep it', () => {
    const fields = rowToLeadFields({ lastname: 'Nowak\u202E', websiteurl: 'javascript:alert(1)', emailaddress1: 'Anna <ANNA@firma.pl>', industrycode: 7, companyname: null });
    expect(fields).toEqual({ lastname: 'Nowak', emailaddress1: 'anna@firma.pl', industrycode: 7 });
  });
});
