// "Where did it go" (issue #13): the last ten leads with their sync state, and the way to the
// Leads, Sync and Settings pages. Read from the background like every list; refreshed after each save.
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { browser } from '#imports';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import type { LeadRecord } from '@/lib/leads/schema';
import { DncBadge } from '@/components/privacy/dnc-badge';

const optionsUrl = (hash: string) => browser.runtime.getURL(`/options.html${hash}`);

export function RecentCaptures({ version }: { /** Changes after each save, to read the list again. */ version: number }) {
  const leads = useSignal<LeadRecord[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    send('leads/list', { sort: 'updated', limit: 10, offset: 0 }).then((r) => live && (leads.value = r.leads), () => live && (leads.value = []));
    return () => void (live = false);
  }, [version]);
  if (!leads.value) return null;
  return (
    <section class="recent-captures" data-testid="recent-captures" aria-labelledby="h-recent">
      <h2 id="h-recent">{t('recent_title')}</h2>
      {leads.value.length === 0 && <p class="muted">{t('recent_none')}</p>}
      <ul>
        {leads.value.map((l) => (
          <li key={l.id} data-lead-id={l.id} data-sync-state={l.sync.state}>
            <a href={optionsUrl(`#/lead/${l.id}`)} target="_blank" rel="noopener">{[l.firstname, l.lastname].filter(Boolean).join(' ')}</a>
            {l.companyname && <span class="muted"> · {l.companyname}</span>}
            <span class={`sync-badge sync-badge--${l.sync.state}`}>{t(`sync_state_${l.sync.state}`)}</span>
            <DncBadge lead={l} />
          </li>
        ))}
      </ul>
      <p class="recent-links">
        <a data-testid="link-leads" href={optionsUrl('#/leads')} target="_blank" rel="noopener">{t('recent_all_leads')}</a>
        {' · '}
        <a data-testid="link-sync" href={optionsUrl('#/sync')} target="_blank" rel="noopener">{t('recent_sync')}</a>
        {' · '}
        <a data-testid="link-settings" href={optionsUrl('#/settings')} target="_blank" rel="noopener">{t('recent_settings')}</a>
      </p>
    </section>
  );
}
