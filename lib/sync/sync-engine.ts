// The sync engine: a list of leads in, one result per lead out. Each lead travels as one atomic
// change set (upsert by its client GUID, then its notes, activities and stakeholders), many leads
// per $batch, several batches in parallel. Retries inside a run are short; longer waits go back to
// the caller (the queue) as a retry time. Nothing here keeps state between runs except `cache`.
import { CRM_LINE_NOTE, privacyColumns, type FooterOptions } from '../privacy/privacy-footer';
import { privacyNoteId, privacyNoteOperation } from './privacy-note';
import type { LeadFields, LeadRecord } from '../leads/schema';
import { buildBatch, parseBatchResponse, type BatchOperation, type BatchPart, type BatchResponsePart } from './batch';
import { backoffDelay } from './backoff';
import { classify, describeProblem, type Outcome, type Problem, type Translate } from './classify';
import type { ApiResponse, DataverseApi } from './dataverse-client';
import { AuthRequiredError, NetworkError } from './errors';
import { connectionOperation, isGuid, leadBody, leadPath, leadSelect, rowToLeadFields, phonecallPartiesOperation, stakeholderContactBody, stakeholderContactId, timelineOperation } from './lead-payload';
import { defaultNavNames, resolveNavNames, type NavNames } from './nav-names';
import { englishTranslate } from './translate';
import { missingRequired } from './org-columns';
import { fullName } from '../leads/schema';

export interface SyncItem {
  lead: LeadRecord;
  /** Failed attempts so far (for backoff). */
  attempt?: number;
}

export interface CrmVersion extends Partial<LeadFields> {
  statecode?: number;
  statuscode?: number;
  modifiedon?: string;
}

export type SyncResult =
  | { id: string; state: 'synced'; etag?: string; syncedAt: string; crmUrl: string }
  | { id: string; state: 'failed'; retryAt: string; error: string; attempt: number }
  | { id: string; state: 'needs_attention'; error: string; problem: Problem }
  /** `unreadable`: the CRM refused to show its version (why, in words); `crm` is then empty. */
  | { id: string; state: 'conflict'; error: string; crm: CrmVersion; crmEtag?: string; unreadable?: string }
  | { id: string; state: 'auth_required'; error: string };

/** What a run learns about the org once (kept by the caller between runs). */
export interface SyncCache {
  userId?: string;
  nav?: NavNames;
  /** Stakeholder-category connection role name (lower case) -> id. */
  roles?: Map<string, string>;
}

export interface SyncOptions {
  api: DataverseApi;
  environmentUrl: string;
  translate?: Translate;
  now?: () => Date;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Leads per $batch request (Microsoft suggests small batches in parallel). */
  leadsPerBatch?: number;
  /** $batch requests in flight at once (Dataverse allows 52 per user). */
  concurrency?: number;
  /** Retry rounds inside this run for throttling, 5xx and network errors. */
  inlineRetries?: number;
  /** Longest wait inside this run; longer ones are returned as `failed` with a retry time. */
  maxInlineWaitMs?: number;
  /** Apply the org's published duplicate rules (MSCRM.SuppressDuplicateDetection: false). */
  duplicateDetection?: boolean;
  cache?: SyncCache;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Issue #8: the lawful-basis line: a note on the lead ('note'), a column the admin mapped, or 'off'. */
  privacy?: FooterOptions & { crmField?: string };
  /** Issue #17: the columns the org made required, with display names in the rep's language.
   * A lead missing one stays here (needs attention) instead of being refused by the CRM. */
  requiredColumns?: ReadonlyArray<{ name: string; label: string }>;
  /** A column's display name for the rep (house style: never the logical name). */
  fieldLabel?: (logicalName: string) => string;
}

type LeadOutcome =
  | { kind: 'ok'; etag?: string; crmState?: number }
  | Exclude<Outcome, { kind: 'ok' }>;

const MAX_OPS_PER_BATCH = 1000;
const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); reject(signal.reason); }, { once: true });
  });

