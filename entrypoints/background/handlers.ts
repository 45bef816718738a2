// Message -> lib call, nothing else.
import {
  checkDuplicates, commitImport, deleteLead, disqualifyStoredLead, discardImport, getLead, importKeys, importPending, leadPage, listAudit,
  mergeIntoLead, qualifyCandidates, qualifyStoredLead, restoreLead, retryLead, saveLeadThroughPipeline, saveLeads, stageImport, waitingToSync,
} from '@/lib/store';
import { privacyHandlers } from '@/lib/privacy/handlers';
import { guardBatch, guardImport, guardLead } from '@/lib/privacy/save-gate';
import type { LeadRecord } from '@/lib/leads/schema';
import type { Handlers } from '@/lib/messaging/serve';
import { refreshBadge } from '@/lib/badge';
import { refreshSyncActivation } from '@/lib/sync/activation';
import { loadPipelineSettings, phoneCountries, saveDefaultCountry, saveScoringRules } from '@/lib/leads/pipeline-settings';
import { defaultScoringRules } from '@/lib/leads/score';
import { kickQueue } from '@/lib/queue/schedule';

// Sync and Exchange load with the first message that needs them, not at every wake-up (issue #15).
const sync = () => import('@/lib/sync/service');
const exchange = () => import('@/lib/exchange/exchange-service');

/** After anything that queues work: send it and update the badge. */
const queued = <T>(value: T): T => {
  void kickQueue();
  return value;
};
import { openWebmailCapture } from '@/lib/webmail/open-capture';

/** After connection changes: the queue sends only while sync can work. */
const activated = async <T>(value: T): Promise<T> => {
  await refreshSyncActivation();
  return value;
};

export const handlers: Handlers = {
  'leads/get': async ({ id }) => ({ lead: (await getLead(id)) ?? null }),
  'leads/list': ({ offset, limit, ...query }) => leadPage(query, offset, limit),
  'leads/delete': async ({ id }) => {
    const deleted = await deleteLead(id);
    void refreshBadge();
    return { lead: deleted ?? null };
  },
  'leads/restore': async ({ lead }) => queued({ lead: await restoreLead(lead as LeadRecord) }),
  'leads/assess': ({ lead }) => checkDuplicates(lead),
  'leads/save': async ({ lead, onDuplicate, draft, confirmFreeMail }) => {
    const out = await saveLeadThroughPipeline({ lead: await guardLead(lead, { confirmFreeMail }), onDuplicate, draft });
    if (out.status === 'invalid') throw Object.assign(new Error(out.error), { code: 'invalid' });
    if (out.status === 'duplicates') return { status: 'duplicates', matches: out.matches, issues: out.issues };
    return queued({ status: 'saved', lead: out.lead, issues: out.issues });
  },
  'sync/connection/get': async () => (await sync()).getConnection(),
  'sync/connection/save': async (input) => activated(await (await sync()).saveConnection(input)),
  'sync/sign-in': async () => activated(await (await sync()).signIn()),
  'sync/discover': async (input) => (await sync()).discover(input),
  'sync/sign-out': async () => activated(await (await sync()).signOut()),
  'sync/test': async () => (await sync()).checkConnection(),
  'sync/now': async () => (await sync()).syncNow(),
  'sync/status': async () => (await sync()).syncStatus(),
  'sync/resolve': async ({ id, keep }) => {
    await (await sync()).resolveConflict(id, keep);
    return {};
  },
  'sync/lookup': async (probe) => (await sync()).lookupExisting(probe),
  'sync/search': async ({ kind, term }) => (await sync()).searchCrm(kind, term),
  'sync/option-sets': async ({ force }) => (await sync()).optionSets(force),
  'sync/owners': async ({ term }) => (await sync()).searchOwners(term),
  'leads/save-batch': async ({ leads, onDuplicate }) => {
    const rows = await guardBatch(leads);
    const allowed = rows.flatMap((r) => (r.ok ? [r.lead] : []));
    const saved = (await saveLeads(allowed.map((lead) => ({ lead, onDuplicate })))).values();
    // Refused rows keep their place, so outcome n is still row n.
    const outcomes = rows.map((r) => (r.ok ? saved.next().value! : { status: 'invalid' as const, error: r.error }));
    return queued({
      outcomes: outcomes.map((o) =>
        o.status === 'saved' ? { status: 'saved' as const, id: o.lead.id }
        : o.status === 'duplicates' ? { status: 'duplicates' as const, matches: o.matches.map((m) => ({ id: m.lead.id, rules: m.rules, fields: m.fields })) }
        : o),
    });
  },
  'leads/merge': async ({ targetId, values, fields, timeline }) => queued({ lead: await mergeIntoLead(targetId, values, fields, timeline) }),
  'leads/qualify': async (req) => queued({ lead: await qualifyStoredLead(req) }),
  'leads/disqualify': async ({ id, statuscode }) => queued({ lead: await disqualifyStoredLead(id, statuscode) }),
  // Issue #17: the CRM's own accounts and contacts first, then local leads.
  'leads/qualify-candidates': async ({ query, excludeId }) => {
    const [crm, local] = await Promise.all([sync().then((s) => s.qualifyCandidatesInCrm(query)).catch(() => ({ accounts: [], contacts: [] })), qualifyCandidates(query, excludeId)]);
    return { accounts: [...crm.accounts, ...local.accounts], contacts: [...crm.contacts, ...local.contacts] };
  },
  'leads/audit': async ({ id }) => ({ entries: await listAudit(id) }),
  'queue/retry': async ({ id }) => queued({ lead: await retryLead(id) }),
  'queue/status': async () => ({ waiting: await waitingToSync() }),
  'settings/scoring-get': async () => ({ rules: (await loadPipelineSettings()).rules, defaults: defaultScoringRules }),
  'settings/scoring-save': async ({ rules }) => ({ rules: await saveScoringRules(rules) }),
  'settings/country-get': async () => ({ country: (await loadPipelineSettings()).defaultCountry, countries: phoneCountries() }),
  'settings/country-set': async ({ country }) => ({ country: await saveDefaultCountry(country) }),
  'webmail/capture': (message, sender) => openWebmailCapture(message, sender),
  'import/keys': async () => ({ keys: await importKeys(), defaultCountry: (await loadPipelineSettings()).defaultCountry }),
  'import/stage': async ({ importId, creates, updates }) => {
    // Privacy (issue #8): a never-capture row stops the import with a clear message, like any refused lead.
    const guarded = await guardImport(creates, updates);
    return { staged: await stageImport(importId, guarded.creates, guarded.updates) };
  },
  'import/commit': async ({ importId }) => queued(await commitImport(importId)),
  'import/pending': async () => ({ pending: await importPending() }),
  'import/discard': async ({ importId }) => ({ discarded: await discardImport(importId) }),
  'exchange/folders': async () => (await exchange()).exchangeFolders(),
  'exchange/read': async ({ folderIds }) => (await exchange()).exchangeRead(folderIds),
  'exchange/remember': async ({ readId }) => (await exchange()).exchangeRemember(readId),
  ...privacyHandlers(async (leadId) => (await sync()).deleteInCrm(leadId)),
};
