// "Export as JSON" and "Forget this person" for one lead (issue #8), on the lead editor and the
// Privacy page. Both act in the background; this only asks and reports.
import { useSignal } from '@preact/signals';
import { downloadText } from '@/lib/export/download';
import { t } from '@/lib/i18n/t';
import './privacy.css';
import { send } from '@/lib/messaging/send';

export interface PersonActionsProps {
  ids: string[];
  /** Shown in the confirmation: the person's name or address. */
  who: string;
  onForgotten: (removed: number) => void;
}

export function PersonActions({ ids, who, onForgotten }: PersonActionsProps) {
  const error = useSignal('');
  const busy = useSignal(false);

  async function run(action: () => Promise<void>) {
    busy.value = true;
    error.value = '';
    try {
      await action();
    } catch (err) {
      error.value = t('privacy_action_failed', err instanceof Error ? err.message : String(err));
    } finally {
      busy.value = false;
    }
  }

  const exportJson = () => run(async () => {
    const { json } = await send('privacy/export', { ids });
    const stamp = new Date().toISOString().slice(0, 10);
    downloadText(`leadclip-person-${stamp}.json`, json, 'application/json');
  });

  const forget = () => run(async () => {
    if (!confirm(t('privacy_forget_confirm', who))) return;
    let removed = 0;
    for (const id of ids) {
      const r = await send('privacy/forget', { id });
      removed += Object.values(r.removed).reduce((a, b) => a + b, 0) + r.drafts;
    }
    onForgotten(removed);
  });

  return (
    <span class="person-actions">
      <button type="button" class="secondary" data-action="export-person" disabled={busy.value} onClick={exportJson}>{t('privacy_export_json')}</button>
      <button type="button" class="danger" data-action="forget-person" disabled={busy.value} onClick={forget}>{t('privacy_forget')}</button>
      {error.value && <span class="form-error" role="alert">{error.value}</span>}
    </span>
  );
}
