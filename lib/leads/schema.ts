// The lead: zod schemas that are the single source of truth for types, the form, the store,
// import and sync. Field names are Dataverse logical names (shared/docs/dataverse.md §1).
import { z } from 'zod';
import {
  budgetStatus,
  industryCode,
  leadOptionSets,
  leadQualityCode,
  leadSourceCode,
  need,
  optionValues,
  preferredContactMethodCode,
  purchaseProcess,
  purchaseTimeframe,
  statusCodesByState,
  type OptionSet,
} from './option-sets';

/** Empty strings from forms and files mean "no value". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, { message: `max:${max}` }).optional());

export const requiredText = (max: number) =>
  z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(max, { message: `max:${max}` });

const choice = (set: OptionSet) => {
  const values = optionValues(set);
  return z.preprocess(
    (v) => (v === '' || v === null ? undefined : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
    z
      .number()
      .int()
      .refine((n) => values.includes(n), { message: 'option' })
      .optional(),
  );
};

const optionalNumber = (min: number, max: number, int = false) =>
  z.preprocess(
    (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.replace(',', '.')) : v),
    (int ? z.number().int() : z.number()).min(min, { message: `min:${min}` }).max(max, { message: `max:${max}` }).optional(),
  );

const flag = z.preprocess((v) => (v === 'true' || v === 'on' ? true : v === 'false' || v === '' ? false : v), z.boolean().default(false));

/** ISO date (YYYY-MM-DD), as Dataverse's DateOnly columns take it. */
const dateOnly = z.preprocess(blankToUndefined, z.iso.date({ message: 'date' }).optional());

/** The lead's own columns, exactly as Dataverse names and limits them. */
export const leadFieldsShape = {
  subject: requiredText(300),
  lastname: requiredText(50),
  firstname: optionalText(50),
  middlename: optionalText(50),
  salutation: optionalText(100),
  jobtitle: optionalText(100),
  companyname: optionalText(100),
  emailaddress1: optionalText(100),
  emailaddress2: optionalText(100),
  emailaddress3: optionalText(100),
  telephone1: optionalText(50),
  telephone2: optionalText(50),
  telephone3: optionalText(50),
  mobilephone: optionalText(20),
  fax: optionalText(50),
  websiteurl: optionalText(200),
  address1_line1: optionalText(250),
  address1_line2: optionalText(250),
  address1_line3: optionalText(250),
  address1_city: optionalText(80),
  address1_stateorprovince: optionalText(50),
  address1_postalcode: optionalText(20),
  address1_country: optionalText(80),
  description: optionalText(2000),
  industrycode: choice(industryCode),
  leadsourcecode: choice(leadSourceCode),
  leadqualitycode: choice(leadQualityCode),
  preferredcontactmethodcode: choice(preferredContactMethodCode),
  donotemail: flag,
  donotphone: flag,
  donotpostalmail: flag,
  donotbulkemail: flag,
  budgetamount: optionalNumber(0, 1e12),
  budgetstatus: choice(budgetStatus),
  purchasetimeframe: choice(purchaseTimeframe),
  purchaseprocess: choice(purchaseProcess),
  decisionmaker: flag,
  need: choice(need),
  numberofemployees: optionalNumber(0, 1_000_000, true),
  revenue: optionalNumber(0, 1e14),
  estimatedclosedate: dateOnly,
  qualificationcomments: optionalText(2000),
} as const;

export const leadFields = z.object(leadFieldsShape);
export type LeadFields = z.output<typeof leadFields>;
export type LeadFieldName = keyof typeof leadFieldsShape;
export const leadFieldNames = Object.keys(leadFieldsShape) as LeadFieldName[];

/** Max length of every text column, for `maxlength` attributes and truncation on import. */
export const leadTextLimits: Partial<Record<LeadFieldName, number>> = {
  subject: 300, lastname: 50, firstname: 50, middlename: 50, salutation: 100, jobtitle: 100,
  companyname: 100, emailaddress1: 100, emailaddress2: 100, emailaddress3: 100, telephone1: 50,
  telephone2: 50, telephone3: 50, mobilephone: 20, fax: 50, websiteurl: 200, address1_line1: 250,
  address1_line2: 250, address1_line3: 250, address1_city: 80, address1_stateorprovince: 50,
  address1_postalcode: 20, address1_country: 80, description: 2000, qualificationcomments: 2000,
};

export const leadChoiceFields = Object.keys(leadOptionSets) as (keyof typeof leadOptionSets)[];
export const leadFlagFields = ['donotemail', 'donotphone', 'donotpostalmail', 'donotbulkemail', 'decisionmaker'] as const;

// ---- What LeadClip adds around the Dataverse columns ----

/** How a prefilled value was found. */
export const captureMethod = z.enum([
  'manual', 'jsonld', 'microdata', 'rdfa', 'microformat', 'link', 'meta', 'text', 'selection',
  'signature', 'email', 'linkedin', 'import', 'account', 'contact',
]);
export type CaptureMethod = z.infer<typeof captureMethod>;

export const fieldProvenance = z.object({
  method: captureMethod,
  source: z.string().max(2048).optional(),
});