export const crmRecordUrl = (environmentUrl: string, entity: string, id: string) =>
  `${new URL(environmentUrl).origin}/main.aspx?etn=${entity}&id=${id}&pagetype=entityrecord`;

export async function syncLeads(items: SyncItem[], opts: SyncOptions): Promise<SyncResult[]> {
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const sleep = opts.sleep ?? defaultSleep;
  const translate = opts.translate ?? englishTranslate;
  const cache = opts.cache ?? {};
  const perBatch = Math.max(1, opts.leadsPerBatch ?? 25);
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const inlineRetries = opts.inlineRetries ?? 3;
  const maxInlineWait = opts.maxInlineWaitMs ?? 10_000;
  const api = opts.api;
  /** The lawful-basis line goes to a note on each lead (the default when privacy options are given). */
  const noteLine = !!opts.privacy && (opts.privacy.crmField ?? CRM_LINE_NOTE) === CRM_LINE_NOTE;
  const results = new Map<string, SyncResult>();
  const total = items.length;
  let authFailed: AuthRequiredError | undefined;

  const attemptOf = new Map(items.map((i) => [i.lead.id, i.attempt ?? 0]));
  let pending = items.map((i) => i.lead);
  /** Qualified leads whose decision maker becomes the lead's contact (no second contact from QualifyLead). */
  const qualifyContact = new Map<string, string>();

  const finish = (r: SyncResult) => {
    results.set(r.id, r);
    opts.onProgress?.(results.size, total);
  };
  pending = pending.filter((lead) => !heldBack(lead));

  for (let round = 0; pending.length && !authFailed; round++) {
    const retry: Array<{ lead: LeadRecord; delayMs: number; reason: string }> = [];
    await prepare(pending);
    const batches = chunk(pending);
    let next = 0;
    const worker = async () => {
      while (next < batches.length && !authFailed) {
        opts.signal?.throwIfAborted();
        const batch = batches[next++];
        const outcomes = await runBatch(batch);
        for (const lead of batch) {
          const o = outcomes.get(lead.id)!;
          await settle(lead, o, retry);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));

    if (authFailed) break;
    if (!retry.length) break;
    const longest = Math.max(...retry.map((r) => r.delayMs));
    if (round < inlineRetries && longest <= maxInlineWait) {
      await sleep(longest, opts.signal);
      for (const r of retry) attemptOf.set(r.lead.id, (attemptOf.get(r.lead.id) ?? 0) + 1);
      pending = retry.map((r) => r.lead);
    } else {
      for (const r of retry) {
        const attempt = (attemptOf.get(r.lead.id) ?? 0) + 1;
        finish({
          id: r.lead.id, state: 'failed', attempt,
          retryAt: new Date(now().getTime() + r.delayMs).toISOString(),
          error: translate('syncProblemRetry', [r.reason]),
        });
      }
      pending = [];
    }
  }
  if (authFailed) {
    for (const i of items) if (!results.has(i.lead.id)) finish({ id: i.lead.id, state: 'auth_required', error: translate('syncProblemAuth') });
  }
  return items.map((i) => results.get(i.lead.id)!);

  // ---- helpers (closures over the run) ----

  /** Issue #17: a lead missing a column the org requires is not sent; the rep is told which. */
  function heldBack(lead: LeadRecord): boolean {
    const required = opts.requiredColumns ?? [];
    const missing = missingRequired(lead, required);
    if (!missing.length) return false;
    const labels = missing.map((m) => required.find((c) => c.name === m)!.label).join(', ');
    const problem: Problem = { code: 'held_required', field: labels, crmCode: '', crmMessage: '' };
    finish({ id: lead.id, state: 'needs_attention', problem, error: describeProblem(problem, translate) });
    return true;
  }

  function chunk(leads: LeadRecord[]): LeadRecord[][] {
    const out: LeadRecord[][] = [];
    let cur: LeadRecord[] = [];
    let ops = 0;
    for (const lead of leads) {
      const n = 3 + lead.timeline.length * 2 + lead.stakeholders.length * 2;
      if (cur.length && (cur.length >= perBatch || ops + n > MAX_OPS_PER_BATCH)) {
        out.push(cur);
        cur = [];
        ops = 0;
      }
      cur.push(lead);
      ops += n;
    }
    if (cur.length) out.push(cur);
    return out;
  }

  /** Learns, once, what the leads' extras need: the rep's user id, navigation names, role ids. */
  async function prepare(leads: LeadRecord[]) {
    // The lawful-basis note binds with the documented objectid_lead: no metadata read for it alone.
    const needsExtras = leads.some((l) => l.timeline.length || l.stakeholders.length);
    if (!needsExtras) return;
    try {
      if (!cache.nav) cache.nav = await resolveNavNames(api);
      if (!cache.userId && leads.some((l) => l.timeline.some((t) => t.kind === 'phonecall'))) {
        const r = await api.send({ method: 'GET', path: 'WhoAmI' });
        if (r.status === 200) cache.userId = (JSON.parse(r.text) as { UserId: string }).UserId;
      }
      if (!cache.roles && leads.some((l) => l.stakeholders.length)) {
        const r = await api.send({ method: 'GET', path: 'connectionroles?$select=connectionroleid,name&$filter=category eq 1000 and statecode eq 0' });
        if (r.status === 200) {
          cache.roles = new Map((JSON.parse(r.text) as { value: Array<{ connectionroleid: string; name: string }> }).value.map((x) => [x.name.toLowerCase(), x.connectionroleid]));
        }
      }
    } catch (err) {
      if (err instanceof AuthRequiredError) authFailed = err;
      // Network trouble here shows up again, classified, on the batch itself.
    }
  }

  /** Which stakeholder contacts already exist: by the id we would give them, or by email. */
  async function stakeholderContacts(leads: LeadRecord[]): Promise<Map<string, { id: string; create: boolean }>> {
    const out = new Map<string, { id: string; create: boolean }>();
    const open = leads.flatMap((l) => l.stakeholders).filter((s) => !s.contactid);
    const derived = new Map<string, string>();
    for (const s of open) derived.set(s.id, await stakeholderContactId(s.id));
    const found: Array<{ contactid: string; emailaddress1?: string | null }> = [];
    for (let i = 0; i < open.length; i += 15) {
      const slice = open.slice(i, i + 15);
      const conds = slice.flatMap((s) => [`contactid eq ${derived.get(s.id)}`, ...(s.emailaddress1 ? [`emailaddress1 eq '${s.emailaddress1.replace(/'/g, "''")}'`] : [])]);
      const r = await api.send({ method: 'GET', path: `contacts?$select=contactid,emailaddress1&$filter=${encodeURIComponent(conds.join(' or '))}` });
      if (r.status !== 200) throw Object.assign(new Error('contact lookup failed'), { response: r });
      found.push(...(JSON.parse(r.text) as { value: typeof found }).value);
    }
    for (const s of leads.flatMap((l) => l.stakeholders)) {
      if (s.contactid) { out.set(s.id, { id: s.contactid, create: false }); continue; }
      const mine = derived.get(s.id)!;
      const byId = found.find((c) => c.contactid.toLowerCase() === mine);
      const byEmail = s.emailaddress1 ? found.find((c) => c.emailaddress1?.toLowerCase() === s.emailaddress1!.toLowerCase()) : undefined;
      out.set(s.id, byId ? { id: mine, create: false } : byEmail ? { id: byEmail.contactid, create: false } : { id: mine, create: true });
    }
    return out;
  }

  function changeSet(lead: LeadRecord, contacts: Map<string, { id: string; create: boolean }>, nextId: () => string, noteId?: string): { ops: BatchOperation[]; leadIds: string[] } {
    const nav = cache.nav ?? defaultNavNames;
    const dup: Record<string, string> = opts.duplicateDetection === false ? {} : { 'MSCRM.SuppressDuplicateDetection': 'false' };
    const represent = { Prefer: 'return=representation' };
    const select = '?$select=leadid,statecode,statuscode';
    const leadIds: string[] = [];
    const ops: BatchOperation[] = [];
    const upsertId = nextId();
    leadIds.push(upsertId);
    ops.push({
      method: 'PATCH', path: leadPath(lead.id) + select, contentId: upsertId,
      body: opts.privacy ? { ...leadBody(lead), ...privacyColumns(lead, opts.privacy) } : leadBody(lead),
      // A lead synced before must not overwrite a newer CRM edit: the last ETag we saw, or 412.
      headers: { ...represent, ...dup, ...(lead.sync.etag ? { 'If-Match': lead.sync.etag } : {}) },
    });
    if (noteId && opts.privacy) ops.push({ ...privacyNoteOperation(lead, noteId, nav, opts.privacy), contentId: nextId() });
    for (const item of lead.timeline) {
      ops.push({ ...timelineOperation(item, lead.id, nav), contentId: nextId() });
      if (item.kind === 'phonecall') ops.push({ ...phonecallPartiesOperation(item, lead.id, nav, cache.userId), contentId: nextId() });
    }
    for (const s of lead.stakeholders) {
      const c = contacts.get(s.id)!;
      if (c.create) ops.push({ method: 'PATCH', path: `contacts(${c.id})`, body: stakeholderContactBody(s), contentId: nextId() });
      const roleId = cache.roles?.get(s.role.toLowerCase()) ?? cache.roles?.get('stakeholder');
      ops.push({ ...connectionOperation(s, lead.id, c.id, roleId, nav), contentId: nextId() });
    }
    // Qualifying with a new contact who is also the decision maker: that stakeholder's contact is
    // the lead's contact, so QualifyLead must not create a second one (issue #17).
    const q = lead.qualify ?? {};
    const maker = lead.statecode === 1 && q.contact?.mode === 'new' ? lead.stakeholders.find((s) => s.fullname === fullName(lead)) : undefined;
    if (maker) {
      const contactId = contacts.get(maker.id)!.id;
      qualifyContact.set(lead.id, contactId);
      const bindId = nextId();
      leadIds.push(bindId);
      ops.push({ method: 'PATCH', path: leadPath(lead.id) + select, contentId: bindId, body: { 'parentcontactid@odata.bind': `/contacts(${contactId})` }, headers: { ...represent, 'If-Match': '*' } });
    }
    if (lead.statecode === 2) {
      // Disqualify: statecode and statuscode together, always (dataverse.md §2).
      const stateId = nextId();
      leadIds.push(stateId);
      ops.push({ method: 'PATCH', path: leadPath(lead.id) + select, contentId: stateId, body: { statecode: 2, statuscode: lead.statuscode }, headers: represent });
    }
    return { ops, leadIds };
  }

  function outcomeOf(res: { status: number; headers: Headers | Record<string, string>; text: string }, lead: LeadRecord): Outcome {
    return classify(res.status, res.headers, res.text, { attempt: attemptOf.get(lead.id) ?? 0, random, now: now() });
  }

  async function send(req: Parameters<DataverseApi['send']>[0]): Promise<ApiResponse | Outcome> {
    try {
      return await api.send({ ...req, signal: opts.signal });
    } catch (err) {
      if (err instanceof AuthRequiredError) {
        authFailed = err;
        return { kind: 'auth' };
      }
      if (err instanceof NetworkError) return { kind: 'retry', delayMs: 0, reason: 'network' };
      throw err;
    }
  }

  async function runBatch(leads: LeadRecord[]): Promise<Map<string, LeadOutcome>> {
    const out = new Map<string, LeadOutcome>();
    const all = (o: LeadOutcome) => { for (const l of leads) out.set(l.id, o); return out; };
    const withDelay = (o: Outcome, lead: LeadRecord): LeadOutcome =>
      o.kind === 'retry' && o.delayMs === 0 ? { ...o, delayMs: backoffDelay(attemptOf.get(lead.id) ?? 0, random) } : o;

    let contacts: Map<string, { id: string; create: boolean }>;
    try {
      contacts = await stakeholderContacts(leads);
    } catch (err) {
      if (err instanceof AuthRequiredError) { authFailed = err; return all({ kind: 'auth' }); }
      const r = (err as { response?: ApiResponse }).response;
      return all(withDelay(r ? outcomeOf(r, leads[0]) : { kind: 'retry', delayMs: 0, reason: 'network' }, leads[0]));
    }
    let counter = 0;
    const nextId = () => String(++counter);
    const noteIds = noteLine
      ? new Map(await Promise.all(leads.map(async (l) => [l.id, await privacyNoteId(l.id)] as const)))
      : undefined;
    const plan = leads.map((lead) => ({ lead, ...changeSet(lead, contacts, nextId, noteIds?.get(lead.id)) }));
    const parts: BatchPart[] = plan.map((p) => ({ changeSet: p.ops, key: p.lead.id }));
    const { body, contentType } = buildBatch(parts, api.serviceRoot);
    const res = await send({ method: 'POST', path: '$batch', headers: { 'Content-Type': contentType, Prefer: 'odata.continue-on-error' }, body });
    if (!('status' in res)) return all(withDelay(res, leads[0]));
    const isMultipart = /multipart\/mixed/i.test(res.headers.get('content-type') ?? '');
    if (!isMultipart) {
      // The whole batch was refused (throttling, 5xx, or an error about the batch itself).
      return all(withDelay(outcomeOf(res, leads[0]), leads[0]));
    }
    let parsed;
    try {
      parsed = parseBatchResponse(res.text, res.headers.get('content-type'), parts);
    } catch {
      return all({ kind: 'retry', delayMs: backoffDelay(attemptOf.get(leads[0].id) ?? 0, random), reason: 'server' });
    }
    for (const p of plan) {
      const answer = parsed.find((x) => x.key === p.lead.id);
      if (!answer) {
        // Not answered: the batch stopped before it (no continue-on-error honoured).
        out.set(p.lead.id, { kind: 'retry', delayMs: backoffDelay(attemptOf.get(p.lead.id) ?? 0, random), reason: 'server' });
        continue;
      }
      if (!answer.ok) {
        const failure = answer.responses[0];
        out.set(p.lead.id, withDelay(outcomeOf({ status: failure.status, headers: failure.headers, text: failure.body }, p.lead), p.lead));
        continue;
      }
      const leadResponses = answer.responses.filter((r) => r.contentId && p.leadIds.includes(r.contentId));
      const last: BatchResponsePart | undefined = leadResponses[leadResponses.length - 1];
      const rep = last?.body ? (JSON.parse(last.body) as { '@odata.etag'?: string; statecode?: number }) : {};
      out.set(p.lead.id, { kind: 'ok', etag: rep['@odata.etag'] ?? last?.headers['etag'], crmState: rep.statecode });
    }
    return out;
  }

  async function settle(lead: LeadRecord, o: LeadOutcome, retry: Array<{ lead: LeadRecord; delayMs: number; reason: string }>) {
    if (o.kind === 'ok') {
      let etag = o.etag;
      // Not yet qualified in the CRM (crmState 0, or unknown when the answer had no body): qualify.
      if (lead.statecode === 1 && o.crmState !== 1) {
        const q = await qualify(lead);
        if (q.kind !== 'ok') return settle(lead, q, retry);
        etag = q.etag;
      }
      finish({ id: lead.id, state: 'synced', etag, syncedAt: now().toISOString(), crmUrl: crmRecordUrl(opts.environmentUrl, 'lead', lead.id) });
    } else if (o.kind === 'retry') {
      retry.push({ lead, delayMs: o.delayMs, reason: o.reason });
    } else if (o.kind === 'auth') {
      authFailed ??= new AuthRequiredError();
    } else if (o.kind === 'conflict') {
      const crm = await fetchCrmVersion(lead);
      // Issue #17: still a conflict when the CRM's version cannot be read (no read privilege,
      // deleted meanwhile, an odd answer): the rep decides, nothing is overwritten unasked.
      if ('kind' in crm && crm.kind === 'attention') {
        const why = crm.problem.code === 'bad_request' ? translate('syncCrmVersionUnreadable', [crm.problem.crmMessage.slice(0, 200)]) : describeProblem(crm.problem, translate);
        return finish({ id: lead.id, state: 'conflict', error: translate('syncConflictUnreadable', [why]), crm: {}, unreadable: why });
      }
      if ('kind' in crm) return settle(lead, crm, retry);
      finish({ id: lead.id, state: 'conflict', error: translate('syncProblemConflict'), crm: crm.fields, crmEtag: crm.etag });
    } else {
      finish({ id: lead.id, state: 'needs_attention', problem: o.problem, error: describeProblem(o.problem, translate, opts.fieldLabel) });
    }
  }

  async function fetchCrmVersion(lead: LeadRecord): Promise<{ fields: CrmVersion; etag?: string } | LeadOutcome> {
    const r = await send({ method: 'GET', path: `${leadPath(lead.id)}?$select=${leadSelect}` });
    if (!('status' in r)) return r.kind === 'retry' ? { ...r, delayMs: backoffDelay(attemptOf.get(lead.id) ?? 0, random) } : r;
    if (r.status !== 200) {
      const o = outcomeOf(r, lead);
      return o.kind === 'ok' ? { kind: 'retry', delayMs: 1000, reason: 'server' } : o;
    }
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(r.text) as Record<string, unknown>;
      if (!row || typeof row !== 'object') throw new Error('not an object');
    } catch {
      return { kind: 'attention', problem: { code: 'bad_request', crmCode: '', crmMessage: r.text.slice(0, 200) } };
    }
    const fields: CrmVersion = { ...rowToLeadFields(row), statecode: row.statecode as number, statuscode: row.statuscode as number, modifiedon: row.modifiedon as string };
    return { fields, etag: (row['@odata.etag'] as string | undefined) ?? r.headers.get('etag') ?? undefined };
  }

  /** QualifyLead after the lead and its extras are in (dataverse.md §2), then the lead's new ETag. */
  async function qualify(lead: LeadRecord): Promise<LeadOutcome> {
    const q = lead.qualify ?? {};
    const customer = q.account?.mode === 'existing' && isGuid(q.account.id)
      ? { '@odata.type': 'Microsoft.Dynamics.CRM.account', accountid: q.account.id }
      : q.contact?.mode === 'existing' && isGuid(q.contact.id) ? { '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid: q.contact.id } : undefined;
    // A record picked from a local lead (not a CRM GUID) does not exist in the CRM yet: create it.
    const create = (link: typeof q.account) => link?.mode === 'new' || (link?.mode === 'existing' && !isGuid(link.id));
    const body = {
      CreateAccount: create(q.account),
      CreateContact: create(q.contact) && !qualifyContact.has(lead.id),
      CreateOpportunity: q.opportunity !== false,
      Status: 3,
      ...(customer ? { OpportunityCustomerId: customer } : {}),
    };
    const r = await send({
      method: 'POST', path: `${leadPath(lead.id)}/Microsoft.Dynamics.CRM.QualifyLead`, body: JSON.stringify(body),
      headers: opts.duplicateDetection === false ? {} : { 'MSCRM.SuppressDuplicateDetection': 'false' },
    });
    if (!('status' in r)) return r.kind === 'retry' ? { ...r, delayMs: backoffDelay(attemptOf.get(lead.id) ?? 0, random) } : r;
    const o = outcomeOf(r, lead);
    // A retry after a lost answer finds the lead already qualified: that is success.
    const alreadyDone = o.kind === 'attention' && o.problem.code === 'already_closed';
    if (o.kind !== 'ok' && !alreadyDone) return o;
    const after = await fetchCrmVersion(lead);
    if ('kind' in after) return after;
    if (after.fields.statecode !== 1) return { kind: 'attention', problem: { code: 'state', crmCode: '', crmMessage: `statecode ${after.fields.statecode}` } };
    return { kind: 'ok', etag: after.etag, crmState: 1 };
  }
}

export type { Problem };
