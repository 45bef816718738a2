// The Dataverse Web API itself (/api/data/v9.2/…): CRUD with upsert and ETag conditions,
// validation with Dataverse's codes, duplicate detection, QualifyLead, WhoAmI and metadata.
// One request at a time; $batch (server.ts) calls `execute` for each part.
import { randomUUID } from 'node:crypto';
import { DataverseError, codes, notFound, type SandboxResponse } from './errors';
import { tables, type AttrDef, type TableDef } from './metadata';
import { parseFilter, selectColumns } from './odata-query';
import { etagOf, type Row, type Store } from './store';
import type { OptionSet } from '../../lib/leads/option-sets';
import { attributeDefinitions, attributesOf, ownerLogicalName, ownerTarget, recordQualifyCall, type CustomColumns } from './org-extensions';
import { RETRIEVE_USER_PRIVILEGES, retrieveUserPrivileges } from './privileges';

export interface ApiOptions {
  /** Dataverse's duplicate error comes back as 500 in Microsoft's example and 412 in its status table. */
  duplicateStatus: 412 | 500;
  /** Reject creates without the table's required columns. */
  enforceRequired: boolean;
  /** The signed-in user holds a licence / a security role / the create privilege on leads. */
  userLicensed: boolean;
  userHasRole: boolean;
  canCreateLeads: boolean;
  /** Columns this org made required besides the defaults (the import doc lists companyname for leads). */
  requiredColumns: Record<string, string[]>;
  /** Org-specific choice values added to the out-of-the-box ones: column -> value -> labels. */
  customOptions: Record<string, Record<number, { en: string; pl: string }>>;
  /** Issue #17: columns this org added (entity set -> column), e.g. a required new_region choice. */
  customColumns?: CustomColumns;
}

