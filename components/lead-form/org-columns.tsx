// Issue #17: the columns the organisation made required on the lead, with its display names (in
// the rep's language) and its choices. An empty one does not stop the save: the lead is kept here
// and the sync holds it back, saying which column to fill.
import { useEffect } from 'preact/hooks';
import { t, uiLang } from '@/lib/i18n/t';
import { leadFieldNames } from '@/lib/leads/lead-columns';
import type { LeadFormModel } from '@/lib/state/lead-form-model';
import { loadOrgOptionSets, orgOptionSetsSignal, orgRequiredColumnsSignal } from '@/lib/state/org-option-sets';
import type { OrgColumn } from '@/lib/sync/org-columns';

const builtIn = new Set<string>(leadFieldNames);
const numeric = new Set(['Integer', 'Decimal', 'Double', 'Money']);

function Control({ model, column }: { model: LeadFormModel; column: OrgColumn }) {
  const value = model.state.value.custom?.[column.name];
  const id = `f-${column.name}`;
  const lang = uiLang();
  if (column.type === 'Picklist') {
    const options = orgOptionSetsSignal.value?.[column.name] ?? [];
    return (
      <select id={id} name={column.name} value={value == null ? '' : String(value)} onChange={(e) => model.setCustom(column.name, e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
        <option value="">{t('choice_none')}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label[lang]}</option>)}
      </select>
    );
  }
  if (column.type === 'Boolean') {
    return <input type="checkbox" id={id} name={column.name} checked={value === true} onChange={(e) => model.setCustom(column.name, e.currentTarget.checked)} />;
  }
  const common = { id, name: column.name, value: value == null ? '' : String(value), maxLength: 4000 };
  if (numeric.has(column.type)) {
    return <input {...common} type="number" step="any" onInput={(e) => { const v = e.currentTarget.value; model.setCustom(column.name, v === '' || Number.isNaN(Number(v)) ? null : Number(v)); }} />;
  }
  if (column.type === 'DateTime') return <input {...common} type="date" onInput={(e) => model.setCustom(column.name, e.currentTarget.value)} />;
  if (column.type === 'Memo') return <textarea {...common} rows={3} onInput={(e) => model.setCustom(column.name, e.currentTarget.value)} />;
  return <input {...common} type="text" onInput={(e) => model.setCustom(column.name, e.currentTarget.value)} />;
}

/** The org's own required columns (lead fields the org made required are marked where they are). */
export function OrgColumnsFields({ model }: { model: LeadFormModel }) {
  useEffect(() => void loadOrgOptionSets(), []);
  const own = orgRequiredColumnsSignal.value.filter((c) => !builtIn.has(c.name));
  if (!own.length) return null;
  const lang = uiLang();
  return (
    <div class="org-columns" data-testid="org-columns">
      <h3>{t('orgFields_heading')}</h3>
      <div class="grid">
        {own.map((c) => {
          const v = model.state.value.custom?.[c.name];
          const empty = v === undefined || v === null || v === '';
          return (
            <div key={c.name} class="field" data-org-column={c.name}>
              <label for={`f-${c.name}`}>
                {c.label[lang]}
                <span class="required" aria-label={t('required_marker')}> *</span>
              </label>
              <Control model={model} column={c} />
              {empty && <div class="warning" role="status" data-warning={c.name}>{t('orgFields_missing')}</div>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
