// The one save path (issue #4) for captured, imported and hand-entered leads alike:
// validate -> normalize -> duplicate check -> save -> enqueue -> audit. A batch is written in one
// IndexedDB transaction: all of it or none of it, and fast enough for imports.
import { unwrap } from 'idb';
import { getDb } from './open';
import { openTx, type Tx } from './tx';
import { AuditBatch, type AuditSink } from './audit-trail';
import { nextRevision, syncInfoOf } from './outbox';
import { BatchSource, findDuplicates, mergeMatches, type DuplicateMatch, type DuplicateSource } from '../leads/dedupe';
import { dedupeKeys, type DedupeKeys } from '../leads/dedupe-keys';
import { dbSource, memorySource } from './duplicate-index';
import { asLead, type StoredLead } from './stored-lead';
import { phoneMetadataReady } from '../text/phone-metadata-ready';
import { jobKey, type OutboxJob } from './outbox-job';
import { normalizeLead, type NormalizeIssue } from '../leads/normalize';
import { invalidInWords } from '../i18n/invalid-in-words';
import type { PipelineSettings } from '../leads/pipeline-settings';
import { scoreLead, type LeadScore } from '../leads/score';
import { leadDraft, leadFieldNames, type LeadDraft, type LeadRecord, type Provenance } from '../leads/schema';

export interface SaveRequest {
  /** A LeadDraftInput from a page, the popup or a file: validated here. */
  lead: unknown;
  /** 'ask' (default) stops and returns the duplicates; 'save' saves anyway. */
  onDuplicate?: 'ask' | 'save';
  /** Keep it local: saved as a draft, not queued. */
  draft?: boolean;
  /** Recorded in the audit trail instead of "edited" (a merge, qualify or disqualify). */
  auditAs?: { kind: 'merged' | 'qualified' | 'disqualified'; details: Record<string, unknown> };
}

export type SaveOutcome =
  | { status: 'saved'; lead: LeadRecord; created: boolean; changed: string[]; duplicates: DuplicateMatch[]; issues: NormalizeIssue[]; score: LeadScore }
  | { status: 'duplicates'; draft: LeadDraft; matches: DuplicateMatch[]; issues: NormalizeIssue[]; score: LeadScore }
  | { status: 'invalid'; error: string };

export interface PipelineDeps {
  settings: PipelineSettings;
  now?: () => Date;
  /** Leads committed by a file import but not yet in the stores (lib/store/journal-mirror.ts). */
  pendingDuplicates?: () => Promise<DuplicateSource | undefined>;
  /** Moves leads still in the import journal to the stores, so an edit changes the stored lead. */
  settleLeads?: (ids: string[]) => Promise<void>;
}

/** Duplicates among an import's leads still in the journal, merged with the stored ones. */
async function withPending(stored: Promise<DuplicateMatch[]>, pending: DuplicateSource | undefined, id: string, draft: LeadDraft & { phoneE164?: LeadRecord['phoneE164'] }): Promise<DuplicateMatch[]> {
  return pending ? mergeMatches(await stored, await findDuplicates(pending, id, draft)) : stored;
}

/** Batches at least this big, and at least 1/BULK_FACTOR of the stored leads, preload the index. */
const BULK_MIN = 200;
const BULK_FACTOR = 20;

/** Fields compared to decide whether an edit changed anything (and to list what changed). */
const trackedFields = [...leadFieldNames, 'statecode', 'statuscode', 'timeline', 'stakeholders', 'qualify', 'custom', 'owner'] as const;

function changedFields(before: LeadRecord, after: LeadRecord): string[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  return trackedFields.filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null));
}

interface Prepared {
  request: SaveRequest;
  draft?: LeadDraft & { phoneE164: LeadRecord['phoneE164'] };
  issues: NormalizeIssue[];
  score?: LeadScore;
  error?: string;
  typed?: Record<string, string>;
}

/** The provenance with the phones as typed (issue #16); a re-save of the stored form keeps the earlier typing. */
function withTyped(prov: Provenance, typed: Record<string, string> | undefined): Provenance {
  return typed && Object.keys(typed).length ? { ...prov, asTyped: { ...prov.asTyped, ...typed } } : prov;
}

