import { t } from '@/lib/i18n/t';
import { tn } from '@/lib/i18n/plural';
import { formatDateTime } from '@/lib/i18n/format';
import type { LeadSort } from '@/lib/leads/lead-query';
import { DncBadge } from '@/components/privacy/dnc-badge';
import { fullName, syncState, type LeadRecord, type SyncState } from '@/lib/leads/schema';

export interface LeadsListProps {
  /** The first rows of the leads matching the search (the background searched and sorted them). */
  leads: LeadRecord[];
  /** How many leads match. */
  total: number;
  /** A search or a status filter is set (no match is then not "no leads yet"). */
  filtered: boolean;
  text: string;
  state: SyncState | '';
  sort: LeadSort;
  onText: (text: string) => void;
  onState: (state: SyncState | '') => void;
  onSort: (sort: LeadSort) => void;
  onMore: () => void;
  onOpen: (id: string) => void;
  onDelete: (lead: LeadRecord) => void;
  onExport: () => void;
}

/** The rep's captured leads: search, sort, filter by status, open, delete, export. */
export function LeadsList(p: LeadsListProps) {
  const more = Math.min(p.total - p.leads.length, 200);
  return (
    <section class="leads">
      <div class="toolbar">
        <input type="search" name="search" aria-label={t('leads_search')} placeholder={t('leads_search')} value={p.text} onInput={(e) => p.onText(e.currentTarget.value)} />
        <label>{t('leads_filter_status')}{' '}
          <select name="status-filter" value={p.state} onChange={(e) => p.onState(e.currentTarget.value as SyncState | '')}>
            <option value="">{t('filter_all')}</option>
            {syncState.options.map((s) => <option key={s} value={s}>{t(`sync_state_${s}`)}</option>)}
          </select>
        </label>
        <label>{t('leads_sort')}{' '}
          <select name="sort" value={p.sort} onChange={(e) => p.onSort(e.currentTarget.value as LeadSort)}>
            {(['updated', 'name', 'company', 'status'] as const).map((s) => <option key={s} value={s}>{t(`sort_${s}`)}</option>)}
          </select>
        </label>
        <span class="muted" data-testid="lead-count">{tn('count_leads', p.total)}</span>
        <button type="button" data-action="export-csv" onClick={p.onExport} disabled={!p.total && !p.filtered}>{t('action_export_csv')}</button>
      </div>
      {p.total === 0 ? <p class="empty">{t(p.filtered ? 'leads_no_match' : 'leads_empty')}</p> : (
        <table class="leads-table">
          <thead>
            <tr>
              <th>{t('col_name')}</th><th>{t('col_company')}</th><th>{t('col_email')}</th><th>{t('col_topic')}</th>
              <th>{t('col_status')}</th><th>{t('col_updated')}</th><th><span class="sr-only">{t('col_actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {p.leads.map((l) => (
              <tr key={l.id} data-lead-id={l.id}>
                <td>
                  <a href={`#/lead/${l.id}`} onClick={(e) => { e.preventDefault(); p.onOpen(l.id); }}>{fullName(l)}</a>
                  <DncBadge lead={l} />
                </td>
                <td>{l.companyname}</td>
                <td>{l.emailaddress1}</td>
                <td>{l.subject}</td>
                <td><span class={`state state--${l.sync.state}`}>{t(`sync_state_${l.sync.state}`)}</span></td>
                <td data-testid="lead-updated">{formatDateTime(l.updatedAt)}</td>
                <td><button type="button" class="link" data-action="delete" onClick={() => p.onDelete(l)}>{t('action_delete')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more > 0 && <button type="button" data-action="show-more" onClick={p.onMore}>{t('leads_show_more', String(more))}</button>}
    </section>
  );
}
