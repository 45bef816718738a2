// The "Already in the CRM" banner: links to the org's leads/contacts that match the form.
import { browser } from '#imports';
import { t } from '@/lib/i18n/t';
import type { CrmMatch } from '@/lib/sync/crm-lookup';

export function CrmMatchList({ matches }: { matches: CrmMatch[] }) {
  return (
    <p class="banner banner--info" role="status" data-testid="already-in-crm">
      {t('syncAlreadyInCrm')}{' '}
      {matches.map((m, i) => (
        <span key={m.entity + m.id}>
          {i > 0 && ', '}
          <a href={m.url} onClick={(e) => { e.preventDefault(); void browser.tabs.create({ url: m.url }); }}>{m.name}</a>
        </span>
      ))}
    </p>
  );
}
