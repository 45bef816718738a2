// Options → Sync: every lead's sync state, last attempt, error and CRM link; "Sync now" with
// progress; conflicts shown side by side so the rep chooses which version to keep.
import './sync.css';
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import { tn } from '@/lib/i18n/plural';
import { formatDateTime } from '@/lib/i18n/format';
import { DncBadge } from '@/components/privacy/dnc-badge';
import { send } from '@/lib/messaging/send';
import type { MessageOut } from '@/lib/messaging/protocol';
import { ConflictView } from './conflict-view';

type Status = MessageOut<'sync/status'>;

export function SyncPage() {
  const status = useSignal<Status | undefined>(undefined);
  const busy = useSignal(false);
  const error = useSignal('');

  async function load() {
    status.value = await send('sync/status', {});
  }
  useEffect(() => {
    void load();
    // Progress of a long run, and changes made by the background meanwhile.
    const timer = setInterval(() => void load().catch(() => {}), 1000);
    return () => clearInterval(timer);
  }, []);

  async function syncNow() {
    busy.value = true;
    error.value = '';
    try {
      await send('sync/now', {});
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    } finally {
      busy.value = false;
      await load();
    }
  }

  async function resolve(id: string, keep: 'mine' | 'crm') {
    await send('sync/resolve', { id, keep });
    await load();
  }

  const s = status.value;
  if (!s) return <div aria-busy="true" />;
  const fmt = (iso?: string) => (iso ? formatDateTime(iso) : '');
  return (
    <section class="sync-view">
      <div class="toolbar">
        {/* Issue #17: available while an automatic sync runs; the background joins that run. */}
        <button type="button" data-action="sync-now" disabled={busy.value} title={s.running ? t('syncNowJoins') : undefined} onClick={() => void syncNow()}>{t('syncActionNow')}</button>
        {s.running && <span class="muted" data-testid="sync-joins">{t('syncNowJoins')}</span>}
        <span data-testid="sync-waiting">{t('syncWaiting', String(s.unsynced))}</span>
        {s.running && s.total > 0 && (
          <progress data-testid="sync-progress" max={s.total} value={s.done} aria-label={t('syncProgress', [String(s.done), String(s.total)])} />
        )}
      </div>
      {!s.environmentUrl && <p class="banner banner--info">{t('syncNotConfigured')} <a href="#/connection">{t('syncConnectionTitle')}</a></p>}
      {error.value && <p class="banner banner--warning" role="alert">{error.value}</p>}
      {s.conflicts.map((c) => {
        const lead = s.leads.find((l) => l.id === c.id);
        return lead ? <ConflictView key={c.id} leadId={c.id} name={lead.name} conflict={c} onResolve={resolve} /> : null;
      })}
      <table class="leads-table" data-testid="sync-table">
        <thead>
          <tr><th>{t('syncColLead')}</th><th>{t('syncColState')}</th><th>{t('syncColLastAttempt')}</th><th>{t('syncColError')}</th><th>{t('syncColCrm')}</th></tr>
        </thead>
        <tbody>
          {s.leads.map((l) => (
            <tr key={l.id} data-lead-id={l.id} data-state={l.state}>
              <td>{l.name}{l.companyname ? ` · ${l.companyname}` : ''} <DncBadge lead={l} /></td>
              <td><span class={`state state--${l.state}`}>{t(`syncState_${l.state}`)}</span></td>
              <td>{fmt(l.lastAttemptAt)}{l.state === 'failed' && l.nextRetryAt ? ` (${t('syncNextTry', fmt(l.nextRetryAt))})` : ''}</td>
              <td class="sync-error" data-testid="sync-error">{l.error ?? ''}</td>
              <td>{l.crmUrl && <a href={l.crmUrl} target="_blank" rel="noreferrer">{t('syncOpenInCrm')}</a>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.leadCount > s.leads.length && <p class="muted" data-testid="sync-shown">{tn('syncShownOf', s.leadCount, [String(s.leads.length)])}</p>}
    </section>
  );
}
