// A lead changed in the CRM since it was last synced: both versions, field by field, and the
// rep's choice. Nothing is overwritten until they choose. Only fields the rep or the CRM changed,
// named and shown as on the lead form (issue #16).
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t, uiLang } from '@/lib/i18n/t';
import { DncBadge } from '@/components/privacy/dnc-badge';
import { send } from '@/lib/messaging/send';
import type { LeadRecord } from '@/lib/leads/schema';
import { conflictFields, conflictValue } from '@/lib/sync/conflict-fields';
import type { Conflict } from '@/lib/sync/sync-db';

interface Props {
  leadId: string;
  name: string;
  conflict: Conflict;
  onResolve: (id: string, keep: 'mine' | 'crm') => void | Promise<void>;
}

export function ConflictView({ leadId, name, conflict, onResolve }: Props) {
  const mine = useSignal<LeadRecord | null>(null);
  useEffect(() => void send('leads/get', { id: leadId }).then((r) => (mine.value = r.lead)), [leadId]);
  const local = mine.value;
  const crm = conflict.crm as Record<string, unknown>;
  const rows = local && !conflict.unreadable ? conflictFields(local, crm) : [];
  const lang = uiLang();
  const yesNo: [string, string] = [t('yes'), t('no')];
  return (
    <div class="banner banner--warning sync-conflict" role="region" aria-label={t('syncConflictTitle', name)} data-testid="conflict" data-lead-id={leadId}>
      <strong>{t('syncConflictTitle', name)}</strong>{mine.value && <DncBadge lead={mine.value} />}
      {conflict.unreadable
        ? <p data-testid="conflict-unreadable">{t('syncConflictUnreadable', conflict.unreadable)}</p>
        : <p>{t('syncProblemConflict')}</p>}
      {!conflict.unreadable && <table class="leads-table">
        <thead><tr><th>{t('syncColField')}</th><th>{t('syncConflictMine')}</th><th>{t('syncConflictCrm')}</th></tr></thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f} data-field={f}>
              <th scope="row">{t(`field_${f}`)}</th>
              <td data-side="mine">{conflictValue(f, local![f], lang, yesNo)}</td>
              <td data-side="crm">{conflictValue(f, crm[f], lang, yesNo)}</td>
            </tr>
          ))}
        </tbody>
      </table>}
      <div class="toolbar">
        <button type="button" data-action="keep-mine" onClick={() => void onResolve(leadId, 'mine')}>{t('syncConflictKeepMine')}</button>
        {!conflict.unreadable && <button type="button" data-action="keep-crm" onClick={() => void onResolve(leadId, 'crm')}>{t('syncConflictKeepCrm')}</button>}
      </div>
    </div>
  );
}
