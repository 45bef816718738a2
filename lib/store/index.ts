// The one door to the lead database (issue #15): nothing outside lib/store hears of the import journal (docs/import.md).
import { commitImport as commitStaged, stageBatch } from './import-staging';
import { applyAfterCommit } from './apply-in-background';
import { pendingImport } from './journal-mirror';
import { pipelineDeps } from './lead-repo';
import * as pipeline from './save-pipeline';
import type { PipelineDeps, SaveOutcome, SaveRequest } from './save-pipeline';
import type { DuplicateMatch } from '../leads/dedupe';
import type { NormalizeIssue } from '../leads/normalize';
import type { LeadScore } from '../leads/score';

export { DB_NAME } from './open';
// Reading leads: one lead, a page of the options list, every lead (cached until a change).
export { getLead, listLeads, deleteLead, restoreLead, saveLead, changeLead, type LeadChange } from './lead-repo';
export { leadPage, everyLead, type LeadPage } from './lead-list';
export { qualifyCandidates } from './qualify-candidates';
export { listAudit } from './audit-trail';
// Changes the popup and options page ask for.
export { mergeIntoLead, qualifyStoredLead, disqualifyStoredLead, retryLead } from './lead-actions';
// The sync queue's view of the outbox.
export { claimDueJobs, recordSyncResults, outboxStatus, needsAttentionCount, retryFailedLeads, requeueLead, type RequeueOptions } from './sync-queue';
export { waitingToSync } from './waiting-count';
// File imports: staged in one transaction, committed, applied in the background.
export { storedDedupeKeys as importKeys, discardImport, ImportStagingError } from './import-staging';
export { applyImportsInBackground as resumeImports, whenImportedLeadsQueued } from './apply-in-background';
// Privacy's walks over every store.
export { forLeadsSettled } from './leads-settled';
export type { SaveOutcome, SaveRequest, PipelineDeps };

/** Saves a batch through the one pipeline (captured, hand-entered, batch-saved leads). */
export async function saveLeads(requests: readonly SaveRequest[], deps?: PipelineDeps): Promise<SaveOutcome[]> {
  return pipeline.saveLeads(requests, deps ?? (await pipelineDeps()));
}

export async function saveLeadThroughPipeline(request: SaveRequest, deps?: PipelineDeps): Promise<SaveOutcome> {
  return (await saveLeads([request], deps))[0];
}

/** Duplicates of a draft without saving it (the popup asks while the rep types). */
export async function checkDuplicates(lead: unknown, deps?: PipelineDeps): Promise<{ matches: DuplicateMatch[]; issues: NormalizeIssue[]; score: LeadScore }> {
  return pipeline.checkDuplicates(lead, deps ?? (await pipelineDeps()));
}

/** Queues a batch of a file import for its staging transaction (validated by the pipeline). */
export async function stageImport(importId: string, creates: unknown[], updates: { id: string; lead: unknown }[], deps?: PipelineDeps): Promise<number> {
  return stageBatch(importId, creates, updates, deps ?? (await pipelineDeps()));
}

/** Commits a staged import: small ones are in the lead stores before this answers, big ones
 * are listed at once and join the outbox in the background (`pending` leads still on their way). */
export async function commitImport(importId: string): Promise<{ created: number; updated: number; pending: number }> {
  const committed = await commitStaged(importId);
  return { ...committed, ...(await applyAfterCommit(committed.created + committed.updated)) };
}

/** Leads of committed imports not yet in the outbox. */
export async function importPending(): Promise<number> {
  return (await pendingImport()).leads;
}
// Privacy's walk over every store of every LeadClip database (forget, export, retention): the
// store owns IndexedDB, privacy decides what to erase or show.
export { featureDatabases, forEachLeadDatabase, NOT_LEAD_DATA } from './feature-databases';
export { eraseTraces, findTraces, storeNames, type EraseResult, type Trace } from './lead-traces';
export { mentions } from './refers-to';
export { syncedLeads, type LeadDb } from './leads-settled';
