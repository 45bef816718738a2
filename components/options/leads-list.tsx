import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import { queryLeads, type LeadSort } from '@/lib/leads/lead-query';
import { DncBadge } from '@/components/privacy/dnc-badge';
import { fullName, syncState, type LeadRecord, type SyncState } from '@/lib/leads/schema';

export interface LeadsListProps {
  leads: LeadRecord[];
  onOpen: (id: string) => void;
  onDelete: (lead: LeadRecord) => void;
  onExport: () => void;
}

/** The rep's captured leads: search, sort, filter by status, open, delete, export. */
export function LeadsList({ leads, onOpen, onDelete, onExport }: LeadsListProps) {
  const text = useSignal('');
  const state = useSignal<SyncState | ''>('');
  const sort = useSignal<LeadSort>('updated');
  const shown = queryLeads(leads, { text: text.value, state: state.value, sort: sort.value });
  return (
    <section class="leads">
      <div class="toolbar">
        <input type="search" name="search" aria-label={t('leads_search')} placeholder={t('leads_search')} value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} />
        <label>{t('leads_filter_status')}{' '}
          <select name="status-filter" value={state.value} onChange={(e) => (state.value = e.currentTarget.value as SyncState | '')}>
            <option value="">{t('filter_all')}</option>
            {syncState.options.map((s) => <option key={s} value={s}>{t(`sync_state_${s}`)}</option>)}
          </select>
        </label>
        <label>{t('leads_sort')}{' '}
          <select name="sort" value={sort.value} onChange={(e) => (sort.value = e.currentTarget.value as LeadSort)}>
            {(['updated', 'name', 'company', 'status'] as const).map((s) => <option key={s} value={s}>{t(`sort_${s}`)}</option>)}
          </select>
        </label>
        <span class="muted" data-testid="lead-count">{t('leads_count', String(shown.length))}</span>
        <button type="button" data-action="export-csv" onClick={onExport} disabled={!leads.length}>{t('action_export_csv')}</button>
      </div>
      {leads.length === 0 ? <p class="empty">{t('leads_empty')}</p> : shown.length === 0 ? <p class="empty">{t('leads_no_match')}</p> : (
        <table class="leads-table">
          <thead>
            <tr>
              <th>{t('col_name')}</th><th>{t('col_company')}</th><th>{t('col_email')}</th><th>{t('col_topic')}</th>
              <th>{t('col_status')}</th><th>{t('col_updated')}</th><th><span class="sr-only">{t('col_actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((l) => (
              <tr key={l.id} data-lead-id={l.id}>
                <td>
                  <a href={`#/lead/${l.id}`} onClick={(e) => { e.preventDefault(); onOpen(l.id); }}>{fullName(l)}</a>
                  <DncBadge lead={l} />
                </td>
                <td>{l.companyname}</td>
                <td>{l.emailaddress1}</td>
                <td>{l.subject}</td>
                <td><span class={`state state--${l.sync.state}`}>{t(`sync_state_${l.sync.state}`)}</span></td>
                <td>{new Date(l.updatedAt).toLocaleString()}</td>
                <td><button type="button" class="link" data-action="delete" onClick={() => onDelete(l)}>{t('action_delete')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
