import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { leadsToCsv } from '@/lib/export/leads-csv';
import { downloadText } from '@/lib/export/download';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import type { LeadSort } from '@/lib/leads/lead-query';
import { fullName, type LeadRecord, type SyncState } from '@/lib/leads/schema';
import { LeadsList } from './leads-list';

/** Rows shown at a time, and added by "Show more": a 100,000-lead list stays quick. */
const PAGE_ROWS = 200;
/** Leads per message when exporting them all (extension messages are capped at 64 MB). */
const EXPORT_CHUNK = 5000;
/** Typing pauses this long before the background searches. */
const SEARCH_DELAY_MS = 150;

/** The list of stored leads (searched in the background, a page at a time) with delete-and-undo
 * and CSV export. */
export function LeadsPage({ onOpen }: { onOpen: (id: string) => void }) {
  const text = useSignal('');
  const state = useSignal<SyncState | ''>('');
  const sort = useSignal<LeadSort>('updated');
  const rows = useSignal(PAGE_ROWS);
  const page = useSignal<{ leads: LeadRecord[]; total: number } | undefined>(undefined);
  const error = useSignal('');
  const undo = useSignal<LeadRecord | undefined>(undefined);
  const asked = useRef(0);

  async function load() {
    // Answers may overtake each other while the rep types: only the latest counts.
    const ask = ++asked.current;
    try {
      const answer = await send('leads/list', { text: text.value, state: state.value, sort: sort.value, offset: 0, limit: rows.value });
      if (ask !== asked.current) return;
      page.value = answer;
      error.value = '';
    } catch (err) {
      if (ask === asked.current) error.value = t('load_failed', err instanceof Error ? err.message : String(err));
    }
  }
  useEffect(() => {
    const timer = setTimeout(() => void load(), text.value ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [text.value, state.value, sort.value, rows.value]);

  function query(change: () => void) {
    change();
    rows.value = PAGE_ROWS;
  }

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

  async function exportCsv() {
    const all: LeadRecord[] = [];
    for (let offset = 0; ; offset += EXPORT_CHUNK) {
      const chunk = await send('leads/list', { offset, limit: EXPORT_CHUNK });
      all.push(...chunk.leads);
      if (offset + EXPORT_CHUNK >= chunk.total) break;
    }
    const stamp = new Date().toISOString().slice(0, 10);
    downloadText(`leadclip-leads-${stamp}.csv`, leadsToCsv(all));
  }

  const filtered = !!text.value.trim() || !!state.value;
  return (
    <>
      {error.value && <p class="banner banner--warning" role="alert">{error.value}</p>}
      {undo.value && (
        <div class="toast" role="status" data-testid="undo-toast">
          {t('deleted_lead', fullName(undo.value))}{' '}
          <button type="button" data-action="undo" onClick={restore}>{t('action_undo')}</button>
        </div>
      )}
      {page.value ? (
        <LeadsList
          leads={page.value.leads} total={page.value.total} filtered={filtered}
          text={text.value} state={state.value} sort={sort.value}
          onText={(v) => query(() => (text.value = v))} onState={(v) => query(() => (state.value = v))} onSort={(v) => query(() => (sort.value = v))}
          onMore={() => (rows.value += PAGE_ROWS)} onOpen={onOpen} onDelete={remove} onExport={() => void exportCsv()}
        />
      ) : <div aria-busy="true" />}
    </>
  );
}