export const provenance = z.object({
  /** Where the lead came from: the page, the email or the file. */
  origin: z.enum(['manual', 'page', 'selection', 'email', 'import']).default('manual'),
  sourceUrl: z.string().max(2048).optional(),
  pageTitle: z.string().max(500).optional(),
  capturedAt: z.iso.datetime(),
  capturedBy: z.string().max(200).optional(),
  /** Per prefilled field: which method found it and where. */
  fields: z.record(z.string(), fieldProvenance).default({}),
});
export type Provenance = z.infer<typeof provenance>;

const timelineBase = {
  id: z.uuid(),
  createdAt: z.iso.datetime(),
};
export const noteItem = z.object({
  ...timelineBase,
  kind: z.literal('note'),
  subject: optionalText(500),
  notetext: requiredText(100_000),
});
export const phoneCallItem = z.object({
  ...timelineBase,
  kind: z.literal('phonecall'),
  subject: requiredText(200),
  phonenumber: optionalText(200),
  directioncode: z.boolean().default(true), // true = outgoing, as in Dataverse
  actualdurationminutes: optionalNumber(0, 2_147_483_647, true),
  description: optionalText(2000),
});
export const taskItem = z.object({
  ...timelineBase,
  kind: z.literal('task'),
  subject: requiredText(200),
  scheduledend: z.preprocess(blankToUndefined, z.string().optional()),
  description: optionalText(2000),
});
export const timelineItem = z.discriminatedUnion('kind', [noteItem, phoneCallItem, taskItem]);
export type TimelineItem = z.infer<typeof timelineItem>;

/** Stakeholder-category connection roles out of the box (dataverse.md §2). */
export const stakeholderRoles = ['Stakeholder', 'Champion', 'Decision Maker', 'End User', 'Economic Buyer', 'Influencer', 'Technical Buyer'] as const;

export const stakeholder = z.object({
  id: z.uuid(),
  /** Dataverse contactid when the contact exists in the CRM. */
  contactid: z.uuid().optional(),
  fullname: requiredText(160),
  emailaddress1: optionalText(100),
  jobtitle: optionalText(100),
  role: z.string().trim().min(1).max(100).default('Stakeholder'),
});
export type Stakeholder = z.infer<typeof stakeholder>;

/** A Qualify-step link: an existing record (by id) or one to create. */
export const qualifyLink = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('existing'), id: z.string().min(1).max(100), name: z.string().max(160) }),
  z.object({ mode: z.literal('new') }),
]);
export const qualifyLinks = z.object({
  account: qualifyLink.optional(),
  contact: qualifyLink.optional(),
});

/** Queue states (the outbox of issue #4). */
export const syncState = z.enum(['draft', 'ready', 'syncing', 'synced', 'failed', 'needs_attention']);
export type SyncState = z.infer<typeof syncState>;

export const syncInfo = z.object({
  state: syncState.default('ready'),
  lastAttemptAt: z.iso.datetime().optional(),
  nextRetryAt: z.iso.datetime().optional(),
  error: z.string().max(4000).optional(),
  syncedAt: z.iso.datetime().optional(),
  /** The CRM's ETag at the last sync, for If-Match. */
  etag: z.string().max(200).optional(),
});

const statecode = z.union([z.literal(0), z.literal(1), z.literal(2)]);

/** Everything a rep (or an import, or a capture) supplies when saving. */
export const leadDraft = leadFields.extend({
  /** Client-generated GUID: the future Dataverse leadid, so sync is idempotent. */
  id: z.uuid().optional(),
  statecode: statecode.default(0),
  statuscode: z.number().int().min(1).max(7).default(1),
  provenance: provenance.optional(),
  timeline: z.array(timelineItem).max(500).default([]),
  stakeholders: z.array(stakeholder).max(100).default([]),
  qualify: qualifyLinks.default({}),
}).refine((l) => (statusCodesByState[l.statecode] as readonly number[]).includes(l.statuscode), {
  message: 'status',
  path: ['statuscode'],
});
export type LeadDraftInput = z.input<typeof leadDraft>;
export type LeadDraft = z.output<typeof leadDraft>;

/** A lead as stored: a draft plus the fields the store owns. */
export const leadRecord = leadFields.extend({
  id: z.uuid(),
  statecode: statecode,
  statuscode: z.number().int().min(1).max(7),
  provenance: provenance,
  timeline: z.array(timelineItem),
  stakeholders: z.array(stakeholder),
  qualify: qualifyLinks,
  sync: syncInfo,
  /** E.164 forms of the phone fields (issue #4): the fields keep the rep's formatting for display. */
  phoneE164: z.object({
    telephone1: z.string().max(20).optional(),
    telephone2: z.string().max(20).optional(),
    telephone3: z.string().max(20).optional(),
    mobilephone: z.string().max(20).optional(),
    fax: z.string().max(20).optional(),
  }).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LeadRecord = z.output<typeof leadRecord>;

export function fullName(l: Pick<LeadFields, 'firstname' | 'middlename' | 'lastname'>): string {
  return [l.firstname, l.middlename, l.lastname].filter(Boolean).join(' ');
}
