// Form controls. Every control's `name` is the Dataverse logical name of its field.
import type { JSX } from 'preact';
import { t, uiLang } from '@/lib/i18n/t';
import { leadOptionSets, type LeadOptionSetName } from '@/lib/leads/option-sets';
import { leadTextLimits, type LeadFieldName } from '@/lib/leads/lead-columns';
import type { LeadFormModel } from '@/lib/state/lead-form-model';
import { fieldConfidence } from '@/lib/capture/field-confidence';
import { useEffect } from 'preact/hooks';
import { effectiveOptions, loadOrgOptionSets, orgOptionSetsSignal, orgRequiredColumnsSignal } from '@/lib/state/org-option-sets';

/** Issue #17: a lead field the org made required is marked as such (with our own label for it). */
const orgRequires = (name: string) => orgRequiredColumnsSignal.value.some((c) => c.name === name);

/** "max:50" -> a sentence in the rep's language. */
export function errorText(code: string | undefined): string {
  if (!code) return '';
  const [kind, arg] = code.split(':');
  switch (kind) {
    case 'required': return t('error_required');
    case 'max': return t('error_max', arg);
    case 'min': return t('error_min', arg);
    case 'option': return t('error_option');
    case 'date': return t('error_date');
    case 'email': return t('error_email');
    case 'email_multiple': return t('error_email_multiple');
    case 'url': return t('error_url');
    default: return /number/i.test(code) ? t('error_number') : t('error_invalid');
  }
}

interface FieldProps {
  model: LeadFormModel;
  name: LeadFieldName;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'date';
  multiline?: boolean;
}

/** Where a prefilled value came from, in words (issue #16: readable without a mouse). */
export function provenanceText(model: LeadFormModel, name: LeadFieldName): string | undefined {
  const prov = model.state.value.provenance?.fields?.[name];
  return prov ? t('provenance_title', [t(`provenance_method_${prov.method}`), prov.source ?? '']) : undefined;
}

/** The ids describing a control: its error, and where its value came from. */
function describedBy(model: LeadFormModel, name: LeadFieldName): string | undefined {
  const ids = [model.errors.value[name] && `${name}-error`, provenanceText(model, name) && `${name}-prov`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell({ model, name, required, children }: { model: LeadFormModel; name: LeadFieldName; required?: boolean; children: JSX.Element }) {
  const error = model.errors.value[name];
  const prov = model.state.value.provenance?.fields?.[name];
  // How much to trust the prefilled value, in words beside the label, not by colour alone (#14).
  const confidence = prov ? fieldConfidence(prov.method) : undefined;
  const provText = provenanceText(model, name);
  return (
    <div class={`field${error ? ' field--error' : ''}${prov ? ' field--captured' : ''}`} data-provenance={prov?.method}>
      <label for={`f-${name}`}>
        {t(`field_${name}`)}
        {required && <span class="required" aria-label={t('required_marker')}> *</span>}
        {confidence && <span class={`confidence confidence--${confidence}`} data-confidence={confidence}>{t(`confidence_${confidence}`)}</span>}
      </label>
      {children}
      {/* Shown while the field has focus or the pointer, and read with the field (aria-describedby). */}
      {provText && <div class="provenance" id={`${name}-prov`} data-provenance-for={name}>{provText}</div>}
      {error && <div class="field-error" id={`${name}-error`} role="alert" data-error-for={name}>{errorText(error)}</div>}
    </div>
  );
}

export function TextField({ model, name, required: requiredHere, type = 'text', multiline }: FieldProps) {
  const required = requiredHere || orgRequires(name);
  const value = String(model.state.value.values[name] ?? '');
  const common = {
    id: `f-${name}`,
    name,
    value,
    maxLength: leadTextLimits[name],
    'aria-invalid': model.errors.value[name] ? true : undefined,
    'aria-describedby': describedBy(model, name),
    required,
    onInput: (e: Event) => model.setField(name, (e.currentTarget as HTMLInputElement).value),
  };
  return (
    <FieldShell model={model} name={name} required={required}>
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type={type as 'text'} step={type === 'number' ? 'any' : undefined} />}
    </FieldShell>
  );
}

export function ChoiceField({ model, name }: { model: LeadFormModel; name: LeadOptionSetName }) {
  const set = leadOptionSets[name];
  const lang = uiLang();
  const value = String(model.state.value.values[name] ?? '');
  // The connected org's own labels (issue #6); the built-in ones until they arrive.
  useEffect(() => void loadOrgOptionSets(), []);
  const options = effectiveOptions(name, set, orgOptionSetsSignal.value, value === '' ? undefined : Number(value));
  return (
    <FieldShell model={model} name={name} required={orgRequires(name)}>
      <select id={`f-${name}`} name={name} value={value} aria-describedby={describedBy(model, name)} onChange={(e) => model.setField(name, (e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('choice_none')}</option>
        {options.map(([v, label]) => (
          <option key={v} value={v}>{label[lang]}</option>
        ))}
      </select>
    </FieldShell>
  );
}

export function FlagField({ model, name, danger }: { model: LeadFormModel; name: LeadFieldName; danger?: boolean }) {
  const checked = model.state.value.values[name] === true;
  return (
    <label class={`flag${danger && checked ? ' flag--on' : ''}`}>
      <input type="checkbox" id={`f-${name}`} name={name} checked={checked} onChange={(e) => model.setField(name, (e.currentTarget as HTMLInputElement).checked)} />
      {t(`field_${name}`)}
    </label>
  );
}
