import { useEffect, useMemo } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { LeadForm } from '@/components/lead-form/lead-form';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import { createLeadFormModel, formStateFromLead } from '@/lib/state/lead-form-model';

/** A stored lead in the same form the popup uses. */
export function LeadEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const model = useMemo(() => createLeadFormModel(), [id]);
  const status = useSignal<'loading' | 'ready' | 'missing'>('loading');
  const saving = useSignal(false);
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);

  useEffect(() => {
    void send('leads/get', { id }).then(({ lead }) => {
      if (!lead) return void (status.value = 'missing');
      model.state.value = formStateFromLead(lead);
      status.value = 'ready';
    });
  }, [id]);

  async function save(close: boolean) {
    const result = model.submit();
    if (!result.ok) return;
    saving.value = true;
    try {
      const { lead } = await send('leads/save', { lead: result.draft });
      model.state.value = formStateFromLead(lead);
      message.value = { kind: 'ok', text: t('status_saved') };
      if (close) onClose();
    } catch (err) {
      message.value = { kind: 'error', text: t('error_save_failed', err instanceof Error ? err.message : String(err)) };
    } finally {
      saving.value = false;
    }
  }

  if (status.value === 'loading') return <div aria-busy="true" />;
  if (status.value === 'missing') return <p class="empty">{t('lead_not_found')} <a href="#/leads">{t('action_back')}</a></p>;
  return (
    <div class="lead-editor">
      <p><a href="#/leads">← {t('action_back')}</a></p>
      <LeadForm model={model} onSave={save} saving={saving.value} message={message.value} />
    </div>
  );
}
