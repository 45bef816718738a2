// Lead -> Dataverse: the JSON bodies for the lead and everything that hangs off it
// (dataverse.md §1–§3). Field names already are Dataverse logical names (lib/leads/schema.ts).
import { leadFieldNames, type LeadFieldName, type LeadFields, type LeadRecord, type Stakeholder, type TimelineItem } from '../leads/schema';
import { modelValue } from '../leads/model-value';
import type { NavNames } from './nav-names';
import type { BatchOperation } from './batch';

/** Columns sent on every sync. Empty ones go as null so a value cleared in LeadClip is cleared in the CRM too. */
export function leadBody(lead: LeadRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of leadFieldNames) {
    const v = modelValue(name, lead[name]);
    body[name] = v === undefined || v === '' ? null : v;
  }
  // No rating yet is not "no rating": the CRM keeps its own default rather than a null (issue #16).
  if (body.leadqualitycode === null) delete body.leadqualitycode;
  const q = lead.qualify ?? {};
  // Only a record picked from the CRM has a GUID; a typed name alone cannot be bound.
  if (q.account?.mode === 'existing' && isGuid(q.account.id)) body['parentaccountid@odata.bind'] = `/accounts(${q.account.id})`;
  if (q.contact?.mode === 'existing' && isGuid(q.contact.id)) body['parentcontactid@odata.bind'] = `/contacts(${q.contact.id})`;
  // Issue #17: no owner = the signed-in rep owns it (Dataverse's default for the caller).
  if (lead.owner && isGuid(lead.owner.id)) body['ownerid@odata.bind'] = `/${lead.owner.entity === 'team' ? 'teams' : 'systemusers'}(${lead.owner.id})`;
  // The org's own columns (custom ones included), as the rep filled them in.
  for (const [name, value] of Object.entries(lead.custom ?? {})) if (!(name in body)) body[name] = value === '' ? null : value;
  // statecode cannot be set on create; an open lead's status reason (New / Contacted) can.
  if (lead.statecode === 0) body.statuscode = lead.statuscode;
  return body;
}

export const leadPath = (id: string) => `leads(${id})`;

export const isGuid = (v: string | undefined): v is string => !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export function timelineOperation(item: TimelineItem, leadId: string, nav: NavNames): BatchOperation {
  const regarding = `/leads(${leadId})`;
  switch (item.kind) {
    case 'note':
      return {
        method: 'PATCH',
        path: `annotations(${item.id})`,
        body: { subject: item.subject ?? null, notetext: item.notetext, [`${nav.annotationLead}@odata.bind`]: regarding },
      };
    case 'phonecall':
      // The parties go separately (phonecallPartiesOperation): deep insert works on create only.
      return {
        method: 'PATCH',
        path: `phonecalls(${item.id})`,
        body: {
          subject: item.subject,
          phonenumber: item.phonenumber ?? null,
          directioncode: item.directioncode,
          actualdurationminutes: item.actualdurationminutes ?? null,
          description: item.description ?? null,
          [`${nav.phonecallLead}@odata.bind`]: regarding,
        },
      };
    case 'task':
      return {
        method: 'PATCH',
        path: `tasks(${item.id})`,
        body: {
          subject: item.subject,
          description: item.description ?? null,
          scheduledend: item.scheduledend ? new Date(item.scheduledend).toISOString() : null,
          [`${nav.taskLead}@odata.bind`]: regarding,
        },
      };
  }
}

/**
 * A phone call's From and To. Dataverse takes `phonecall_activity_parties` inline only when the
 * call is created; for a call that exists (a second sync, an edit) the documented way is a PUT of
 * the whole collection, which replaces it (associate-disassociate-entities-using-web-api.md,
 * "Associate table rows on update using collection-valued navigation property", issue #17).
 * A PUT after the upsert serves both cases, so the call's parties are always the current ones.
 */
export function phonecallPartiesOperation(item: Extract<TimelineItem, { kind: 'phonecall' }>, leadId: string, nav: NavNames, userId: string | undefined): BatchOperation {
  // Outgoing: the rep calls the lead; incoming: the lead calls the rep.
  const rep = userId ? { [`${nav.partySystemUser}@odata.bind`]: `/systemusers(${userId})` } : undefined;
  const leadParty = { [`${nav.partyLead}@odata.bind`]: `/leads(${leadId})` };
  const from = item.directioncode ? rep : leadParty;
  const to = item.directioncode ? leadParty : rep;
  const value = [from && { ...from, participationtypemask: 1 }, to && { ...to, participationtypemask: 2 }].filter(Boolean);
  return { method: 'PUT', path: `phonecalls(${item.id})/phonecall_activity_parties`, body: { value } };
}

/** A stakeholder's contact when it is not in the CRM yet: first and last name from the full name. */
export function stakeholderContactBody(s: Stakeholder): Record<string, unknown> {
  const parts = s.fullname.trim().split(/\s+/);
  const lastname = parts.length > 1 ? parts.pop()! : parts[0];
  return {
    firstname: parts.length ? parts.join(' ').slice(0, 50) : null,
    lastname: lastname.slice(0, 50),
    emailaddress1: s.emailaddress1 ?? null,
    jobtitle: s.jobtitle ?? null,
  };
}

export function connectionOperation(s: Stakeholder, leadId: string, contactId: string, roleId: string | undefined, nav: NavNames): BatchOperation {
  return {
    method: 'PATCH',
    path: `connections(${s.id})`,
    body: {
      [`${nav.connectionRecord1Lead}@odata.bind`]: `/leads(${leadId})`,
      [`${nav.connectionRecord2Contact}@odata.bind`]: `/contacts(${contactId})`,
      ...(roleId ? { [`${nav.connectionRecord2Role}@odata.bind`]: `/connectionroles(${roleId})` } : {}),
    },
  };
}

/** A stable contact id per stakeholder, so a retried sync finds the contact it created before. */
export function stakeholderContactId(stakeholderId: string): Promise<string> {
  return derivedGuid(`leadclip:contact:${stakeholderId}`);
}

/** A GUID that is always the same for `seed`: a retried upsert addresses the record it made before. */
export async function derivedGuid(seed: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(seed))).slice(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8: custom
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A CRM row back as lead fields (the CRM side of a conflict). */
export function rowToLeadFields(row: Record<string, unknown>): Partial<LeadFields> {
  const out: Partial<Record<LeadFieldName, unknown>> = {};
  for (const name of leadFieldNames) {
    const v = modelValue(name, row[name]); // the CRM is outside input too (issue #18)
    if (v !== null && v !== undefined) out[name] = v;
  }
  return out as Partial<LeadFields>;
}

export const leadSelect = ['leadid', ...leadFieldNames, 'statecode', 'statuscode', 'modifiedon'].join(',');
