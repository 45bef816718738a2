// Possible duplicates, shown before a new lead is saved (issue #4): which stored leads, which
// fields matched, and the three ways on: open the existing lead (the primary one), merge into it
// (per field), or save anyway.
import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import type { FormValues } from '@/lib/leads/form-values';
import { fullName, leadFieldNames, type LeadFieldName, type LeadRecord } from '@/lib/leads/schema';
import type { MessageOut } from '@/lib/messaging/protocol';
import { DncBadge } from '@/components/privacy/dnc-badge';

export type DuplicateMatchView = Extract<MessageOut<'leads/submit'>, { status: 'duplicates' }>['matches'][number];

export interface DuplicatePanelProps {
  matches: DuplicateMatchView[];
  values: FormValues;
  busy?: boolean;
  onOpen: (lead: LeadRecord) => void;
  onMerge: (targetId: string, fields: LeadFieldName[]) => void;
  onSaveAnyway: () => void;
  onCancel: () => void;
}

const shown = (v: unknown) => (v === undefined || v === null || v === '' || v === false ? '' : v === true ? '✓' : String(v));

/** Fields where the new lead says something the stored one does not say the same way. */
export function mergeableFields(values: FormValues, existing: LeadRecord): LeadFieldName[] {
  // Differences of case and spacing only are not differences (the pipeline normalizes them).
  const same = (v: unknown) => shown(v).replace(/\s+/g, ' ').trim().toLowerCase();
  return leadFieldNames.filter((f) => {
    const mine = same(values[f]);
    return mine !== '' && mine !== same(existing[f]);
  });
}

function MergeChooser({ match, values, busy, onMerge, onBack }: { match: DuplicateMatchView; values: FormValues; busy?: boolean; onMerge: DuplicatePanelProps['onMerge']; onBack: () => void }) {
  const fields = mergeableFields(values, match.lead);
  // Default: fill what the stored lead lacks, keep what it has.
  const take = useSignal<Set<LeadFieldName>>(new Set(fields.filter((f) => shown(match.lead[f]) === '')));
  const toggle = (f: LeadFieldName, on: boolean) => {
    const next = new Set(take.value);
    if (on) next.add(f);
    else next.delete(f);
    take.value = next;
  };
  return (
    <div class="merge" data-testid="merge">
      <p>{t('dup_merge_intro')}</p>
      {fields.length === 0 ? <p class="muted">{t('dup_merge_nothing')}</p> : (
        <table class="merge-table">
          <thead><tr><th>{t('dup_merge_field')}</th><th>{t('dup_merge_existing')}</th><th>{t('dup_merge_new')}</th></tr></thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f} data-merge-field={f}>
                <th scope="row">{t(`field_${f}`)}</th>
                <td><label><input type="radio" name={`merge-${f}`} value="existing" checked={!take.value.has(f)} onChange={() => toggle(f, false)} /> {shown(match.lead[f]) || '—'}</label></td>
                <td><label><input type="radio" name={`merge-${f}`} value="new" checked={take.value.has(f)} onChange={() => toggle(f, true)} /> {shown(values[f])}</label></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="row-actions">
        <button type="button" class="secondary" data-action="dup-back" onClick={onBack}>{t('dup_back')}</button>
        <button type="button" class="primary" data-action="dup-merge-confirm" disabled={busy} onClick={() => onMerge(match.lead.id, [...take.value])}>{t('dup_merge_confirm')}</button>
      </div>
    </div>
  );
}

export function DuplicatePanel({ matches, values, busy, onOpen, onMerge, onSaveAnyway, onCancel }: DuplicatePanelProps) {
  const merging = useSignal<string | undefined>(undefined);
  const current = matches.find((m) => m.lead.id === merging.value);
  // The safe way on is the default (issue #16): focus lands on "Open existing lead", so Enter
  // opens the stored lead instead of making a second one.
  const openFirst = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!current) openFirst.current?.focus();
  }, [current === undefined]);
  return (
    <section class="duplicates banner--warning" data-testid="duplicates" role="alert">
      <h2>{t('dup_title', [String(matches.length)])}</h2>
      {current ? (
        <MergeChooser match={current} values={values} busy={busy} onMerge={onMerge} onBack={() => (merging.value = undefined)} />
      ) : (
        <>
          {matches.map((m, i) => (
            <article key={m.lead.id} class="duplicate" data-duplicate-id={m.lead.id}>
              <div><strong>{fullName(m.lead)}</strong> <DncBadge lead={m.lead} />{m.lead.companyname ? ` · ${m.lead.companyname}` : ''}{m.lead.emailaddress1 ? ` · ${m.lead.emailaddress1}` : ''}</div>
              <div class="muted">{m.rules.map((r) => t(`dup_rule_${r}`)).join(' · ')}</div>
              <ul class="dup-fields">
                {m.fields.map((f) => (
                  <li key={f} data-matched-field={f}>{t(`field_${f}`)}: {shown(m.lead[f as LeadFieldName]) || shown(values[f as LeadFieldName])}</li>
                ))}
              </ul>
              <div class="row-actions">
                <button type="button" class={i === 0 ? 'primary' : 'secondary'} data-action="dup-open" ref={i === 0 ? openFirst : undefined} onClick={() => onOpen(m.lead)}>{t('dup_open')}</button>
                <button type="button" class="secondary" data-action="dup-merge" onClick={() => (merging.value = m.lead.id)}>{t('dup_merge')}</button>
              </div>
            </article>
          ))}
          <div class="row-actions">
            <button type="button" class="link" onClick={onCancel}>{t('dup_cancel')}</button>
            <button type="button" class="secondary" data-action="dup-save-anyway" disabled={busy} onClick={onSaveAnyway}>{t('dup_save_anyway')}</button>
          </div>
        </>
      )}
    </section>
  );
}
