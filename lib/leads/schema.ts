// The lead: zod schemas that are the single source of truth for types, the form, the store,
// import and sync. Field names are Dataverse logical names (shared/docs/dataverse.md §1).
// zod/mini keeps the popup and worker bundles small; it interoperates with classic `zod`.
import * as z from 'zod/mini';
import {
  isOrgChoiceValue,
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
import { readEmailField } from '../text/email-address';
import { isHttpUrl, safeWebUrl } from '../text/web-url';
import { visibleText } from '../text/visible-text';
import { leadFieldNames, leadFlagFields, leadTextLimits, type LeadFieldName } from './lead-columns';

export { leadFieldNames, leadFlagFields, leadTextLimits, type LeadFieldName };

/** Empty strings from forms and files mean "no value". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An optional column whose raw value is cleaned first (blank strings, numbers typed as text). */
const optionalPre = <T extends z.core.$ZodType>(fn: (v: unknown) => unknown, schema: T) =>
  z.optional(z.pipe(z.transform(fn), z.optional(schema)));

/** Every text value loses invisible characters here (issue #18): bidi overrides, zero-width
 * characters, NUL and other controls. Multi-line text (`lines`) keeps its tabs and line breaks. */
const visible = (lines: boolean) => (v: unknown) => (typeof v === 'string' ? visibleText(v, lines) : v);

export const optionalText = (max: number, lines = false) =>
  optionalPre((v) => blankToUndefined(visible(lines)(v)), z.string().check(z.trim(), z.maxLength(max, { message: `max:${max}` })));

export const requiredText = (max: number, lines = false) =>
  z.string({ message: 'required' }).check(
    z.overwrite((v) => visibleText(v, lines)),
    z.trim(),
    z.minLength(1, { message: 'required' }),
    z.maxLength(max, { message: `max:${max}` }),
  );

/** A short label (provenance, a picked record's name): invisible characters dropped, then limited. */
const label = (max: number) => z.string().check(z.overwrite((v) => visibleText(v)), z.maxLength(max));

/**
 * An email column holds one bare address ("John <john@acme.com>;" is stored as "john@acme.com"),
 * read by the same parser as the never-capture check (issue #18). Text without an "@" is kept as
 * typed (the pipeline reports it); an "@" with no readable address, or two addresses, is refused.
 */
const emailText = (max: number) =>
  z.optional(
    z.pipe(
      z.transform((v: unknown, ctx) => {
        const text = blankToUndefined(visible(false)(v));
        if (typeof text !== 'string') return text;
        const { addresses, hasAt } = readEmailField(text);
        if (!hasAt) return text;
        if (addresses.length === 1) return addresses[0];
        ctx.issues.push({ code: 'custom', message: addresses.length ? 'email_multiple' : 'email', input: v });
        return z.NEVER;
      }),
      z.optional(z.string().check(z.trim(), z.maxLength(max, { message: `max:${max}` }))),
    ),
  );

/** A web address: http(s) only, "https://" added to a bare domain; javascript:, data: and the like are refused. */
const webUrl = (max: number) =>
  z.optional(
    z.pipe(
      z.transform((v: unknown, ctx) => {
        const text = blankToUndefined(visible(false)(v));
        if (typeof text !== 'string') return text;
        const url = safeWebUrl(text);
        if (url) return url;
        ctx.issues.push({ code: 'custom', message: 'url', input: v });
        return z.NEVER;
      }),
      z.optional(z.string().check(z.maxLength(max, { message: `max:${max}` }))),
    ),
  );

const choice = (set: OptionSet) => {
  const values = optionValues(set);
  return optionalPre(
    (v) => (v === '' || v === null ? undefined : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
    // Built-in values, plus the ones the connected org added (its metadata, issue #6).
    z.int().check(z.refine((n) => values.includes(n) || isOrgChoiceValue(set, n), { message: 'option' })),
  );
};

const optionalNumber = (min: number, max: number, int = false) =>
  optionalPre(
    (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.replace(/\s/g, '').replace(',', '.')) : v),
    (int ? z.int() : z.number()).check(z.gte(min, { message: `min:${min}` }), z.lte(max, { message: `max:${max}` })),
  );

const flag = z._default(
  z.pipe(
    z.transform((v: unknown) => (v === 'true' || v === 'on' || v === 1 || v === '1' ? true : v === 'false' || v === '' || v === null || v === 0 || v === '0' ? false : v)),
    z.boolean(),
  ),
  false,
);

/** ISO date (YYYY-MM-DD), as Dataverse's DateOnly columns take it. */
const dateOnly = optionalPre(blankToUndefined, z.iso.date({ message: 'date' }));

/** The lead's own columns, exactly as Dataverse names and limits them. */
export const leadFieldsShape = {
  subject: requiredText(300),
  lastname: requiredText(50),
  firstname: optionalText(50),
  middlename: optionalText(50),
  salutation: optionalText(100),
  jobtitle: optionalText(100),
  companyname: optionalText(100),
  emailaddress1: emailText(100),
  emailaddress2: emailText(100),
  emailaddress3: emailText(100),
  telephone1: optionalText(50),
  telephone2: optionalText(50),
  telephone3: optionalText(50),
  mobilephone: optionalText(20),
  fax: optionalText(50),
  websiteurl: webUrl(200),
  address1_line1: optionalText(250),
  address1_line2: optionalText(250),
  address1_line3: optionalText(250),
  address1_city: optionalText(80),
  address1_stateorprovince: optionalText(50),
  address1_postalcode: optionalText(20),
  address1_country: optionalText(80),
  description: optionalText(2000, true),
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
  qualificationcomments: optionalText(2000, true),
} as const satisfies Record<LeadFieldName, z.core.$ZodType>; // exactly the columns of lead-columns.ts

export const leadFields = z.object(leadFieldsShape);
export type LeadFields = z.output<typeof leadFields>;
export const leadChoiceFields = Object.keys(leadOptionSets) as (keyof typeof leadOptionSets)[];

// ---- What LeadClip adds around the Dataverse columns ----

/** How a prefilled value was found. */
export const captureMethod = z.enum([
  'manual', 'jsonld', 'microdata', 'rdfa', 'microformat', 'link', 'meta', 'text', 'selection',
  'signature', 'email', 'linkedin', 'import', 'account', 'contact',
]);
export type CaptureMethod = z.infer<typeof captureMethod>;

export const fieldProvenance = z.object({
  method: captureMethod,
  source: z.optional(label(2048)),
});

/** Why the rep may hold this person's data (GDPR art. 6(1)): issue #8. */
export const lawfulBasis = z.enum(['legitimate_interest', 'consent', 'contract']);
export type LawfulBasis = z.infer<typeof lawfulBasis>;

const httpUrlOrNothing = (v: unknown) => {
  const text = typeof v === 'string' ? visibleText(v).trim() : '';
  return isHttpUrl(text) ? text : undefined;
};

export const provenance = z.object({
  /** Where the lead came from: the page, the email or the file. */
  origin: z._default(z.enum(['manual', 'page', 'selection', 'email', 'import']), 'manual'),
  /** Only an http(s) page is kept (issue #18): a file:, data: or javascript: address is dropped. */
  sourceUrl: z.optional(z.pipe(z.transform(httpUrlOrNothing), z.optional(z.string().check(z.maxLength(2048))))),
  pageTitle: z.optional(label(500)),
  capturedAt: z.iso.datetime(),
  capturedBy: z.optional(label(200)),
  /** Set by the background on save from the rep's default when missing (issue #8). */
  lawfulBasis: z.optional(lawfulBasis),
  /** Per prefilled field: which method found it and where. */
  fields: z._default(z.record(z.string(), fieldProvenance), {}),
  /** Issue #16: phones as the rep or the file wrote them, before the international form was stored. */
  asTyped: z.optional(z.record(z.string(), label(100))),
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
  notetext: requiredText(100_000, true),
});
export const phoneCallItem = z.object({
  ...timelineBase,
  kind: z.literal('phonecall'),
  subject: requiredText(200),
  phonenumber: optionalText(200),
  directioncode: z._default(z.boolean(), true), // true = outgoing, as in Dataverse
  actualdurationminutes: optionalNumber(0, 2_147_483_647, true),
  description: optionalText(2000, true),
});
export const taskItem = z.object({
  ...timelineBase,
  kind: z.literal('task'),
  subject: requiredText(200),
  scheduledend: optionalPre(blankToUndefined, z.string().check(z.maxLength(40))),
  description: optionalText(2000, true),
});
export const timelineItem = z.discriminatedUnion('kind', [noteItem, phoneCallItem, taskItem]);
export type TimelineItem = z.infer<typeof timelineItem>;

/** Stakeholder-category connection roles out of the box (dataverse.md §2). */
export const stakeholderRoles = ['Stakeholder', 'Champion', 'Decision Maker', 'End User', 'Economic Buyer', 'Influencer', 'Technical Buyer'] as const;

export const stakeholder = z.object({
  id: z.uuid(),
  /** Dataverse contactid when the contact exists in the CRM. */
  contactid: z.optional(z.uuid()),
  fullname: requiredText(160),
  emailaddress1: emailText(100),
  jobtitle: optionalText(100),
  role: z._default(z.string().check(z.overwrite((v) => visibleText(v)), z.trim(), z.minLength(1), z.maxLength(100)), 'Stakeholder'),
});
export type Stakeholder = z.infer<typeof stakeholder>;

/** A Qualify-step link: an existing record (by id) or one to create. */
export const qualifyLink = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('existing'), id: z.string().check(z.minLength(1), z.maxLength(100)), name: label(160) }),
  z.object({ mode: z.literal('new') }),
]);
export const qualifyLinks = z.object({
  account: z.optional(qualifyLink),
  contact: z.optional(qualifyLink),
  /** QualifyLead's CreateOpportunity: absent = yes, as Dynamics does by default (issue #17). */
  opportunity: z.optional(z.boolean()),
});

