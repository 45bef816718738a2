import { t } from '@/lib/i18n/t';
import type { LeadFormModel, QualifyLinks } from '@/lib/state/lead-form-model';
import { ChoiceField, FlagField, TextField } from './fields';
import { CrmSearch } from '@/components/sync/crm-search';
import { send } from '@/lib/messaging/send';
import type { FormValues } from '@/lib/leads/form-values';

/** Issue #17: the picked CRM record fills the lead's empty company, address and contact fields
 * (never the ones the rep typed), as Dynamics' Qualify stage does. */
async function fillFromCrm(model: LeadFormModel, kind: LinkKind, id: string, name: string) {
  const found = await send('leads/qualify-candidates', { query: name }).catch(() => undefined);
  const record = (kind === 'account' ? found?.accounts : found?.contacts)?.find((c) => c.id === id);
  if (record) model.prefill(record.values as FormValues);
}

type LinkKind = 'account' | 'contact';

function LinkPicker({ model, kind }: { model: LeadFormModel; kind: LinkKind }) {
  const link = model.state.value.qualify[kind];
  const mode = link?.mode ?? '';
  const set = (next: QualifyLinks[LinkKind]) => model.update({ qualify: { ...model.state.value.qualify, [kind]: next } });
  return (
    <div class="field qualify-link">
      <label for={`q-${kind}`}>{t(`qualify_${kind}`)}</label>
      <select id={`q-${kind}`} name={`qualify-${kind}-mode`} value={mode} onChange={(e) => {
        const v = e.currentTarget.value;
        set(v === 'new' ? { mode: 'new' } : v === 'existing' ? { mode: 'existing', id: '', name: '' } : undefined);
      }}>
        <option value="">{t('qualify_mode_none')}</option>
        <option value="new">{t('qualify_mode_new')}</option>
        <option value="existing">{t('qualify_mode_existing')}</option>
      </select>
      {link?.mode === 'existing' && (
        <CrmSearch kind={kind} value={link} onPick={(v) => {
          set({ mode: 'existing', id: v.id || v.name, name: v.name });
          if (v.id) void fillFromCrm(model, kind, v.id, v.name);
        }} />
      )}
    </div>
  );
}

/** Dynamics' Qualify stage: account and contact, then BANT. */
export function QualifySection({ model }: { model: LeadFormModel }) {
  return (
    <div class="grid">
      <LinkPicker model={model} kind="account" />
      <LinkPicker model={model} kind="contact" />
      <TextField model={model} name="budgetamount" type="number" />
      <ChoiceField model={model} name="budgetstatus" />
      <ChoiceField model={model} name="purchasetimeframe" />
      <ChoiceField model={model} name="purchaseprocess" />
      <ChoiceField model={model} name="need" />
      <TextField model={model} name="estimatedclosedate" type="date" />
      <FlagField model={model} name="decisionmaker" />
      <TextField model={model} name="qualificationcomments" multiline />
    </div>
  );
}
