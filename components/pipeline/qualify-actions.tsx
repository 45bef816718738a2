// Qualify and Disqualify for a saved lead (issue #4). Qualifying asks for an account and a
// contact, new or picked from the CRM (issue #17: its records first) or from local leads; picking
// fills the lead's empty fields only. A decision-maker contact becomes a stakeholder.
import { useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t, uiLang } from '@/lib/i18n/t';
import { optionLabel, statusCode } from '@/lib/leads/option-sets';
import { stakeholderRoles, type LeadRecord } from '@/lib/leads/schema';
import { send } from '@/lib/messaging/send';
import type { MessageOut } from '@/lib/messaging/protocol';
import { roleLabel } from '@/components/lead-form/stakeholders-editor';

type Candidate = MessageOut<'leads/qualify-candidates'>['accounts'][number];
type Kind = 'account' | 'contact';

function LinkChooser({ kind, leadId, picked, onPick }: { kind: Kind; leadId: string; picked?: Candidate; onPick: (c: Candidate | undefined) => void }) {
  const mode = useSignal<'new' | 'existing'>(picked ? 'existing' : 'new');
  const query = useSignal('');
  const results = useSignal<Candidate[]>([]);
  const pending = useRef<{ timer?: ReturnType<typeof setTimeout>; seq: number }>({ seq: 0 });
  const search = (q: string) => {
    query.value = q;
    clearTimeout(pending.current.timer);
    const seq = ++pending.current.seq;
    pending.current.timer = setTimeout(async () => {
      const found = await send('leads/qualify-candidates', { query: q, excludeId: leadId });
      // An answer to an older query must not replace the newer one's.
      if (seq === pending.current.seq) results.value = kind === 'account' ? found.accounts : found.contacts;
    }, 150);
  };
  return (
    <fieldset class="qualify-link" data-qualify={kind}>
      <legend>{t(`qualify_${kind}`)}</legend>
      <label><input type="radio" name={`q-${kind}-mode`} value="new" checked={mode.value === 'new'} onChange={() => { mode.value = 'new'; onPick(undefined); }} /> {t('qualify_mode_new')}</label>
      <label><input type="radio" name={`q-${kind}-mode`} value="existing" checked={mode.value === 'existing'} onChange={() => (mode.value = 'existing')} /> {t('qualify_mode_existing')}</label>
      {mode.value === 'existing' && (
        <div>
          {picked ? (
            <p data-testid={`picked-${kind}`}>{picked.name} <button type="button" class="link" onClick={() => onPick(undefined)}>{t('qualify_change')}</button></p>
          ) : (
            <>
              <input type="search" name={`q-${kind}-search`} placeholder={t('qualify_search')} value={query.value} onInput={(e) => search(e.currentTarget.value)} />
              <ul class="candidates">
                {results.value.map((c) => (
                  <li key={c.id}>
                    <button type="button" class="link" data-candidate={kind} data-candidate-id={c.id} data-source={c.source ?? 'local'} onClick={() => onPick(c)}>
                      {c.name}{c.source === 'crm' && <span class="muted"> · {t('qualify_source_crm')}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}

export function QualifyActions({ lead, onChanged }: { lead: LeadRecord; onChanged: (lead: LeadRecord) => void }) {
  const open = useSignal<'qualify' | 'disqualify' | undefined>(undefined);
  // What the form's Qualify section already picked in the CRM is the dialog's starting point.
  const fromForm = (link: LeadRecord['qualify']['account']): Candidate | undefined =>
    link?.mode === 'existing' ? { id: link.id, name: link.name, values: {}, source: 'crm' } : undefined;
  const account = useSignal<Candidate | undefined>(fromForm(lead.qualify.account));
  const contact = useSignal<Candidate | undefined>(fromForm(lead.qualify.contact));
  const opportunity = useSignal(lead.qualify.opportunity !== false);
  const decisionMaker = useSignal(false);
  const role = useSignal<string>(stakeholderRoles[0]);
  const reason = useSignal<4 | 5 | 6 | 7>(4);
  const error = useSignal('');
  const lang = uiLang();

  async function run(action: () => Promise<{ lead: LeadRecord }>) {
    error.value = '';
    try {
      const { lead: next } = await action();
      open.value = undefined;
      onChanged(next);
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    }
  }

  const qualify = () => run(() => send('leads/qualify', {
    id: lead.id,
    account: account.value ? { mode: 'existing', id: account.value.id, name: account.value.name } : { mode: 'new' },
    contact: contact.value ? { mode: 'existing', id: contact.value.id, name: contact.value.name } : { mode: 'new' },
    accountValues: account.value?.values,
    contactValues: contact.value?.values,
    contactIsDecisionMaker: decisionMaker.value,
    stakeholderRole: role.value,
    createOpportunity: opportunity.value,
  }));
  const disqualify = () => run(() => send('leads/disqualify', { id: lead.id, statuscode: reason.value }));

  return (
    <section class="qualify-actions" data-testid="qualify-actions">
      <p class="muted" data-testid="lead-status">{t('lead_status', [optionLabel(statusCode, lead.statuscode, lang)])}</p>
      {!open.value && (
        <div class="row-actions">
          <button type="button" class="secondary" data-action="qualify-open" onClick={() => (open.value = 'qualify')}>{t('action_qualify')}</button>
          <button type="button" class="secondary" data-action="disqualify-open" onClick={() => (open.value = 'disqualify')}>{t('action_disqualify')}</button>
        </div>
      )}
      {open.value === 'qualify' && (
        <div class="qualify-dialog" role="group" aria-label={t('action_qualify')}>
          <LinkChooser kind="account" leadId={lead.id} picked={account.value} onPick={(c) => (account.value = c)} />
          <LinkChooser kind="contact" leadId={lead.id} picked={contact.value} onPick={(c) => (contact.value = c)} />
          <label><input type="checkbox" name="q-opportunity" checked={opportunity.value} onChange={(e) => (opportunity.value = e.currentTarget.checked)} /> {t('qualify_create_opportunity')}</label>
          <label><input type="checkbox" name="q-decision-maker" checked={decisionMaker.value} onChange={(e) => (decisionMaker.value = e.currentTarget.checked)} /> {t('qualify_decision_maker')}</label>
          {decisionMaker.value && (
            <label>{t('qualify_role')}{' '}
              <select name="q-role" value={role.value} onChange={(e) => (role.value = e.currentTarget.value)}>
                {stakeholderRoles.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
              </select>
            </label>
          )}
          <p class="muted">{t('qualify_fill_note')}</p>
          <div class="row-actions">
            <button type="button" class="link" onClick={() => (open.value = undefined)}>{t('dup_cancel')}</button>
            <button type="button" class="primary" data-action="qualify-confirm" onClick={qualify}>{t('action_qualify')}</button>
          </div>
        </div>
      )}
      {open.value === 'disqualify' && (
        <div class="qualify-dialog" role="group" aria-label={t('action_disqualify')}>
          <label>{t('disqualify_reason')}{' '}
            <select name="dq-reason" value={String(reason.value)} onChange={(e) => (reason.value = Number(e.currentTarget.value) as 4)}>
              {([4, 5, 6, 7] as const).map((c) => <option key={c} value={c}>{optionLabel(statusCode, c, lang)}</option>)}
            </select>
          </label>
          <div class="row-actions">
            <button type="button" class="link" onClick={() => (open.value = undefined)}>{t('dup_cancel')}</button>
            <button type="button" class="primary" data-action="disqualify-confirm" onClick={disqualify}>{t('action_disqualify')}</button>
          </div>
        </div>
      )}
      {error.value && <p class="form-error" role="alert">{error.value}</p>}
    </section>
  );
}
