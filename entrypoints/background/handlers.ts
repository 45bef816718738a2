// Message -> lib call, nothing else.
import { deleteLead, getLead, listLeads, restoreLead } from '@/lib/leads/repo';
import { saveLeadWithPrivacy } from '@/lib/privacy/guarded-save';
import { privacyHandlers } from '@/lib/privacy/handlers';
import type { LeadDraftInput, LeadRecord } from '@/lib/leads/schema';
import type { Handlers } from '@/lib/messaging/serve';
import { refreshBadge } from '@/lib/badge';

export const handlers: Handlers = {
  'leads/save': async ({ lead, confirmFreeMail }) => {
    const saved = await saveLeadWithPrivacy(lead as LeadDraftInput, { confirmFreeMail });
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
  ...privacyHandlers,
};
