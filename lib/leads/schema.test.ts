import { describe, expect, it } from 'vitest';
import { leadOptionSets, optionValues, statusCodesByState } from './option-sets';
import { leadChoiceFields, leadDraft, leadFieldNames, leadFieldsShape, leadFlagFields, leadRecord, leadTextLimits } from './schema';

const minimal = { subject: 'Topic', lastname: 'Nowak' };

describe('lead schema', () => {
  it('covers every Dataverse lead column the issue lists', () => {
    expect([...leadFieldNames].sort()).toEqual([
      'address1_city', 'address1_country', 'address1_line1', 'address1_line2', 'address1_line3', 'address1_postalcode',
      'address1_stateorprovince', 'budgetamount', 'budgetstatus', 'companyname', 'decisionmaker', 'description',
      'donotbulkemail', 'donotemail', 'donotphone', 'donotpostalmail', 'emailaddress1', 'emailaddress2', 'emailaddress3',
      'estimatedclosedate', 'fax', 'firstname', 'industrycode', 'jobtitle', 'lastname', 'leadqualitycode', 'leadsourcecode',
      'middlename', 'mobilephone', 'need', 'numberofemployees', 'preferredcontactmethodcode', 'purchaseprocess',
      'purchasetimeframe', 'qualificationcomments', 'revenue', 'salutation', 'subject', 'telephone1', 'telephone2',
      'telephone3', 'websiteurl',
    ]);
  });

  it('has a schema for exactly the named columns, in their order (the popup shows the form by name before the schema loads)', () => {
    expect(Object.keys(leadFieldsShape)).toEqual(leadFieldNames);
  });

  it('requires Topic and Last Name only', () => {
    const r = leadDraft.safeParse({});
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['lastname', 'subject']);
    expect(leadDraft.safeParse(minimal).success).toBe(true);
    expect(leadDraft.safeParse({ subject: '   ', lastname: 'x' }).success).toBe(false);
  });

  // A web address is stored with its scheme, which counts towards the limit.
  const ofLength = (name: string, n: number) => (name === 'websiteurl' ? `https://${'x'.repeat(n - 8)}` : 'x'.repeat(n));
  it.each(Object.entries(leadTextLimits))('%s accepts %i characters and refuses one more', (name, max) => {
    const base = { ...minimal };
    expect(leadDraft.safeParse({ ...base, [name]: ofLength(name, max!) }).success).toBe(true);
    const r = leadDraft.safeParse({ ...base, [name]: ofLength(name, max! + 1) });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe(`max:${max}`);
  });

  it('matches Dataverse maximum lengths for the main columns', () => {
    expect(leadTextLimits).toMatchObject({ subject: 300, lastname: 50, firstname: 50, companyname: 100, emailaddress1: 100, telephone1: 50, mobilephone: 20, websiteurl: 200, address1_line1: 250, address1_city: 80, address1_postalcode: 20, description: 2000 });
  });

  it.each(leadChoiceFields)('%s takes only its option values, as numbers or numeric strings', (name) => {
    for (const v of optionValues(leadOptionSets[name])) {
      expect(leadDraft.parse({ ...minimal, [name]: v })[name]).toBe(v);
      expect(leadDraft.parse({ ...minimal, [name]: String(v) })[name]).toBe(v);
    }
    expect(leadDraft.safeParse({ ...minimal, [name]: 999 }).success).toBe(false);
    expect(leadDraft.parse({ ...minimal, [name]: '' })[name]).toBeUndefined();
  });

  it('has Dataverse default option values with English and Polish labels', () => {
    expect(optionValues(leadOptionSets.leadsourcecode)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(optionValues(leadOptionSets.leadqualitycode)).toEqual([1, 2, 3]);
    expect(optionValues(leadOptionSets.purchasetimeframe)).toEqual([0, 1, 2, 3, 4]);
    expect(optionValues(leadOptionSets.budgetstatus)).toEqual([0, 1, 2, 3]);
    expect(optionValues(leadOptionSets.industrycode)).toHaveLength(33);
    for (const set of Object.values(leadOptionSets)) for (const l of Object.values(set)) expect(l.en && l.pl).toBeTruthy();
  });

  it.each(leadFlagFields)('%s defaults to false and reads form values', (name) => {
    expect(leadDraft.parse(minimal)[name]).toBe(false);
    expect(leadDraft.parse({ ...minimal, [name]: 'on' })[name]).toBe(true);
    expect(leadDraft.parse({ ...minimal, [name]: true })[name]).toBe(true);
  });

  it('checks numbers and dates', () => {
    expect(leadDraft.parse({ ...minimal, budgetamount: '12 500,50' }).budgetamount).toBe(12500.5);
    expect(leadDraft.safeParse({ ...minimal, budgetamount: -1 }).success).toBe(false);
    expect(leadDraft.safeParse({ ...minimal, numberofemployees: 1.5 }).success).toBe(false);
    expect(leadDraft.safeParse({ ...minimal, numberofemployees: 1_000_001 }).success).toBe(false);
    expect(leadDraft.parse({ ...minimal, estimatedclosedate: '2027-01-31' }).estimatedclosedate).toBe('2027-01-31');
    expect(leadDraft.safeParse({ ...minimal, estimatedclosedate: '31.01.2027' }).success).toBe(false);
  });

  it('pairs status reasons with their state, as Dataverse does', () => {
    for (const [state, reasons] of Object.entries(statusCodesByState)) {
      for (const reason of reasons) expect(leadDraft.safeParse({ ...minimal, statecode: Number(state), statuscode: reason }).success).toBe(true);
    }
    expect(leadDraft.safeParse({ ...minimal, statecode: 1, statuscode: 1 }).success).toBe(false);
    expect(leadDraft.safeParse({ ...minimal, statecode: 2, statuscode: 3 }).success).toBe(false);
  });

  it('defaults a stakeholder role to Stakeholder and validates timeline items', () => {
    const d = leadDraft.parse({
      ...minimal,
      stakeholders: [{ id: crypto.randomUUID(), fullname: 'Jan Nowak' }],
      timeline: [{ id: crypto.randomUUID(), createdAt: new Date().toISOString(), kind: 'phonecall', subject: 'Intro call' }],
    });
    expect(d.stakeholders[0].role).toBe('Stakeholder');
    expect(d.timeline[0]).toMatchObject({ kind: 'phonecall', directioncode: true });
    expect(leadDraft.safeParse({ ...minimal, timeline: [{ id: crypto.randomUUID(), createdAt: new Date().toISOString(), kind: 'note', notetext: '' }] }).success).toBe(false);
  });

  it('a stored record needs the fields the store owns', () => {
    expect(leadRecord.safeParse(minimal).success).toBe(false);
  });
});
