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
/** Leads per message (the protocol's cap: extension messages are capped at 64 MB). */
const MAX_ROWS_PER_ASK = 5000;
/** Typing pauses this long before the background searches. */
const SEARCH_DELAY_MS = 150;

/** The list of stored leads (searched in the background, a page at a time) with delete-and-undo
 * and CSV export. */
export function LeadsPage({ onOpen }: { onOpen: (id: string) => void }) {
  const text = useSignal('');
  const state = useSignal<SyncState | ''>('');
  const sort = useSignal<LeadSort>('updated');
  const page = useSignal<{ leads: LeadRecord[]; total: number } | undefined>(undefined);
  const error = useSignal('');
  const undo = useSignal<LeadRecord | undefined>(undefined);
  const asked = useRef(0);

  /** Asks for rows from `offset`; a new search (offset 0) replaces the list, "Show more" extends it. */
  async function load(offset = 0, limit = PAGE_ROWS) {
    // Answers may overtake each other while the rep types: only the latest counts.
    const ask = ++asked.current;
    try {
      const answer = await send('leads/list', { text: text.value, state: state.value, sort: sort.value, offset, limit });
      if (ask !== asked.current) return;
      page.value = offset ? { leads: [...(page.value?.leads ?? []), ...answer.leads], total: answer.total } : answer;
      error.value = '';
    } catch (err) {
      if (ask === asked.current) error.value = t('load_failed', err instanceof Error ? err.message : String(err));
    }
  }
  /** After a delete or an undo: the rows shown so far again (as many as one message may carry). */
  const reload = () => load(0, Math.min(Math.max(page.value?.leads.length ?? 0, PAGE_ROWS), MAX_ROWS_PER_ASK));
  useEffect(() => {
    const timer = setTimeout(() => void load(), text.value ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [text.value, state.value, sort.value]);

  async function remove(lead: LeadRecord) {
    const { lead: deleted } = await send('leads/delete', { id: lead.id });
    undo.value = deleted ?? undefined;
    await reload();
  }

  async function restore() {
    if (!undo.value) return;
    await send('leads/restore', { lead: undo.value });
    undo.value = undefined;
    await reload();
  }

  async function exportCsv() {
    const all: LeadRecord[] = [];
    for (let offset = 0; ; offset += MAX_ROWS_PER_ASK) {
      const chunk = await send('leads/list', { offset, limit: MAX_ROWS_PER_ASK });
      all.push(...chunk.leads);
      if (offset + MAX_ROWS_PER_ASK >= chunk.total) break;
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
          onText={(v) => (text.value = v)} onState={(v) => (state.value = v)} onSort={(v) => (sort.value = v)}
          onMore={() => void load(page.value?.leads.length ?? 0)} onOpen={onOpen} onDelete={remove} onExport={() => void exportCsv()}
        />
      ) : <div aria-busy="true" />}
    </>
  );
}
