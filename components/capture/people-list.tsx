// Everyone the capture found (issue #13): tick several or all and save them in one action;
// each row says what is known (saved, in the CRM, likely duplicate) and, after Save, what happened.
import { useEffect, useMemo } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import type { Provenance } from '@/lib/leads/schema';
import { peopleBackend } from '@/lib/capture/people-backend';
import { createPeopleModel, type PeopleBackend, type Person, type PersonResult, type PersonStatus } from '@/lib/state/people-model';

export interface PeopleListProps {
  /** Everyone found; called once, when the list opens (a big page finds hundreds). */
  people: () => Person[];
  provenance: () => Provenance | undefined;
  /** The background calls; the real messages unless a test passes others. */
  backend?: PeopleBackend;
  /** After a save that stored at least one lead. */
  onSaved: () => void;
  leadUrl: (id: string) => string;
}

function Known({ status }: { status: PersonStatus }) {
  return (
    <>
      {status.saved && <span class="tag tag--saved" data-mark="saved">{t('people_mark_saved')}</span>}
      {status.duplicate && <span class="tag tag--dup" data-mark="duplicate" title={status.duplicate.name}>{t('people_mark_duplicate', status.duplicate.name)}</span>}
      {status.inCrm && <a class="tag tag--crm" data-mark="crm" href={status.inCrm.url} target="_blank" rel="noopener">{t('people_mark_crm')}</a>}
    </>
  );
}

function Outcome({ result, leadUrl }: { result: PersonResult; leadUrl: (id: string) => string }) {
  if (result.status === 'saved') return <a class="outcome outcome--saved" data-outcome="saved" href={leadUrl(result.id)} target="_blank" rel="noopener">{t('people_saved')}</a>;
  const why = result.reason === 'invalid' ? t('people_skip_invalid', result.fields.map((f) => t(`field_${f}`)).join(', '))
    : result.reason === 'duplicate' ? t('people_skip_duplicate', result.of || t('people_a_saved_lead'))
    : t('people_skip_refused', result.message);
  return <span class="outcome outcome--skipped" data-outcome="skipped" data-reason={result.reason}>{why}</span>;
}

export function PeopleList({ people: found, provenance, backend = peopleBackend, onSaved, leadUrl }: PeopleListProps) {
  // One list per opening: the popup re-renders (and passes new callbacks) while the rep works in it.
  const m = useMemo(() => createPeopleModel(found(), provenance, backend), []);
  const people = m.people;
  useEffect(() => void m.assess(), [m]);
  const all = m.selectedCount.value === people.length;
  const done = m.results.value.filter(Boolean) as PersonResult[];
  const savedCount = done.filter((r) => r.status === 'saved').length;
  return (
    <div class="people-list" data-testid="people-list">
      <label class="people-all">
        <input type="checkbox" name="people-all" checked={all} onChange={(e) => m.toggleAll(e.currentTarget.checked)} />
        {t('people_select_all')}
      </label>
      <ul>
        {people.map((p, i) => {
          const v = p.prefill.values;
          const status = m.statuses.value[i] ?? {};
          const result = m.results.value[i];
          return (
            <li key={i} data-person={i}>
              <label>
                <input type="checkbox" name={`person-${i}`} checked={m.selected.value[i]} onChange={(e) => m.toggle(i, e.currentTarget.checked)} />
                <span class="person">
                  <strong>{[v.firstname, v.lastname].filter(Boolean).join(' ') || p.label}</strong>
                  {v.jobtitle && <span class="muted"> · {String(v.jobtitle)}</span>}
                  {v.companyname && <span class="muted"> · {String(v.companyname)}</span>}
                  {v.emailaddress1 && <span class="muted person-email">{String(v.emailaddress1)}</span>}
                </span>
              </label>
              <Known status={status} />
              {result && <Outcome result={result} leadUrl={leadUrl} />}
            </li>
          );
        })}
      </ul>
      <div class="people-actions">
        {done.length > 0 && <span role="status" data-testid="people-summary">{t('people_summary', [String(savedCount), String(done.length - savedCount)])}</span>}
        <button type="button" class="primary" data-action="save-people" disabled={m.saving.value || m.selectedCount.value === 0} onClick={async () => {
          const results = await m.saveSelected().catch(() => []);
          if (results.some((r) => r.status === 'saved')) onSaved();
        }}>{t('people_save', String(m.selectedCount.value))}</button>
      </div>
    </div>
  );
}

/** Folded under the capture bar: "Save several people from this page (12)…"; the list (and its
 * background checks) starts when the rep opens it. */
export function PeopleFold({ count, ...props }: PeopleListProps & { count: number }) {
  const open = useSignal(false);
  return (
    <details class="fold people" data-testid="people" onToggle={(e) => (open.value = e.currentTarget.open)}>
      <summary>{t('people_open', String(count))}</summary>
      {open.value && <PeopleList {...props} />}
    </details>
  );
}
