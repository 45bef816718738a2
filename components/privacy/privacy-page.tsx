// Options → Privacy (issue #8): lawful basis, never-capture lists, retention, the CRM line, and
// requests from a person (find, export, forget).
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t, uiLang } from '@/lib/i18n/t';
import { tn } from '@/lib/i18n/plural';
import { fullName, lawfulBasis, type LawfulBasis, type LeadRecord } from '@/lib/leads/schema';
import { send } from '@/lib/messaging/send';
import { parseList } from '@/lib/privacy/domains';
import { privacyFooter } from '@/lib/privacy/privacy-footer';
import type { PrivacySettings } from '@/lib/privacy/settings';
import { DncBadge } from './dnc-badge';
import { PersonActions } from './person-actions';
import './privacy.css';

interface Draft {
  lawfulBasis: LawfulBasis;
  repIdentity: string;
  ownDomain: string;
  neverDomains: string;
  neverEmails: string;
  retentionDays: string;
  crmField: string;
}

const toDraft = (s: PrivacySettings): Draft => ({
  ...s,
  neverDomains: s.neverDomains.join('\n'),
  neverEmails: s.neverEmails.join('\n'),
  retentionDays: String(s.retentionDays),
});

/** Issue #17: the CRM line goes to a note, a column the admin named, or nowhere. */
const crmLine = (field: string): 'note' | 'off' | 'column' => (field === 'note' || field === 'off' ? field : 'column');

export function PrivacyPage() {
  const draft = useSignal<Draft | undefined>(undefined);
  const ownDomain = useSignal<string | undefined>(undefined);
  /** Fields the administrator's policy sets: shown read-only (issue #18). */
  const locked = useSignal<string[]>([]);
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);

  useEffect(() => {
    void send('privacy/settings/get', {}).then((r) => {
      draft.value = toDraft(r.settings);
      ownDomain.value = r.ownDomain;
      locked.value = r.locked;
    }, (err: Error) => (status.value = { kind: 'error', text: t('privacy_save_failed', err.message) }));
  }, []);

  if (!draft.value) return <div aria-busy="true" />;
  const d = draft.value;
  const set = (patch: Partial<Draft>) => (draft.value = { ...d, ...patch });
  const isLocked = (name: string) => locked.value.includes(name);
  const lockNote = (name: string) => isLocked(name) && <small class="muted" data-locked={name}>{t('privacy_locked_by_admin')}</small>;

  async function save() {
    const domains = parseList(d.neverDomains, 'domain');
    const emails = parseList(d.neverEmails, 'email');
    const invalid = [...domains.invalid, ...emails.invalid];
    if (invalid.length) {
      status.value = { kind: 'error', text: t('privacy_invalid_entries', invalid.join(', ')) };
      return;
    }
    try {
      const own = d.ownDomain.trim() ? parseList(d.ownDomain, 'domain') : { values: [''], invalid: [] };
      if (own.invalid.length) throw new Error(t('privacy_invalid_entries', own.invalid.join(', ')));
      const r = await send('privacy/settings/set', {
        patch: {
          lawfulBasis: d.lawfulBasis,
          repIdentity: d.repIdentity,
          ownDomain: own.values[0] ?? '',
          neverDomains: domains.values,
          neverEmails: emails.values,
          retentionDays: Number(d.retentionDays),
          crmField: d.crmField.trim(),
        },
      });
      draft.value = toDraft(r.settings);
      ownDomain.value = r.ownDomain;
      locked.value = r.locked;
      status.value = { kind: 'ok', text: t('privacy_saved') };
    } catch (err) {
      status.value = { kind: 'error', text: t('privacy_save_failed', err instanceof Error ? err.message : String(err)) };
    }
  }

  const preview = privacyFooter(
    { provenance: { origin: 'page', capturedAt: new Date().toISOString(), capturedBy: d.repIdentity || undefined, lawfulBasis: d.lawfulBasis } },
    { lang: uiLang() },
  );

  return (
    <section class="privacy" data-testid="privacy-page">
      <h2>{t('privacy_title')}</h2>
      <p class="muted">{t('privacy_intro')}</p>

      <fieldset>
        <legend>{t('privacy_section_capture')}</legend>
        <label class="field">{t('privacy_rep_label')}
          <input name="repIdentity" value={d.repIdentity} maxLength={200} onInput={(e) => set({ repIdentity: e.currentTarget.value })} />
        </label>
        <label class="field">{t('privacy_own_domain_label')}
          <input name="ownDomain" value={d.ownDomain} placeholder={ownDomain.value ?? ''} onInput={(e) => set({ ownDomain: e.currentTarget.value })} />
        </label>
        <p class="muted" data-testid="own-domain">{ownDomain.value ? t('privacy_own_domain_derived', ownDomain.value) : t('privacy_own_domain_none')}</p>
        <label class="field">{t('privacy_never_domains_label')}
          <textarea name="neverDomains" rows={4} value={d.neverDomains} readOnly={isLocked('neverDomains')} onInput={(e) => set({ neverDomains: e.currentTarget.value })} />
          {lockNote('neverDomains')}
        </label>
        <label class="field">{t('privacy_never_emails_label')}
          <textarea name="neverEmails" rows={4} value={d.neverEmails} readOnly={isLocked('neverEmails')} onInput={(e) => set({ neverEmails: e.currentTarget.value })} />
          {lockNote('neverEmails')}
        </label>
        <p class="muted">{t('privacy_free_mail_note')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('privacy_section_crm')}</legend>
        <label class="field">{t('privacy_basis_label')}
          <select name="lawfulBasis" value={d.lawfulBasis} onChange={(e) => set({ lawfulBasis: e.currentTarget.value as LawfulBasis })}>
            {lawfulBasis.options.map((b) => <option key={b} value={b}>{t(`privacy_basis_${b}`)}</option>)}
          </select>
        </label>
        <label class="field">{t('privacy_crm_field_label')}
          <select
            name="crmLine" value={crmLine(d.crmField)} disabled={isLocked('crmField')}
            onChange={(e) => set({ crmField: e.currentTarget.value === 'column' ? '' : e.currentTarget.value })}
          >
            {(['note', 'column', 'off'] as const).map((k) => <option key={k} value={k}>{t(`privacy_crm_line_${k}`)}</option>)}
          </select>
          {lockNote('crmField')}
        </label>
        {crmLine(d.crmField) === 'column' && (
          <label class="field">{t('privacy_crm_column_label')}
            <input name="crmField" value={d.crmField} readOnly={isLocked('crmField')} onInput={(e) => set({ crmField: e.currentTarget.value })} />
          </label>
        )}
        <p class="muted">{t('privacy_crm_field_hint')}</p>
        <p>{t('privacy_footer_preview')} <code data-testid="footer-preview">{preview}</code></p>
      </fieldset>

      <fieldset>
        <legend>{t('privacy_section_retention')}</legend>
        <label class="field">{t('privacy_retention_label')}
          <input name="retentionDays" type="number" min={1} max={3650} value={d.retentionDays} readOnly={isLocked('retentionDays')} onInput={(e) => set({ retentionDays: e.currentTarget.value })} />
          {lockNote('retentionDays')}
        </label>
        <p class="muted">{t('privacy_retention_hint')}</p>
      </fieldset>

      <p>
        <button type="button" class="primary" data-action="save-privacy" onClick={save}>{t('privacy_save')}</button>{' '}
        {status.value && <span class={`form-message form-message--${status.value.kind}`} role="status" data-testid="privacy-status">{status.value.text}</span>}
      </p>

      <PersonRequests />
    </section>
  );
}

