// A lead's audit trail on the options page (issue #4), with its queue state and a retry.
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import { formatDateTime } from '@/lib/i18n/format';
import type { LeadRecord } from '@/lib/leads/schema';
import { send } from '@/lib/messaging/send';
import type { MessageOut } from '@/lib/messaging/protocol';

type Entry = MessageOut<'leads/audit'>['entries'][number];

function summary(e: Entry): string {
  const d = e.details as Record<string, unknown>;
  const fields = Array.isArray(d.fields) && d.fields.length ? (d.fields as string[]).map((f) => t(`field_${f}`)).join(', ') : '';
  switch (e.kind) {
    // Issue #8: why (lawful basis) and by whom, next to where.
    // An imported lead's single entry also says it was queued (its job's op).
    case 'captured': return [d.origin, d.sourceUrl, d.lawfulBasis ? t(`privacy_basis_${String(d.lawfulBasis)}`) : '', d.capturedBy, (d.queued as { op?: string } | undefined)?.op].filter(Boolean).join(' · ');
    case 'edited': case 'merged': case 'qualified': return fields;
    case 'queued': case 'sync_attempt': return [d.op, d.attempt ? `#${d.attempt}` : '', d.inDoubt ? t('audit_in_doubt') : ''].filter(Boolean).join(' ');
    case 'sync_result': return d.ok ? t('audit_ok') : `${String(d.error ?? '')}${d.nextRetryAt ? ` · ${t('audit_next_retry', [formatDateTime(String(d.nextRetryAt))])}` : ''}`;
    default: return '';
  }
}

export function AuditTrail({ lead, version }: { lead: LeadRecord; version?: unknown }) {
  const entries = useSignal<Entry[] | undefined>(undefined);
  const state = useSignal(lead.sync);
  useEffect(() => {
    state.value = lead.sync;
    void send('leads/audit', { id: lead.id }).then((r) => (entries.value = r.entries));
  }, [lead.id, lead.updatedAt, version]);

  async function retry() {
    const { lead: next } = await send('queue/retry', { id: lead.id });
    state.value = next.sync;
    entries.value = (await send('leads/audit', { id: lead.id })).entries;
  }

  const canRetry = ['failed', 'needs_attention', 'draft'].includes(state.value.state);
  return (
    <section class="audit-trail" data-testid="audit-trail">
      <h2>{t('audit_title')}</h2>
      <p data-testid="sync-state">
        {t(`sync_state_${state.value.state}`)}
        {state.value.error ? ` · ${state.value.error}` : ''}
        {state.value.nextRetryAt ? ` · ${t('audit_next_retry', [formatDateTime(state.value.nextRetryAt)])}` : ''}
        {canRetry && <> <button type="button" class="link" data-action="retry" onClick={retry}>{t('action_retry')}</button></>}
      </p>
      {!entries.value ? <div aria-busy="true" /> : (
        <ol class="audit-list">
          {entries.value.map((e) => (
            <li key={e.seq} data-audit-kind={e.kind}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> <strong>{t(`audit_${e.kind}`)}</strong> <span class="muted">{summary(e)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
