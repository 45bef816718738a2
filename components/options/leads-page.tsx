import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { leadsToCsv } from '@/lib/export/leads-csv';
import { downloadText } from '@/lib/export/download';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import { fullName, type LeadRecord } from '@/lib/leads/schema';
import { LeadsList } from './leads-list';
import { usePendingImport } from '@/components/import/use-pending-import';

/** The list of stored leads with delete-and-undo and CSV export. */
export function LeadsPage({ onOpen }: { onOpen: (id: string) => void }) {
  const leads = useSignal<LeadRecord[] | undefined>(undefined);
  const error = useSignal('');
  const undo = useSignal<LeadRecord | undefined>(undefined);

  async function load() {
    try {
      leads.value = (await send('leads/list', {})).leads;
      error.value = '';
    } catch (err) {
      error.value = t('load_failed', err instanceof Error ? err.message : String(err));
    }
  }
  useEffect(() => void load(), []);
  const importing = usePendingImport(() => void load());

  async function remove(lead: LeadRecord) {
    const { lead: deleted } = await send('leads/delete', { id: lead.id });
    undo.value = deleted ?? undefined;
    await load();
  }

  async function restore() {
    if (!undo.value) return;
    await send('leads/restore', { lead: undo.value });
    undo.value = undefined;
    await load();
  }

  function exportCsv() {
    const stamp = new Date().toISOString().slice(0, 10);
    downloadText(`leadclip-leads-${stamp}.csv`, leadsToCsv(leads.value ?? []));
  }

  return (
    <>
      {error.value && <p class="banner banner--warning" role="alert">{error.value}</p>}
      {importing.value > 0 && <p class="banner banner--info" role="status" data-testid="import-pending">{t('leads_import_pending', String(importing.value))}</p>}
      {undo.value && (
        <div class="toast" role="status" data-testid="undo-toast">
          {t('deleted_lead', fullName(undo.value))}{' '}
          <button type="button" data-action="undo" onClick={restore}>{t('action_undo')}</button>
        </div>
      )}
      {leads.value ? <LeadsList leads={leads.value} onOpen={onOpen} onDelete={remove} onExport={exportCsv} /> : <div aria-busy="true" />}
    </>
  );
}
