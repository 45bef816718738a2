import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import { stakeholderRoles } from '@/lib/leads/schema';
import type { LeadFormModel } from '@/lib/state/lead-form-model';

export const roleLabel = (role: string) => {
  const label = t(`role_${role.replace(/ /g, '_')}`);
  return label.startsWith('role_') ? role : label;
};

/** Contacts linked to the lead with a connection role ("Stakeholder" by default). */
export function StakeholdersEditor({ model }: { model: LeadFormModel }) {
  const name = useSignal('');
  const email = useSignal('');
  const role = useSignal<string>('Stakeholder');
  const list = model.state.value.stakeholders;

  function add() {
    if (!name.value.trim()) return;
    model.update({
      stakeholders: [...list, { id: crypto.randomUUID(), fullname: name.value.trim(), emailaddress1: email.value.trim() || undefined, role: role.value }],
    });
    name.value = email.value = '';
    role.value = 'Stakeholder';
  }

  return (
    <div class="stakeholders">
      <div class="row">
        <input name="stakeholder-fullname" placeholder={t('stakeholder_name')} maxLength={160} value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
        <input name="stakeholder-email" type="email" placeholder={t('stakeholder_email')} maxLength={100} value={email.value} onInput={(e) => (email.value = e.currentTarget.value)} />
        <select name="stakeholder-role" aria-label={t('stakeholder_role')} value={role.value} onChange={(e) => (role.value = e.currentTarget.value)}>
          {stakeholderRoles.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
        </select>
        <button type="button" class="secondary" data-action="stakeholder-add" onClick={add}>{t('stakeholder_add')}</button>
      </div>
      {list.length === 0 ? <p class="muted">{t('stakeholder_empty')}</p> : (
        <ul class="stakeholder-list">
          {list.map((s) => (
            <li key={s.id}>
              <strong>{s.fullname}</strong> {s.emailaddress1 && <span>&lt;{s.emailaddress1}&gt;</span>} · <span>{roleLabel(s.role)}</span>
              <button type="button" class="link" onClick={() => model.update({ stakeholders: list.filter((x) => x.id !== s.id) })}>{t('action_remove')}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