export interface ApiRequest {
  method: string;
  /** Path below the service root, e.g. "leads(…)" or "EntityDefinitions(…)/Attributes". */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

export interface ApiContext {
  store: Store;
  options: ApiOptions;
  serviceRoot: string;
  userId: string;
  businessUnitId: string;
  organizationId: string;
  /** Content-ID -> entity path created earlier in the same change set. */
  refs?: Map<string, string>;
  now: () => number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const jsonHeaders = { 'content-type': 'application/json; odata.metadata=minimal', 'odata-version': '4.0' };

export function execute(req: ApiRequest, ctx: ApiContext): SandboxResponse {
  checkUser(ctx);
  let path = req.path.replace(/^\/+/, '');
  // A change set can address a record created earlier in it as $<Content-ID>.
  const ref = /^\$([\w-]+)(.*)$/.exec(path);
  if (ref) {
    const target = ctx.refs?.get(ref[1]);
    if (!target) throw new DataverseError(400, codes.invalidProperty, `Content-ID reference '$${ref[1]}' was not found in this change set.`);
    path = target + ref[2];
  }

  if (/^WhoAmI(\(\))?$/.test(path) && req.method === 'GET') {
    return json(200, {
      '@odata.context': `${ctx.serviceRoot}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
      BusinessUnitId: ctx.businessUnitId, UserId: ctx.userId, OrganizationId: ctx.organizationId,
    });
  }
  if (path.startsWith('EntityDefinitions')) return entityDefinitions(path, req, ctx);
  const privileges = RETRIEVE_USER_PRIVILEGES.exec(path);
  if (privileges && req.method === 'GET') return retrieveUserPrivileges(guid(privileges[1]), ctx);

  const action = /^leads\(([^)]+)\)\/Microsoft\.Dynamics\.CRM\.QualifyLead$/.exec(path);
  if (action && req.method === 'POST') return qualifyLead(guid(action[1]), parseBody(req.body), req, ctx);

  // The documented way to change an existing activity's parties: PUT the whole collection
  // (associate-disassociate-entities-using-web-api.md, "on update using collection-valued navigation property").
  const partyList = /^phonecalls\(([^)]+)\)\/phonecall_activity_parties$/.exec(path);
  if (partyList && req.method === 'PUT') return replaceParties(guid(partyList[1]), parseBody(req.body), ctx);

  const m = /^(\w+)(?:\(([^)]*)\))?$/.exec(path);
  const table = m ? tables[m[1]] : undefined;
  if (!m || !table) throw new DataverseError(404, codes.invalidProperty, `Resource not found for the segment '${path.split(/[(/]/)[0]}'.`);
  const key = m[2] === undefined ? undefined : keyOf(m[2], table);

  if (key === undefined) {
    if (req.method === 'GET') return query(table, req, ctx);
    if (req.method === 'POST') {
      const body = parseBody(req.body);
      const id = typeof body[table.key] === 'string' ? guid(body[table.key] as string) : randomUUID();
      return write(table, id, body, 'create', req, ctx);
    }
  } else {
    if (req.method === 'GET') return readOne(table, key, req, ctx);
    if (req.method === 'PATCH') return write(table, key, parseBody(req.body), 'upsert', req, ctx);
    if (req.method === 'DELETE') {
      if (!ctx.store.get(table.entitySet, key)) throw notFound(table.logicalName, key);
      ctx.store.delete(table.entitySet, key);
      return { status: 204, headers: { 'odata-version': '4.0' } };
    }
  }
  throw new DataverseError(405, codes.invalidArgument, `The HTTP method '${req.method}' is not allowed here.`);
}

function checkUser(ctx: ApiContext) {
  if (!ctx.options.userLicensed) {
    throw new DataverseError(403, codes.userNotInOrg, 'The user is not a member of the organization.');
  }
  if (!ctx.options.userHasRole) {
    throw new DataverseError(403, codes.userNoRoles, `The user with id ${ctx.userId} has not been assigned any roles. They need a role with the prvReadOrganization privilege.`);
  }
}

function keyOf(raw: string, table: TableDef): string {
  const named = new RegExp(`^${table.key}=(.+)$`).exec(raw);
  const value = named ? named[1] : raw;
  if (GUID.test(value)) return value.toLowerCase();
  if (/^\w+=/.test(value)) {
    throw new DataverseError(400, codes.invalidProperty, `The key used to access ${table.logicalName} is not an alternate key defined on the table: ${value}`);
  }
  throw new DataverseError(400, codes.invalidProperty, `Unrecognized 'Edm.Guid' literal '${value}'.`);
}

function guid(v: string): string {
  if (!GUID.test(v)) throw new DataverseError(400, codes.invalidProperty, `Unrecognized 'Edm.Guid' literal '${v}'.`);
  return v.toLowerCase();
}

function parseBody(body: string): Row {
  if (!body.trim()) return {};
  try {
    const v = JSON.parse(body) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Row;
  } catch {
    /* fall through */
  }
  throw new DataverseError(400, codes.invalidProperty, 'The request body is not valid JSON for an entity.');
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  headers: { ...jsonHeaders, ...headers },
  body: JSON.stringify(body),
});

const prefers = (req: ApiRequest, what: string) => (req.headers['prefer'] ?? '').split(',').some((p) => p.trim().startsWith(what));

function optionSetOf(attr: string, def: AttrDef, ctx: ApiContext): OptionSet | undefined {
  if (!def.options && def.type !== 'Picklist') return undefined;
  return { ...(def.options ?? {}), ...(ctx.options.customOptions[attr] ?? {}) };
}

/** Resolves an @odata.bind value ("/leads(id)", "leads(id)", an absolute URL or "$1"). */
function resolveBind(value: unknown, targetSet: string, nav: string, ctx: ApiContext): string {
  if (value === null) return '';
  if (typeof value !== 'string') throw new DataverseError(400, codes.invalidProperty, `The value of '${nav}@odata.bind' must be a URL string.`);
  let path = value.replace(ctx.serviceRoot, '').replace(/^https?:\/\/[^/]+\/api\/data\/v9\.\d\//, '').replace(/^\/+/, '');
  const ref = /^\$([\w-]+)$/.exec(path);
  if (ref) {
    const target = ctx.refs?.get(ref[1]);
    if (!target) throw new DataverseError(400, codes.invalidProperty, `Content-ID reference '$${ref[1]}' was not found in this change set.`);
    path = target;
  }
  const m = /^(\w+)\(([^)]+)\)$/.exec(path);
  if (!m) throw new DataverseError(400, codes.invalidProperty, `The URL '${value}' in '${nav}@odata.bind' is not a valid entity reference.`);
  if (m[1] !== targetSet) {
    throw new DataverseError(400, codes.invalidProperty, `The navigation property '${nav}' expects a '${tables[targetSet]?.logicalName}' reference, not '${m[1]}'.`);
  }
  const target = tables[targetSet];
  const id = guid(m[2]);
  if (!ctx.store.get(targetSet, id)) throw notFound(target.logicalName, id);
  return id;
}

function validateValue(table: TableDef, attr: string, def: AttrDef, value: unknown, ctx: ApiContext): void {
  if (value === null) return;
  const bad = (edm: string) => new DataverseError(400, codes.invalidProperty, `Cannot convert the literal '${String(value)}' to the expected type '${edm}'.`);
  switch (def.type) {
    case 'String':
    case 'Memo':
      if (typeof value !== 'string') throw bad('Edm.String');
      if (def.max !== undefined && value.length > def.max) {
        throw new DataverseError(400, codes.maxLength, `A validation error occurred. The length of the '${attr}' attribute of the '${table.logicalName}' entity exceeded the maximum allowed length of '${def.max}'.`);
      }
      return;
    case 'Boolean':
      if (typeof value !== 'boolean') throw bad('Edm.Boolean');
      return;
    case 'Integer':
    case 'Money':
    case 'Double':
      if (typeof value !== 'number' || !Number.isFinite(value) || (def.type === 'Integer' && !Number.isInteger(value))) throw bad(def.type === 'Integer' ? 'Edm.Int32' : 'Edm.Decimal');
      if ((def.min !== undefined && value < def.min) || (def.max !== undefined && value > def.max)) {
        throw new DataverseError(400, codes.invalidArgument, `A validation error occurred. The value of '${attr}' on record of type '${table.logicalName}' is outside the valid range (${def.min} to ${def.max}).`);
      }
      return;
    case 'Picklist':
    case 'State':
    case 'Status': {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw bad('Edm.Int32');
      const set = optionSetOf(attr, def, ctx);
      if (set && Object.keys(set).length && !(value in set)) {
        throw new DataverseError(400, codes.picklistOutOfRange, `A validation error occurred. The value ${value} of '${attr}' on record of type '${table.logicalName}' is outside the valid range. Accepted Values: ${Object.keys(set).join(',')}`);
      }
      return;
    }
    case 'DateOnly':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw bad('Edm.Date');
      return;
    case 'DateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw bad('Edm.DateTimeOffset');
      return;
    default:
      return;
  }
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function duplicateCheck(table: TableDef, id: string, row: Row, req: ApiRequest, ctx: ApiContext) {
  if ((req.headers['mscrm.suppressduplicatedetection'] ?? '').toLowerCase() !== 'false') return;
  const rule: Record<string, string> = { leads: 'emailaddress1', contacts: 'emailaddress1', accounts: 'name' };
  const column = rule[table.entitySet];
  const value = column ? row[column] : undefined;
  if (typeof value !== 'string' || !value.trim()) return;
  const clash = ctx.store.lookup(table.entitySet, column, value).map((other) => ctx.store.get(table.entitySet, other)!)
    .find((r) => r[table.key] !== id && r.statecode !== 2);
  if (clash) {
    throw new DataverseError(ctx.options.duplicateStatus, codes.duplicateDetected, 'A record was not created or updated because a duplicate of the current record already exists.');
  }
}

type WriteMode = 'create' | 'upsert';

function write(table: TableDef, id: string, body: Row, mode: WriteMode, req: ApiRequest, ctx: ApiContext): SandboxResponse {
  const existing = ctx.store.get(table.entitySet, id);
  const ifMatch = req.headers['if-match'];
  const ifNoneMatch = req.headers['if-none-match'];
  if (mode === 'create' && existing) {
    throw new DataverseError(412, codes.duplicateKey, 'A record with matching key values already exists.');
  }
  if (ifMatch !== undefined) {
    if (!existing) throw notFound(table.logicalName, id);
    if (ifMatch !== '*' && ifMatch !== etagOf(existing)) {
      throw new DataverseError(412, codes.concurrencyMismatch, "The version of the existing record doesn't match the RowVersion property provided.");
    }
  }
  if (ifNoneMatch === '*' && existing) {
    throw new DataverseError(412, codes.duplicateKey, 'A record with matching key values already exists.');
  }
  if (table.entitySet === 'leads' || table.entitySet === 'opportunities') {
    if (!ctx.options.canCreateLeads && !existing) {
      throw new DataverseError(403, codes.privilegeDenied, `Principal user (Id=${ctx.userId}, type=8, roleCount=1, privilegeCount=412) is missing prvCreateLead privilege (Id=ddeb2a0e-fb7b-4c0b-9b18-0b4e1b7a6a4c) on OTC=4 for entity 'lead'.`);
    }
  }
  const creating = !existing;
  const now = new Date(ctx.now()).toISOString();
  const row: Row = creating
    ? { [table.key]: id, createdon: now, _ownerid_value: ctx.userId, ...(table.entitySet === 'leads' ? { statecode: 0, statuscode: 1 } : {}) }
    : { ...existing };
  let parties: Row[] | undefined;

  for (const [prop, value] of Object.entries(body)) {
    if (prop.startsWith('@odata.') || prop === table.key) continue;
    const bind = /^(\w+)@odata\.bind$/.exec(prop);
    if (bind?.[1] === 'ownerid' && table.entitySet === 'leads') {
      const set = ownerTarget(value);
      row._ownerid_value = resolveBind(value, set, 'ownerid', ctx);
      row['_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname'] = ownerLogicalName(set);
      continue;
    }
    if (bind) {
      const nav = table.nav[bind[1]];
      if (!nav) {
        throw new DataverseError(400, codes.invalidProperty, `An undeclared property '${bind[1]}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`);
      }
      const target = resolveBind(value, nav.target, bind[1], ctx);
      row[`_${nav.attribute}_value`] = target || null;
      if (target) row[`_${nav.attribute}_value@Microsoft.Dynamics.CRM.lookuplogicalname`] = tables[nav.target].logicalName;
      continue;
    }
    if (prop === 'phonecall_activity_parties' && table.entitySet === 'phonecalls') {
      // Deep insert is a create-time feature; an existing call's parties change through PUT.
      if (existing) throw new DataverseError(400, codes.invalidArgument, 'Deep insert of phonecall_activity_parties is only supported on create. To change the parties of an existing phone call, PUT phonecalls(id)/phonecall_activity_parties.');
      parties = activityParties(value, ctx);
      continue;
    }
    const def = attributesOf(table, ctx.options.customColumns)[prop];
    if (!def) throw new DataverseError(400, codes.invalidProperty, `Invalid property '${prop}' was found in entity 'Microsoft.Dynamics.CRM.${table.logicalName}'.`);
    if (def.readOnly) continue;
    if (creating && def.notOnCreate && value !== null && value !== 0) {
      throw new DataverseError(400, codes.invalidArgument, `${prop} is not a valid attribute for create. Create the record, then change its state.`);
    }
    validateValue(table, prop, def, value, ctx);
    row[prop] = value;
  }

  if (ctx.options.enforceRequired) {
    for (const [attr, def] of Object.entries(attributesOf(table, ctx.options.customColumns))) {
      const required = def.required || ctx.options.requiredColumns[table.entitySet]?.includes(attr);
      if (required && isBlank(row[attr]) && (creating || attr in body)) {
        throw new DataverseError(400, codes.required, `A validation error occurred. The value of '${attr}' on record of type '${table.logicalName}' is required: ${def.display} cannot be empty.`);
      }
    }
  }
  if (table.entitySet === 'leads') leadState(existing, row, body, ctx);
  if (table.entitySet === 'leads' || table.entitySet === 'contacts') {
    row.fullname = [row.firstname, row.lastname].filter((v) => typeof v === 'string' && v).join(' ');
  }
  if (table.entitySet === 'connections' && creating) {
    if (!row._record1id_value || !row._record2id_value) {
      throw new DataverseError(400, codes.invalidArgument, 'A connection needs both record1id and record2id.');
    }
  }
  duplicateCheck(table, id, row, req, ctx);
  row.modifiedon = now;
  if (parties) row.phonecall_activity_parties = parties;
  const stored = ctx.store.put(table.entitySet, id, row);
  if (table.entitySet === 'connections' && creating) reciprocal(id, stored, ctx);

  const entityId = `${ctx.serviceRoot}${table.entitySet}(${id})`;
  if (prefers(req, 'return=representation')) {
    const select = req.query.get('$select')?.split(',');
    return json(creating ? 201 : 200, represent(table, stored, select, req, ctx), { 'odata-entityid': entityId, etag: etagOf(stored) });
  }
  return { status: 204, headers: { 'odata-version': '4.0', 'odata-entityid': entityId } };
}

function activityParties(value: unknown, ctx: ApiContext): Row[] {
  if (!Array.isArray(value)) throw new DataverseError(400, codes.invalidProperty, 'phonecall_activity_parties must be a collection.');
  const targets: Record<string, string> = { partyid_systemuser: 'systemusers', partyid_lead: 'leads', partyid_contact: 'contacts', partyid_account: 'accounts' };
  return value.map((p: Row) => {
    const mask = p.participationtypemask;
    if (typeof mask !== 'number' || mask < 1 || mask > 11) throw new DataverseError(400, codes.invalidArgument, 'participationtypemask must be 1–11.');
    const party: Row = { activitypartyid: randomUUID(), participationtypemask: mask };
    for (const [k, v] of Object.entries(p)) {
      const bind = /^(\w+)@odata\.bind$/.exec(k);
      if (!bind) continue;
      const set = targets[bind[1]];
      if (!set) throw new DataverseError(400, codes.invalidProperty, `An undeclared property '${bind[1]}' was found on activityparty.`);
      party._partyid_value = resolveBind(v, set, bind[1], ctx);
      party['_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname'] = tables[set].logicalName;
    }
    if (!party._partyid_value) throw new DataverseError(400, codes.invalidArgument, 'An activity party needs a partyid.');
    return party;
  });
}

function replaceParties(callId: string, body: Row, ctx: ApiContext): SandboxResponse {
  const call = ctx.store.get('phonecalls', callId);
  if (!call) throw notFound('phonecall', callId);
  ctx.store.put('phonecalls', callId, { ...call, phonecall_activity_parties: activityParties(body.value, ctx), modifiedon: new Date(ctx.now()).toISOString() });
  return { status: 204, headers: { 'odata-version': '4.0' } };
}

function reciprocal(id: string, c: Row, ctx: ApiContext) {
  const rid = randomUUID();
  ctx.store.put('connections', rid, {
    connectionid: rid,
    createdon: c.createdon, modifiedon: c.modifiedon, _ownerid_value: c._ownerid_value,
    _record1id_value: c._record2id_value, '_record1id_value@Microsoft.Dynamics.CRM.lookuplogicalname': c['_record2id_value@Microsoft.Dynamics.CRM.lookuplogicalname'],
    _record2id_value: c._record1id_value, '_record2id_value@Microsoft.Dynamics.CRM.lookuplogicalname': c['_record1id_value@Microsoft.Dynamics.CRM.lookuplogicalname'],
    _record1roleid_value: c._record2roleid_value ?? null, _record2roleid_value: c._record1roleid_value ?? null,
    _relatedconnectionid_value: id, ismaster: false,
  });
  const master = ctx.store.get('connections', id);
  if (master) ctx.store.replace('connections', id, { ...master, _relatedconnectionid_value: rid, ismaster: true });
}

function leadState(existing: Row | undefined, row: Row, body: Row, ctx: ApiContext) {
  const byState: Record<number, number[]> = { 0: [1, 2], 1: [3], 2: [4, 5, 6, 7] };
  const before = (existing?.statecode as number | undefined) ?? 0;
  if ('statecode' in body) {
    const to = body.statecode as number;
    if (to === 1 && before !== 1) {
      throw new DataverseError(400, codes.stateTransition, 'A lead can only be qualified through the QualifyLead action.');
    }
    if (to === 2 && existing?._qualifyingopportunityid_value) {
      throw new DataverseError(400, codes.stateTransition, 'This lead has a qualifying opportunity and cannot be disqualified.');
    }
    if (!('statuscode' in body)) row.statuscode = byState[to][0];
  }
  const state = row.statecode as number;
  const status = row.statuscode as number;
  if (!byState[state]?.includes(status)) {
    throw new DataverseError(400, codes.stateTransition, `${status} is not a valid status code for state code ${state} on lead with Id ${String(row.leadid)}.`);
  }
  void ctx;
}

function represent(table: TableDef, row: Row, select: string[] | undefined, req: ApiRequest, ctx: ApiContext): Row {
  const { phonecall_activity_parties: _p, ...visible } = row;
  const out: Row = { '@odata.context': `${ctx.serviceRoot}$metadata#${table.entitySet}/$entity`, '@odata.etag': etagOf(row), ...selectColumns(visible, select, table.key) };
  if (prefers(req, 'odata.include-annotations')) {
    for (const [attr, def] of Object.entries(table.attributes)) {
      const set = optionSetOf(attr, def, ctx);
      const v = out[attr];
      if (set && typeof v === 'number' && set[v]) out[`${attr}@OData.Community.Display.V1.FormattedValue`] = set[v].en;
    }
  }
  return out;
}

function readOne(table: TableDef, id: string, req: ApiRequest, ctx: ApiContext): SandboxResponse {
  const row = ctx.store.get(table.entitySet, id);
  if (!row) throw notFound(table.logicalName, id);
  const inm = req.headers['if-none-match'];
  if (inm && inm !== 'null' && inm === etagOf(row)) return { status: 304, headers: { etag: inm, 'odata-version': '4.0' } };
  return json(200, represent(table, row, req.query.get('$select')?.split(','), req, ctx), { etag: etagOf(row) });
}

function query(table: TableDef, req: ApiRequest, ctx: ApiContext): SandboxResponse {
  const known = (p: string) => p in attributesOf(table, ctx.options.customColumns) || p === table.key || /^_\w+_value$/.test(p) || ['statecode', 'statuscode', 'createdon', 'modifiedon', 'versionnumber', 'category'].includes(p);
  const filter = req.query.get('$filter');
  let rows = ctx.store.rows(table.entitySet);
  if (filter) {
    const pred = parseFilter(filter, known);
    rows = rows.filter(pred);
  }
  const top = Number(req.query.get('$top') ?? Infinity);
  if (!Number.isNaN(top)) rows = rows.slice(0, top);
  const pageSize = Number(/odata\.maxpagesize=(\d+)/.exec(req.headers['prefer'] ?? '')?.[1] ?? 5000);
  const skip = Number(req.query.get('$skiptoken') ?? 0);
  const page = rows.slice(skip, skip + pageSize);
  const select = req.query.get('$select')?.split(',');
  const body: Row = {
    '@odata.context': `${ctx.serviceRoot}$metadata#${table.entitySet}`,
    value: page.map((r) => represent(table, r, select, req, ctx)).map(({ '@odata.context': _c, ...r }) => r),
  };
  if (skip + pageSize < rows.length) {
    const next = new URLSearchParams(req.query);
    next.set('$skiptoken', String(skip + pageSize));
    body['@odata.nextLink'] = `${ctx.serviceRoot}${table.entitySet}?${next.toString()}`;
  }
  return json(200, body);
}

// ---- QualifyLead (dataverse.md §2) ----

function qualifyLead(leadId: string, body: Row, req: ApiRequest, ctx: ApiContext): SandboxResponse {
  for (const p of ['CreateAccount', 'CreateContact', 'CreateOpportunity']) {
    if (typeof body[p] !== 'boolean') throw new DataverseError(400, codes.invalidArgument, `Required parameter '${p}' is missing or not a Boolean.`);
  }
  if (typeof body.Status !== 'number') throw new DataverseError(400, codes.invalidArgument, "Required parameter 'Status' is missing.");
  if (body.Status !== 3) throw new DataverseError(400, codes.stateTransition, `${body.Status} is not a valid status code for state code LeadState.Qualified.`);
  const lead = ctx.store.get('leads', leadId);
  if (!lead) throw notFound('lead', leadId);
  if (lead.statecode !== 0) {
    throw new DataverseError(400, codes.leadAlreadyClosed, 'The lead is closed. You cannot convert or qualify a lead that is already closed.');
  }
  const created: Row[] = [];
  const sub = (method: string, path: string, payload: Row) =>
    execute({ method, path, query: new URLSearchParams(), headers: { 'mscrm.suppressduplicatedetection': req.headers['mscrm.suppressduplicatedetection'] ?? 'true' }, body: JSON.stringify(payload) }, ctx);
  const pick = (...cols: string[]) => Object.fromEntries(cols.filter((c) => !isBlank(lead[c])).map((c) => [c, lead[c]]));
  const leadRef = `/leads(${leadId})`;
  let accountId: string | undefined;
  let contactId: string | undefined;
  if (body.CreateAccount) {
    accountId = randomUUID();
    sub('PATCH', `accounts(${accountId})`, {
      name: lead.companyname ?? lead.fullname, ...pick('websiteurl', 'address1_line1', 'address1_city', 'address1_postalcode', 'address1_country'),
      ...(isBlank(lead.telephone1) ? {} : { address1_telephone1: lead.telephone1 }), 'originatingleadid@odata.bind': leadRef,
    });
    created.push({ '@odata.type': '#Microsoft.Dynamics.CRM.account', accountid: accountId });
  }
  if (body.CreateContact) {
    contactId = randomUUID();
    sub('PATCH', `contacts(${contactId})`, {
      ...pick('firstname', 'lastname', 'jobtitle', 'mobilephone', 'emailaddress1', 'address1_line1', 'address1_city', 'address1_postalcode', 'address1_country'),
      ...(isBlank(lead.telephone1) ? {} : { managerphone: lead.telephone1 }),
      'originatingleadid@odata.bind': leadRef,
      ...(accountId ? { 'parentcustomerid_account@odata.bind': `/accounts(${accountId})` } : {}),
    });
    created.push({ '@odata.type': '#Microsoft.Dynamics.CRM.contact', contactid: contactId });
  }
  let opportunityId: string | undefined;
  if (body.CreateOpportunity) {
    opportunityId = randomUUID();
    const customer = entityRef(body.OpportunityCustomerId) ?? (accountId ? { set: 'accounts', id: accountId } : contactId ? { set: 'contacts', id: contactId } : undefined);
    const parentAccount = (lead._parentaccountid_value as string | null) ?? accountId;
    const parentContact = (lead._parentcontactid_value as string | null) ?? contactId;
    sub('PATCH', `opportunities(${opportunityId})`, {
      name: lead.subject,
      'originatingleadid@odata.bind': leadRef,
      ...(parentAccount ? { 'parentaccountid@odata.bind': `/accounts(${parentAccount})` } : {}),
      ...(parentContact ? { 'parentcontactid@odata.bind': `/contacts(${parentContact})` } : {}),
      ...(customer ? { [`customerid_${customer.set === 'accounts' ? 'account' : 'contact'}@odata.bind`]: `/${customer.set}(${customer.id})` } : {}),
    });
    created.push({ '@odata.type': '#Microsoft.Dynamics.CRM.opportunity', opportunityid: opportunityId });
  }
  const after = ctx.store.get('leads', leadId) as Row;
  recordQualifyCall(ctx.store, leadId, body, lead, new Date(ctx.now()).toISOString());
  ctx.store.put('leads', leadId, {
    ...after,
    statecode: 1,
    statuscode: 3,
    modifiedon: new Date(ctx.now()).toISOString(),
    ...(opportunityId ? { _qualifyingopportunityid_value: opportunityId } : {}),
    ...(accountId && !after._parentaccountid_value ? { _parentaccountid_value: accountId } : {}),
    ...(contactId && !after._parentcontactid_value ? { _parentcontactid_value: contactId } : {}),
  });
  return json(200, { '@odata.context': `${ctx.serviceRoot}$metadata#Collection(Microsoft.Dynamics.CRM.crmbaseentity)`, value: created });
}

/** An entity-typed action parameter: {"@odata.type":"Microsoft.Dynamics.CRM.account","accountid":"…"}. */
function entityRef(v: unknown): { set: string; id: string } | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const r = v as Row;
  const type = String(r['@odata.type'] ?? '').replace(/^#?Microsoft\.Dynamics\.CRM\./, '');
  if (type === 'account' && typeof r.accountid === 'string') return { set: 'accounts', id: guid(r.accountid) };
  if (type === 'contact' && typeof r.contactid === 'string') return { set: 'contacts', id: guid(r.contactid) };
  throw new DataverseError(400, codes.invalidArgument, 'OpportunityCustomerId must be an account or a contact with @odata.type and its id.');
}

// ---- Metadata (EntityDefinitions) ----

function localizedLabel(en: string, pl: string) {
  return {
    LocalizedLabels: [
      { Label: en, LanguageCode: 1033, IsManaged: true },
      { Label: pl, LanguageCode: 1045, IsManaged: true },
    ],
    UserLocalizedLabel: { Label: en, LanguageCode: 1033, IsManaged: true },
  };
}

function attributeMetadata(table: TableDef, attr: string, def: AttrDef, cast: string, req: ApiRequest, ctx: ApiContext): Row {
  const set = optionSetOf(attr, def, ctx) ?? {};
  const byState: Record<number, number> = { 1: 0, 2: 0, 3: 1, 4: 2, 5: 2, 6: 2, 7: 2 };
  const options = Object.entries(set).map(([value, label]) => ({
    Value: Number(value),
    ...(cast === 'StatusAttributeMetadata' ? { State: byState[Number(value)] } : {}),
    Label: localizedLabel(label.en, label.pl),
  }));
  const expand = req.query.get('$expand') ?? '';
  const row: Row = { LogicalName: attr, MetadataId: `00000000-0000-0000-0000-${attr.padEnd(12, '0').slice(0, 12).replace(/[^0-9a-f]/g, 'a')}`, AttributeType: def.type };
  if (/OptionSet/.test(expand)) row.OptionSet = { Options: options };
  void table;
  return row;
}

function entityDefinitions(path: string, req: ApiRequest, ctx: ApiContext): SandboxResponse {
  const m = /^EntityDefinitions\(LogicalName='(\w+)'\)(.*)$/.exec(path);
  const table = m ? Object.values(tables).find((t) => t.logicalName === m[1]) : undefined;
  if (!m || !table) throw new DataverseError(404, codes.objectDoesNotExist, `Could not find entity with name '${m?.[1] ?? path}'.`);
  const rest = m[2];
  const casts: Record<string, AttrDef['type'][]> = {
    PicklistAttributeMetadata: ['Picklist'], StatusAttributeMetadata: ['Status'], StateAttributeMetadata: ['State'], BooleanAttributeMetadata: ['Boolean'],
  };
  if (rest === '') {
    return json(200, { '@odata.context': `${ctx.serviceRoot}$metadata#EntityDefinitions/$entity`, LogicalName: table.logicalName, EntitySetName: table.entitySet, PrimaryIdAttribute: table.key, PrimaryNameAttribute: table.primaryName });
  }
  const one = /^\/Attributes\(LogicalName='(\w+)'\)(?:\/Microsoft\.Dynamics\.CRM\.(\w+))?$/.exec(rest);
  if (one) {
    const def = attributesOf(table, ctx.options.customColumns)[one[1]];
    const cast = one[2] ?? '';
    if (!def) throw new DataverseError(404, codes.objectDoesNotExist, `Could not find attribute '${one[1]}' on entity '${table.logicalName}'.`);
    if (cast && !casts[cast]?.includes(def.type)) throw new DataverseError(400, codes.invalidArgument, `Attribute '${one[1]}' is not a ${cast}.`);
    return json(200, { '@odata.context': `${ctx.serviceRoot}$metadata#EntityDefinitions('${table.logicalName}')/Attributes/Microsoft.Dynamics.CRM.${cast}/$entity`, ...attributeMetadata(table, one[1], def, cast, req, ctx) });
  }
  if (rest === '/Attributes') {
    const value = attributeDefinitions(table, ctx.options.requiredColumns[table.entitySet] ?? [], ctx.options.customColumns);
    return json(200, { '@odata.context': `${ctx.serviceRoot}$metadata#EntityDefinitions('${table.logicalName}')/Attributes`, value });
  }
  const all = /^\/Attributes\/Microsoft\.Dynamics\.CRM\.(\w+)$/.exec(rest);
  if (all && casts[all[1]]) {
    const value = Object.entries(attributesOf(table, ctx.options.customColumns))
      .filter(([, d]) => casts[all[1]].includes(d.type))
      .map(([attr, d]) => attributeMetadata(table, attr, d, all[1], req, ctx));
    return json(200, { '@odata.context': `${ctx.serviceRoot}$metadata#EntityDefinitions('${table.logicalName}')/Attributes/Microsoft.Dynamics.CRM.${all[1]}`, value });
  }
  if (rest === '/ManyToOneRelationships') {
    let value: Row[] = Object.entries(table.nav).map(([nav, def]) => ({
      SchemaName: `${tables[def.target].logicalName}_${table.logicalName}_${nav}`,
      ReferencingEntity: table.logicalName,
      ReferencingAttribute: def.attribute,
      ReferencedEntity: tables[def.target].logicalName,
      ReferencingEntityNavigationPropertyName: nav,
    }));
    const filter = req.query.get('$filter');
    if (filter) value = value.filter(parseFilter(filter, (p) => ['SchemaName', 'ReferencingEntity', 'ReferencingAttribute', 'ReferencedEntity', 'ReferencingEntityNavigationPropertyName'].includes(p)));
    return json(200, { '@odata.context': `${ctx.serviceRoot}$metadata#EntityDefinitions('${table.logicalName}')/ManyToOneRelationships`, value });
  }
  throw new DataverseError(400, codes.invalidArgument, `Unsupported metadata path '${path}'.`);
}
