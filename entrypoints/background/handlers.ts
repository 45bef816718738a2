// Message -> lib call, nothing else.
import { deleteLead, getLead, listLeads, restoreLead, saveLead } from '@/lib/leads/repo';
import type { LeadDraftInput, LeadRecord } from '@/lib/leads/schema';
import type { Handlers } from '@/lib/messaging/serve';
import { refreshBadge } from '@/lib/badge';
import * as sync from '@/lib/sync/service';

export const handlers: Handlers = {
  'leads/save': async ({ lead }) => {
    const saved = await saveLead(lead as LeadDraftInput);
    void refreshBadge();
    void sync.scheduleSync(0);
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
  'sync/connection/get': () => sync.getConnection(),
  'sync/connection/save': (input) => sync.saveConnection(input),
  'sync/sign-in': () => sync.signIn(),
  'sync/sign-out': () => sync.signOut(),
  'sync/test': () => sync.checkConnection(),
  'sync/now': () => sync.syncNow(),
  'sync/status': () => sync.syncStatus(),
  'sync/resolve': async ({ id, keep }) => {
    await sync.resolveConflict(id, keep);
    return {};
  },
  'sync/lookup': (probe) => sync.lookupExisting(probe),
  'sync/search': ({ kind, term }) => sync.searchCrm(kind, term),
  'sync/option-sets': ({ force }) => sync.optionSets(force),
};