/** Everything that needs no database, done before the transaction opens. */
function prepare(request: SaveRequest, settings: PipelineSettings): Prepared {
  const parsed = leadDraft.safeParse(request.lead);
  if (!parsed.success) return { request, issues: [], error: invalidInWords(parsed.error.issues) };
  const { lead, issues, typed } = normalizeLead(parsed.data, { defaultCountry: settings.defaultCountry });
  const score = scoreLead(lead, settings.rules);
  return { request, draft: lead, issues, score, typed };
}

/** What phase one read for a lead: its stored version and its duplicates among stored leads. */
interface PreRead {
  existing?: StoredLead;
  stored: DuplicateMatch[];
}

/** The batch so far: leads saved earlier in it (newer than what phase one read) and their duplicate keys. */
interface Batch {
  source: BatchSource;
  saved: Map<string, StoredLead>;
  audit: AuditSink;
  /** The rows to put, in order, once every lead of the chunk is decided. */
  rows: StoredLead[];
  /** Leads still in the import journal, checked here when phase one did not (a bulk save). */
  pending?: DuplicateSource;
}

async function saveOne(tx: Tx<'readwrite'>, p: Prepared, id: string, pre: PreRead | undefined, batch: Batch, at: string): Promise<SaveOutcome> {
  if (!p.draft || !p.score || !pre) return { status: 'invalid', error: p.error ?? 'invalid' };
  const { draft, score, issues, request } = p;
  // A lead saved earlier in this batch is newer than what phase one read.
  const stored = batch.saved.get(id) ?? pre.existing;
  const existing = asLead(stored);
  const fresh = (m: DuplicateMatch) => ({ ...m, lead: batch.source.held(m.lead.id) ?? m.lead });
  const keys = dedupeKeys(id, draft);
  const inBatch = withPending(findDuplicates(batch.source, id, draft, [], keys), batch.pending, id, draft);
  const duplicates = mergeMatches(pre.stored.map(fresh), await inBatch);
  if (duplicates.length && (request.onDuplicate ?? 'ask') === 'ask' && !existing) {
    return { status: 'duplicates', draft, matches: duplicates, issues, score };
  }

  // Built from the validated, normalised draft (normalizeLead keeps the schema's limits) and the
  // store's own fields: not parsed again (house style: no re-parsing our own rows in hot paths).
  const record: LeadRecord = {
    ...draft,
    id,
    // The score is a suggestion: a rating the rep chose stays.
    leadqualitycode: draft.leadqualitycode ?? score.rating,
    provenance: withTyped(draft.provenance ?? existing?.provenance ?? { origin: 'manual', capturedAt: at, fields: {} }, p.typed),
    sync: existing?.sync ?? { state: 'ready' },
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  const changed = existing ? changedFields(existing, record) : [];
  if (existing && !changed.length) {
    return { status: 'saved', lead: existing, created: false, changed, duplicates, issues, score };
  }

  if (!existing) {
    const prov = record.provenance;
    batch.audit({
      leadId: id, at, kind: 'captured',
      details: {
        origin: prov.origin, sourceUrl: prov.sourceUrl, pageTitle: prov.pageTitle, capturedAt: prov.capturedAt,
        lawfulBasis: prov.lawfulBasis, capturedBy: prov.capturedBy, // issue #8: why and by whom
        methods: Object.fromEntries(Object.entries(prov.fields).map(([f, v]) => [f, v.method])),
        duplicatesIgnored: duplicates.map((d) => d.lead.id),
      },
    });
  } else {
    const kind = request.auditAs?.kind ?? 'edited';
    batch.audit({ leadId: id, at, kind, details: { fields: changed, ...request.auditAs?.details } });
  }
  const job = nextRevision(stored?.outbox, id, at, batch.audit, { draft: request.draft ?? (existing ? undefined : false) });
  record.sync = syncInfoOf(job, existing?.sync);
  // One put: the lead, its outbox job and its duplicate keys are one record (issue #15).
  const row: StoredLead = { ...record, outbox: job, dedupe: keys };
  batch.rows.push(row);
  batch.source.add(record, keys);
  batch.saved.set(id, row);
  return { status: 'saved', lead: record, created: !existing, changed, duplicates, issues, score };
}

/** Leads handled per step: one chunk's rows are written while the next is validated and decided. */
const CHUNK = 500;

/** Saves many leads in one transaction (imports). Each gets its own outcome; invalid ones and
 * stopped duplicates are reported, never half-written. */
export async function saveLeads(requests: readonly SaveRequest[], deps: PipelineDeps): Promise<SaveOutcome[]> {
  await phoneMetadataReady();
  const at = (deps.now ?? (() => new Date()))().toISOString();
  // Before the transaction: it must not wait on other work. The ids are the requests' own (an
  // invalid one settles nothing and is reported below).
  await deps.settleLeads?.(requests.flatMap((r) => requestedId(r.lead) ?? []));
  const pending = await deps.pendingDuplicates?.();
  const tx = openTx(await getDb(), ['leads', 'audit'], 'readwrite');
  const leads = tx.objectStore('leads');
  const store = unwrap(leads);
  // A big batch reads every stored lead's duplicate keys once and checks in memory, against them
  // and the batch so far together; a few leads look up in the indexes (cheaper than reading
  // 100,000 leads for one).
  const memory = requests.length >= BULK_MIN && requests.length * BULK_FACTOR >= (await leads.count()) ? await memorySource(tx) : undefined;
  const audit = new AuditBatch();
  const batch: Batch = { source: memory ?? new BatchSource(), saved: new Map(), audit: audit.add, rows: [], pending: memory ? pending : undefined };
  const outcomes: SaveOutcome[] = [];
  // Chunk by chunk, so IndexedDB writes one chunk's rows while the next is validated and decided.
  for (let from = 0; from < requests.length; from += CHUNK) {
    const prepared = requests.slice(from, from + CHUNK).map((r) => prepare(r, deps.settings));
    const ids = prepared.map((p) => p.draft?.id ?? crypto.randomUUID());
    // Every read of the chunk at once, so IndexedDB serves them back to back instead of waiting
    // on a round trip per lead. Then each lead is decided in order, checked against the ones
    // saved before it in this batch too.
    const pre = await Promise.all(prepared.map(async (p, i): Promise<PreRead | undefined> => {
      if (!p.draft) return undefined;
      const [existing, stored] = await Promise.all([
        p.draft.id ? leads.get(p.draft.id) : undefined,
        memory ? [] : withPending(findDuplicates(dbSource(tx), ids[i], p.draft), pending, ids[i], p.draft),
      ]);
      return { existing, stored };
    }));
    for (const [i, p] of prepared.entries()) outcomes.push(await saveOne(tx, p, ids[i], pre[i], batch, at));
    // Nothing waits on a single put, and a failed one still aborts the transaction awaited below.
    for (const row of batch.rows) store.put(row);
    batch.rows.length = 0;
  }
  audit.flush(tx);
  await tx.done;
  return outcomes;
}

/** The id a request names, before validation (to settle it before the transaction opens). */
function requestedId(lead: unknown): string | undefined {
  const id = (lead as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Saves one lead inside the caller's transaction (over leads and audit): the journal's apply
 * writes its part's audit entries as one batch (`audit`). */
export async function saveInTransaction(tx: Tx<'readwrite'>, request: SaveRequest, deps: PipelineDeps, at: string, audit: AuditSink): Promise<SaveOutcome> {
  const p = prepare(request, deps.settings);
  if (!p.draft) return { status: 'invalid', error: p.error ?? 'invalid' };
  const id = p.draft.id ?? crypto.randomUUID();
  const [existing, stored] = await Promise.all([
    p.draft.id ? tx.objectStore('leads').get(p.draft.id) : undefined,
    findDuplicates(dbSource(tx), id, p.draft),
  ]);
  const batch: Batch = { source: new BatchSource(), saved: new Map(), audit, rows: [] };
  const out = await saveOne(tx, p, id, { existing, stored }, batch, at);
  writeRows(tx, batch.rows);
  return out;
}

/** Puts the rows on the native store, all at once after the CPU work: nothing waits on a single
 * put, and a failed one still aborts the transaction the caller awaits. */
function writeRows(tx: Tx<'readwrite'>, rows: readonly StoredLead[]): void {
  const store = unwrap(tx.objectStore('leads'));
  for (const row of rows) store.put(row);
}

/**
 * New leads from a file import: the same steps as saveOne's create path (validate, normalise,
 * score) without the duplicate look-up, because the import already decided about duplicates with
 * the user. Returns complete records, or the first invalid lead's error (the import then stops).
 */
export function prepareImportedLeads(leads: readonly unknown[], deps: PipelineDeps, at: string): { records: LeadRecord[] } | { error: string } {
  const records: LeadRecord[] = [];
  for (const lead of leads) {
    const p = prepare({ lead }, deps.settings);
    if (!p.draft || !p.score) return { error: p.error ?? 'invalid' };
    const draft = p.draft;
    const id = draft.id ?? crypto.randomUUID();
    records.push({
      ...draft,
      id,
      leadqualitycode: draft.leadqualitycode ?? p.score.rating,
      provenance: withTyped(draft.provenance ?? { origin: 'import', capturedAt: at, fields: {} }, p.typed),
      sync: syncInfoOf(importJob(id, at), undefined),
      createdAt: at,
      updatedAt: at,
    } as LeadRecord);
  }
  return { records };
}

const importJob = (leadId: string, at: string): OutboxJob => ({ leadId, revision: 1, op: 'create', state: 'ready', attempts: 0, syncedRevision: 0, inDoubt: false, dueAt: at, updatedAt: at });

/** Writes prepared import records inside the caller's transaction: one put per lead (its outbox
 * job and duplicate keys ride on it), and the "captured" entries through `audit` (one per part).
 * Returns each lead's duplicate keys as written. */
export function writeImportedLeads(tx: Tx<'readwrite'>, records: readonly LeadRecord[], at: string, audit: AuditSink): DedupeKeys[] {
  // The native store: nothing waits on these puts, and a failed one still aborts the transaction.
  const leadsStore = unwrap(tx.objectStore('leads'));
  const written: DedupeKeys[] = [];
  for (const record of records) {
    const job = importJob(record.id, at);
    const prov = record.provenance;
    const dedupe = dedupeKeys(record.id, record);
    written.push(dedupe);
    leadsStore.put({ ...record, outbox: job, dedupe } satisfies StoredLead);
    // One entry says both facts ("captured" and the outbox job it was queued as).
    audit({
      leadId: record.id, at, kind: 'captured',
      details: { origin: prov.origin, pageTitle: prov.pageTitle, capturedAt: prov.capturedAt, methods: {}, duplicatesIgnored: [], queued: { key: jobKey(job), op: job.op } },
    });
  }
  return written;
}

/** Validates and normalises a draft without saving it (an import row that updates a stored lead). */
export function validateDraft(lead: unknown, deps: PipelineDeps): { draft: LeadDraft } | { error: string } {
  const p = prepare({ lead }, deps.settings);
  return p.draft ? { draft: p.draft } : { error: p.error ?? 'invalid' };
}

export async function saveLeadThroughPipeline(request: SaveRequest, deps: PipelineDeps): Promise<SaveOutcome> {
  return (await saveLeads([request], deps))[0];
}

/** Duplicates of a draft without saving it (the popup asks while the rep types). */
export async function checkDuplicates(input: unknown, deps: PipelineDeps): Promise<{ matches: DuplicateMatch[]; issues: NormalizeIssue[]; score: LeadScore }> {
  await phoneMetadataReady();
  const p = prepare({ lead: input }, deps.settings);
  if (!p.draft || !p.score) throw Object.assign(new Error(p.error ?? 'invalid'), { code: 'invalid' });
  const pending = await deps.pendingDuplicates?.();
  const tx = openTx(await getDb(), ['leads'], 'readonly');
  const matches = await withPending(findDuplicates(dbSource(tx), p.draft.id ?? '', p.draft), pending, p.draft.id ?? '', p.draft);
  await tx.done;
  return { matches, issues: p.issues, score: p.score };
}
