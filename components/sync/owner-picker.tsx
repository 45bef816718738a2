// Owner at capture (issue #17): the signed-in rep by default; or a user or team of the org,
// searched by name through the background. Used by the lead form and the Import page.
import './sync.css';
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import type { LeadOwner } from '@/lib/leads/schema';

interface Props {
  value: LeadOwner | undefined;
  onChange: (owner: LeadOwner | undefined) => void;
  /** Field name prefix, so the form and the Import page can both hold one. */
  name?: string;
  label?: string;
}

export function OwnerPicker({ value, onChange, name = 'owner', label = t('owner_label') }: Props) {
  const term = useSignal('');
  const results = useSignal<LeadOwner[]>([]);
  const problem = useSignal('');
  useEffect(() => {
    const q = term.value.trim();
    if (q.length < 2) {
      results.value = [];
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      send('sync/owners', { term: q })
        .then((r) => { if (!stale) { results.value = r.matches; problem.value = ''; } })
        .catch(() => { if (!stale) { results.value = []; problem.value = t('owner_offline'); } });
    }, 300);
    return () => { stale = true; clearTimeout(timer); };
  }, [term.value]);
  return (
    <div class="field owner-picker" data-testid={`${name}-picker`}>
      <label for={`${name}-search`}>{label}</label>
      <p class="owner-current" data-testid={`${name}-current`}>
        {value ? `${value.name} (${t(`owner_kind_${value.entity}`)})` : t('owner_me')}
        {value && <> <button type="button" class="link" data-action={`${name}-reset`} onClick={() => onChange(undefined)}>{t('owner_reset')}</button></>}
      </p>
      <div class="crm-search">
        <input id={`${name}-search`} name={`${name}-search`} type="search" placeholder={t('owner_search')} value={term.value} maxLength={200} onInput={(e) => (term.value = e.currentTarget.value)} />
        {results.value.length > 0 && (
          <ul class="crm-search-results" role="listbox" data-testid={`${name}-results`}>
            {results.value.map((o) => (
              <li key={o.id} role="option" aria-selected={o.id === value?.id}>
                <button type="button" data-owner-id={o.id} onClick={() => { onChange(o); term.value = ''; results.value = []; }}>
                  {o.name} · {t(`owner_kind_${o.entity}`)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {problem.value && <p class="muted" role="status">{problem.value}</p>}
    </div>
  );
}
