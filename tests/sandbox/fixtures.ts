// Lead records as the store holds them, for sync tests and the bench.
import { leadRecord, type LeadRecord } from '../../lib/leads/schema';

export function makeLead(overrides: Record<string, unknown> = {}): LeadRecord {
  const at = new Date().toISOString();
  return leadRecord.parse({
    id: crypto.randomUUID(),
    subject: 'Met at the trade show',
    lastname: 'Kowalska',
    firstname: 'Maria',
    statecode: 0,
    statuscode: 1,
    provenance: { origin: 'manual', capturedAt: at, fields: {} },
    timeline: [],
    stakeholders: [],
    qualify: {},
    sync: { state: 'ready' },
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });
}

/** A lead with a note, a phone call, a task and a stakeholder. */
export function makeRichLead(overrides: Record<string, unknown> = {}): LeadRecord {
  const at = new Date().toISOString();
  return makeLead({
    companyname: 'Acme Sp. z o.o.',
    emailaddress1: `maria.${crypto.randomUUID().slice(0, 8)}@acme.example`,
    jobtitle: 'Head of Procurement',
    telephone1: '+48 22 123 45 67',
    leadsourcecode: 7,
    timeline: [
      { id: crypto.randomUUID(), createdAt: at, kind: 'note', subject: 'Booth talk', notetext: 'Wants 40 licences before Q2.' },
      { id: crypto.randomUUID(), createdAt: at, kind: 'phonecall', subject: 'Intro call', phonenumber: '+48 600 100 200', directioncode: true, actualdurationminutes: 15 },
      { id: crypto.randomUUID(), createdAt: at, kind: 'task', subject: 'Send the quote', scheduledend: '2026-12-04T09:00:00.000Z' },
    ],
    stakeholders: [{ id: crypto.randomUUID(), fullname: 'Piotr Zieliński', emailaddress1: `piotr.${crypto.randomUUID().slice(0, 8)}@acme.example`, jobtitle: 'CFO', role: 'Economic Buyer' }],
    ...overrides,
  });
}

/** The lead's columns the way the sandbox stores them (for "same field values" checks). */
export function expectedColumns(lead: LeadRecord): Record<string, unknown> {
  const cols = ['subject', 'lastname', 'firstname', 'companyname', 'emailaddress1', 'jobtitle', 'telephone1', 'leadsourcecode', 'description'] as const;
  return Object.fromEntries(cols.map((c) => [c, lead[c] ?? null]));
}
