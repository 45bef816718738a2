import { useEffect, useMemo } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { LeadForm } from '@/components/lead-form/lead-form';
import { FormSections } from '@/components/lead-form/form-sections';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import { createLeadFormModel, formStateFromLead } from '@/lib/state/lead-form-model';
import type { LeadRecord } from '@/lib/leads/schema';
import { AuditTrail } from '@/components/pipeline/audit-trail';
import { QualifyActions } from '@/components/pipeline/qualify-actions';
import { ConfirmFreeMail } from '@/components/privacy/confirm-free-mail';
import { PersonActions } from '@/components/privacy/person-actions';
import { saveProblem } from '@/components/privacy/save-error';

/** A stored lead in the same form the popup uses. */
export function LeadEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const model = useMemo(() => createLeadFormModel(), [id]);
  const status = useSignal<'loading' | 'ready' | 'missing'>('loading');
  const saving = useSignal(false);
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const confirmText = useSignal<{ text: string; close: boolean } | undefined>(undefined);
  const stored = useSignal<LeadRecord | undefined>(undefined);

  useEffect(() => {
    void send('leads/get', { id }).then(({ lead }) => {
      if (!lead) return void (status.value = 'missing');
      model.state.value = formStateFromLead(lead);
      stored.value = lead;
      status.value = 'ready';
    });
  }, [id]);

  async function save(close: boolean, confirmFreeMail = false) {
    const result = await model.submit();
    if (!result.ok) return;
    saving.value = true;
    confirmText.value = undefined;
    try {
      const { lead } = await send('leads/save', { lead: result.draft, confirmFreeMail });
      model.state.value = formStateFromLead(lead);
      stored.value = lead;
      message.value = { kind: 'ok', text: t('status_saved') };
      if (close) onClose();
    } catch (err) {
      const problem = saveProblem(err);
      if (problem.kind === 'confirm_free_mail') confirmText.value = { text: problem.text, close };
      message.value = { kind: 'error', text: problem.display };
    } finally {
      saving.value = false;
    }
  }

  if (status.value === 'loading') return <div aria-busy="true" />;
  if (status.value === 'missing') return <p class="empty">{t('lead_not_found')} <a href="#/leads">{t('action_back')}</a></p>;
  return (
    <div class="lead-editor">
      <p><a href="#/leads">← {t('action_back')}</a></p>
      <LeadForm
        model={model}
        sections={FormSections}
        header={<>
          {confirmText.value && <ConfirmFreeMail text={confirmText.value.text} onConfirm={() => save(confirmText.value?.close ?? false, true)} />}
          {stored.value && <QualifyActions lead={stored.value} onChanged={(lead) => { stored.value = lead; model.state.value = formStateFromLead(lead); }} />}
        </>}
        onSave={(close) => save(close)}
        saving={saving.value}
        message={message.value}
        actions={<PersonActions ids={[id]} who={personLabel(model.state.value.values)} onForgotten={onClose} inCrm={!!stored.value?.sync.syncedAt} />}
      />
      {stored.value && <AuditTrail lead={stored.value} />}
    </div>
  );
}

/** "Anna Nowak <anna@klient.pl>" for the erasure confirmation. */
function personLabel(v: Record<string, unknown>): string {
  const name = ['firstname', 'middlename', 'lastname'].map((k) => v[k]).filter((x) => typeof x === 'string' && x).join(' ');
  return typeof v.emailaddress1 === 'string' && v.emailaddress1 ? `${name} <${v.emailaddress1}>` : name;
}
