// Message -> lib call, nothing else.
import { deleteLead, getLead, listLeads, restoreLead, saveLead } from '@/lib/leads/repo';
import type { LeadDraftInput, LeadRecord } from '@/lib/leads/schema';
import type { Handlers } from '@/lib/messaging/serve';
import { refreshBadge } from '@/lib/badge';
import { commitImport, discardImport, stageBatch, storedDedupeKeys } from '@/lib/import/import-staging';

export const handlers: Handlers = {
  'leads/save': async ({ lead }) => {
    const saved = await saveLead(lead as LeadDraftInput);
    void refreshBadge();
    return { lead: saved };
  },
  'leads/get': async ({ id }) => ({ lead: (await getLead(id)) ?? null }),
  'leads/list': async () => ({ leads: await listLeads() }),
  'leads/delete': async ({ id }) => {
    const deleted = await deleteLead(id);
    void refreshBadge();
    return { lead: deleted ?? null };
  },
  'leads/restore': async ({ lead }) => {
    const restored = await restoreLead(lead as LeadRecord);
    void refreshBadge();
    return { lead: restored };
  },
  'import/keys': async () => ({ keys: await storedDedupeKeys() }),
  'import/stage': async ({ importId, creates, updates }) => ({ staged: await stageBatch(importId, creates, updates) }),
  'import/commit': async ({ importId }) => {
    const result = await commitImport(importId);
    void refreshBadge();
    return result;
  },
  'import/discard': async ({ importId }) => ({ discarded: await discardImport(importId) }),
};