function PersonRequests() {
  const email = useSignal('');
  const found = useSignal<LeadRecord[] | undefined>(undefined);
  const note = useSignal('');

  async function find() {
    note.value = '';
    found.value = (await send('privacy/person', { email: email.value })).leads;
  }

  return (
    <fieldset data-testid="person-requests">
      <legend>{t('privacy_person_title')}</legend>
      <p class="muted">{t('privacy_person_hint')}</p>
      {/* Issue #18: said plainly, because IndexedDB deletes are not wiped from disk at once. */}
      <p class="muted" data-testid="forget-residue">{t('privacy_forget_residue')}</p>
      <div class="toolbar">
        <input type="email" name="personEmail" aria-label={t('privacy_person_email')} placeholder={t('privacy_person_email')} value={email.value}
          onInput={(e) => (email.value = e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && void find()} />
        <button type="button" data-action="find-person" onClick={find}>{t('privacy_person_find')}</button>
      </div>
      {note.value && <p role="status" data-testid="person-note">{note.value}</p>}
      {found.value && (found.value.length === 0 ? <p class="empty">{t('privacy_person_none')}</p> : (
        <>
          <ul class="person-leads">
            {found.value.map((l) => (
              <li key={l.id} data-lead-id={l.id}>
                <a href={`#/lead/${l.id}`}>{fullName(l)}</a> {l.companyname ? `(${l.companyname})` : ''} <DncBadge lead={l} />
              </li>
            ))}
          </ul>
          <PersonActions ids={found.value.map((l) => l.id)} who={email.value} inCrm={found.value.some((l) => !!l.sync.syncedAt)} onForgotten={(n) => {
            found.value = [];
            note.value = tn('privacy_forgotten', n);
          }} />
        </>
      ))}
    </fieldset>
  );
}
