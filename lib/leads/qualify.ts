// Qualify and Disqualify (issue #4), done locally and queued like any edit; the sync engine
// turns them into QualifyLead / a state change (shared/docs/dataverse.md §2).
import * as z from 'zod/mini';
import { qualifyLink, stakeholderRoles, fullName, type LeadRecord, type LeadFieldName, type Stakeholder } from './schema';

/** Fields an account brings: only empty ones on the lead take them. */
export const accountFields = ['companyname', 'websiteurl', 'telephone1', 'address1_line1', 'address1_line2', 'address1_line3', 'address1_city', 'address1_stateorprovince', 'address1_postalcode', 'address1_country'] as const;
/** Fields a contact brings (Dynamics fills name, job title, phones and email where empty). */
export const contactFields = ['firstname', 'lastname', 'jobtitle', 'emailaddress1', 'telephone1', 'mobilephone'] as const;

const text = z.optional(z.string().check(z.maxLength(250)));
const valuesOf = (fields: readonly string[]) => z.optional(z.object(Object.fromEntries(fields.map((f) => [f, text])) as Record<string, typeof text>));

export const qualifyRequest = z.object({
  id: z.uuid(),
  account: qualifyLink,
  contact: qualifyLink,
  /** What the picked account / contact holds, to fill the lead's empty fields. */
  accountValues: valuesOf(accountFields),
  contactValues: valuesOf(contactFields),
  /** The contact is the decision maker: link as a stakeholder. */
  contactIsDecisionMaker: z._default(z.boolean(), false),
  stakeholderRole: z._default(z.string().check(z.minLength(1), z.maxLength(100)), stakeholderRoles[0]),
  /** QualifyLead's CreateOpportunity (issue #17): the rep may qualify without one. */
  createOpportunity: z._default(z.boolean(), true),
});
export type QualifyRequest = z.output<typeof qualifyRequest>;

export const disqualifyRequest = z.object({
  id: z.uuid(),
  /** Dataverse status reasons of the Disqualified state: 4 Lost, 5 Cannot Contact, 6 No Longer Interested, 7 Canceled. */
  statuscode: z.union([z.literal(4), z.literal(5), z.literal(6), z.literal(7)]),
});

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** Copies `values` into the lead's empty fields only: what the rep entered always stays.
 * Returns the lead and the fields that were filled. */
export function fillEmpty<L extends Partial<Record<LeadFieldName, unknown>>>(lead: L, values: Partial<Record<string, string | undefined>> | undefined): { lead: L; filled: LeadFieldName[] } {
  const next: Record<string, unknown> = { ...lead };
  const filled: LeadFieldName[] = [];
  for (const [field, value] of Object.entries(values ?? {})) {
    if (isEmpty(value) || !isEmpty(next[field])) continue;
    next[field] = value;
    filled.push(field as LeadFieldName);
  }
  return { lead: next as L, filled };
}

/** The lead as qualified: links, fills, stakeholder, state. Pure; the caller saves it. */
export function qualifyLead(lead: LeadRecord, req: QualifyRequest): { lead: LeadRecord; filled: LeadFieldName[]; stakeholder?: Stakeholder } {
  const a = fillEmpty(lead, req.accountValues);
  const c = fillEmpty(a.lead, req.contactValues);
  let next: LeadRecord = { ...c.lead, qualify: { account: req.account, contact: req.contact, opportunity: req.createOpportunity }, statecode: 1, statuscode: 3 };
  let stakeholder: Stakeholder | undefined;
  if (req.contactIsDecisionMaker) {
    const v = req.contactValues ?? {};
    const name = (req.contact.mode === 'existing' ? req.contact.name : '') || fullName({ firstname: v.firstname ?? next.firstname, lastname: v.lastname ?? next.lastname });
    const contactid = req.contact.mode === 'existing' && z.uuid().safeParse(req.contact.id).success ? req.contact.id : undefined;
    const email = v.emailaddress1 ?? (req.contact.mode === 'new' ? next.emailaddress1 : undefined);
    const already = next.stakeholders.some((s) => (contactid && s.contactid === contactid) || (email && s.emailaddress1 === email) || s.fullname === name);
    if (name && !already) {
      stakeholder = { id: crypto.randomUUID(), contactid, fullname: name.slice(0, 160), emailaddress1: email, jobtitle: v.jobtitle ?? next.jobtitle, role: req.stakeholderRole };
      next = { ...next, stakeholders: [...next.stakeholders, stakeholder] };
    }
  }
  return { lead: next, filled: [...a.filled, ...c.filled], stakeholder };
}

export interface QualifyCandidate {
  /** `lead:<id>` for a local lead (the sync engine resolves it to the CRM record). */
  id: string;
  name: string;
  values: Record<string, string>;
}
