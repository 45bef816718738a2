// "Already in the CRM" while capturing: asks the background (which holds the CRM session) for
// leads/contacts with the same email, or the same name at the same company, and links to them.
import { useEffect } from 'preact/hooks';
import { useSignal, useComputed } from '@preact/signals';
import { lazyComponent } from '@/components/lazy-component';
import { send } from '@/lib/messaging/send';
import type { LeadFormModel } from '@/lib/state/lead-form-model';
import type { CrmMatch } from '@/lib/sync/crm-lookup';

// Only a connected org with a match shows anything, so the banner's code is fetched then.
const CrmMatchList = lazyComponent(() => import('./crm-match-list').then((m) => m.CrmMatchList));

export function CrmMatches({ model }: { model: LeadFormModel }) {
  const matches = useSignal<CrmMatch[]>([]);
  const probe = useComputed(() => {
    const v = model.state.value.values;
    const s = (x: unknown) => (typeof x === 'string' ? x.trim() : '');
    return JSON.stringify({ email: s(v.emailaddress1) || undefined, firstname: s(v.firstname) || undefined, lastname: s(v.lastname) || undefined, companyname: s(v.companyname) || undefined });
  });
  useEffect(() => {
    const p = JSON.parse(probe.value) as { email?: string; lastname?: string; companyname?: string };
    if (!p.email && !(p.lastname && p.companyname)) {
      matches.value = [];
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      send('sync/lookup', p)
        .then((r) => { if (!stale) matches.value = r.matches.filter((m) => m.id !== model.state.peek().id); })
        .catch(() => { if (!stale) matches.value = []; }); // not connected or offline: say nothing
    }, 400);
    return () => { stale = true; clearTimeout(timer); };
  }, [probe.value]);
  return matches.value.length ? <CrmMatchList matches={matches.value} /> : null;
}