/** Issue #17: values for the org's own lead columns (custom ones included), by logical name. */
export const orgColumnValues = z.record(
  z.string().check(z.regex(/^[a-z][a-z0-9_]{0,99}$/)),
  z.nullable(z.union([z.string().check(z.maxLength(4000)), z.number(), z.boolean()])),
);
export type OrgColumnValues = z.infer<typeof orgColumnValues>;

/** Issue #17: who owns the lead in the CRM; absent = the signed-in rep (Dataverse's default). */
export const leadOwner = z.object({ entity: z.enum(['systemuser', 'team']), id: z.uuid(), name: label(200) });
export type LeadOwner = z.infer<typeof leadOwner>;

/** Queue states (the outbox of issue #4). */
export const syncState = z.enum(['draft', 'ready', 'syncing', 'synced', 'failed', 'needs_attention']);
export type SyncState = z.infer<typeof syncState>;

export const syncInfo = z.object({
  state: z._default(syncState, 'ready'),
  lastAttemptAt: z.optional(z.iso.datetime()),
  nextRetryAt: z.optional(z.iso.datetime()),
  error: z.optional(z.string().check(z.maxLength(4000))),
  syncedAt: z.optional(z.iso.datetime()),
  /** The CRM's ETag at the last sync, for If-Match. */
  etag: z.optional(z.string().check(z.maxLength(200))),
});

