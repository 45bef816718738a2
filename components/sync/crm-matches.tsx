// "Already in the CRM" while capturing: asks the background (which holds the CRM session) for
// leads/contacts with the same email, or the same name at the same company, and links to them.
import { useEffect } from 'preact/hooks';
import { useSignal, useComputed } from '@preact/signals';
import { browser } from '#imports';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import type { LeadFormModel } from '@/lib/state/lead-form-model';
import type { CrmMatch } from '@/lib/sync/crm-lookup';

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
  if (!matches.value.length) return null;
  return (
    <p class="banner banner--info" role="status" data-testid="already-in-crm">
      {t('syncAlreadyInCrm')}{' '}
      {matches.value.map((m, i) => (
        <span key={m.entity + m.id}>
          {i > 0 && ', '}
          <a href={m.url} onClick={(e) => { e.preventDefault(); void browser.tabs.create({ url: m.url }); }}>{m.name}</a>
        </span>
      ))}
    </p>
  );
}