const statecode = z.union([z.literal(0), z.literal(1), z.literal(2)]);

/** Everything a rep (or an import, or a capture) supplies when saving. */
export const leadDraft = z.extend(leadFields, {
  /** Client-generated GUID: the future Dataverse leadid, so sync is idempotent. */
  id: z.optional(z.uuid()),
  statecode: z._default(statecode, 0),
  statuscode: z._default(z.int().check(z.gte(1), z.lte(7)), 1),
  provenance: z.optional(provenance),
  timeline: z._default(z.array(timelineItem).check(z.maxLength(500)), []),
  stakeholders: z._default(z.array(stakeholder).check(z.maxLength(100)), []),
  qualify: z._default(qualifyLinks, {}),
  custom: z.optional(orgColumnValues),
  owner: z.optional(leadOwner),
}).check(
  z.refine((l) => (statusCodesByState[l.statecode] as readonly number[]).includes(l.statuscode), {
    message: 'status',
    path: ['statuscode'],
  }),
);
export type LeadDraftInput = z.input<typeof leadDraft>;
export type LeadDraft = z.output<typeof leadDraft>;

/** A lead as stored: a draft plus the fields the store owns. */
export const leadRecord = z.extend(leadFields, {
  id: z.uuid(),
  statecode: statecode,
  statuscode: z.int().check(z.gte(1), z.lte(7)),
  provenance: provenance,
  timeline: z.array(timelineItem),
  stakeholders: z.array(stakeholder),
  qualify: qualifyLinks,
  custom: z.optional(orgColumnValues),
  owner: z.optional(leadOwner),
  sync: syncInfo,
  /** E.164 forms of the phone fields (issue #4): the fields keep the rep's formatting for display. */
  phoneE164: z.optional(z.object({
    telephone1: z.optional(z.string().check(z.maxLength(20))),
    telephone2: z.optional(z.string().check(z.maxLength(20))),
    telephone3: z.optional(z.string().check(z.maxLength(20))),
    mobilephone: z.optional(z.string().check(z.maxLength(20))),
    fax: z.optional(z.string().check(z.maxLength(20))),
  })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LeadRecord = z.output<typeof leadRecord>;

export function fullName(l: Pick<LeadFields, 'firstname' | 'middlename' | 'lastname'>): string {
  return [l.firstname, l.middlename, l.lastname].filter(Boolean).join(' ');
}
