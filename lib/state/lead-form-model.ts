// The lead form's state: values, which fields the rep edited, errors. Pure signals, no browser.*.
import { batch, computed, signal } from '@preact/signals';
import { toFormValues, type FieldErrors, type FieldValue, type FormValues } from '../leads/form-values';
import type { LeadDraftInput, LeadFieldName, LeadOwner, LeadRecord, OrgColumnValues, Provenance, Stakeholder, TimelineItem } from '../leads/schema';
import type { FormValidation } from '../leads/validate-form';

export type QualifyLinks = NonNullable<LeadDraftInput['qualify']>;

export interface LeadFormState {
  id?: string;
  values: FormValues;
  timeline: TimelineItem[];
  stakeholders: Stakeholder[];
  qualify: QualifyLinks;
  /** Issue #17: the org's own columns (by logical name) and who owns the lead in the CRM. */
  custom?: OrgColumnValues;
  owner?: LeadOwner;
  provenance?: Provenance;
  statecode?: 0 | 1 | 2;
  statuscode?: number;
  /** Fields the rep typed in: a prefill never overwrites these. */
  edited: LeadFieldName[];
}

// The schema (zod) is fetched on the first check, not with the form: the popup's first paint
// needs only the fields (issue #13).
let validator: Promise<typeof import('../leads/validate-form')> | undefined;
function loadValidator() {
  return (validator ??= import('../leads/validate-form').catch((err: unknown) => {
    validator = undefined; // the next check tries again
    throw err;
  }));
}

export function emptyFormState(): LeadFormState {
  return { values: {}, timeline: [], stakeholders: [], qualify: {}, edited: [] };
}

export function createLeadFormModel(initial: LeadFormState = emptyFormState()) {
  const state = signal<LeadFormState>(initial);
  const errors = signal<FieldErrors>({});
  const submitted = signal(false);
  // Counts checks, so an answer that arrives after a newer check (or a new lead) is dropped.
  let checks = 0;

  const companyMissing = computed(() => !String(state.value.values.companyname ?? '').trim());

  function update(patch: Partial<LeadFormState>) {
    state.value = { ...state.value, ...patch };
  }

  /** The rep changed a field. */
  function setField(name: LeadFieldName, value: FieldValue) {
    const s = state.value;
    const edited = s.edited.includes(name) ? s.edited : [...s.edited, name];
    // A typed value is the rep's own: it no longer carries the capture's provenance.
    let provenance = s.provenance;
    if (provenance?.fields?.[name]) {
      const { [name]: _dropped, ...fields } = provenance.fields;
      provenance = { ...provenance, fields };
    }
    batch(() => {
      update({ values: { ...s.values, [name]: value }, edited, provenance });
      if (submitted.value) void validate();
    });
  }

  /** The rep filled one of the org's own columns. */
  function setCustom(name: string, value: string | number | boolean | null) {
    const s = state.value;
    const custom = { ...(s.custom ?? {}) };
    if (value === null || value === '') delete custom[name];
    else custom[name] = value;
    update({ custom });
  }

  /** A capture or a picked record offers values: only empty, unedited fields take them. */
  function prefill(values: FormValues, fieldProvenance: Provenance['fields'] = {}, mode: 'fill-empty' | 'replace-unedited' = 'fill-empty') {
    const s = state.value;
    const next = { ...s.values };
    const fields = { ...(s.provenance?.fields ?? {}) };
    for (const [k, v] of Object.entries(values) as [LeadFieldName, FieldValue][]) {
      if (v === undefined || v === '') continue;
      if (s.edited.includes(k)) continue;
      const current = next[k];
      const empty = current === undefined || current === '' || current === false;
      if (mode === 'fill-empty' && !empty) continue;
      next[k] = v;
      if (fieldProvenance[k]) fields[k] = fieldProvenance[k];
      else delete fields[k];
    }
    update({ values: next, provenance: s.provenance ? { ...s.provenance, fields } : s.provenance });
    // The form now holds something to save: fetch the schema so Save answers at once.
    void loadValidator().catch(() => {});
  }

  /** Checks the values as they are now; the errors shown follow the latest check. */
  async function validate(): Promise<FormValidation> {
    const s = state.value;
    const check = ++checks;
    const { validateForm } = await loadValidator();
    const result = validateForm(s.values, {
      id: s.id,
      timeline: s.timeline,
      stakeholders: s.stakeholders,
      qualify: s.qualify,
      custom: s.custom,
      owner: s.owner,
      provenance: s.provenance,
      statecode: s.statecode,
      statuscode: s.statuscode,
    });
    if (check === checks) errors.value = result.ok ? {} : result.errors;
    return result;
  }

  function submit() {
    submitted.value = true;
    return validate();
  }

  /** A new lead (no id) from the same page: a shown saved lead is left as saved (issue #13). */
  function startNew(now = new Date()) {
    const p = state.value.provenance;
    checks++;
    batch(() => {
      state.value = { ...emptyFormState(), provenance: p && { origin: p.origin, sourceUrl: p.sourceUrl, pageTitle: p.pageTitle, capturedAt: now.toISOString(), fields: {} } };
      errors.value = {};
      submitted.value = false;
    });
  }

  return { state, errors, companyMissing, update, setField, setCustom, prefill, validate, submit, startNew };
}

export type LeadFormModel = ReturnType<typeof createLeadFormModel>;

/** The form's state for editing a stored lead. */
export function formStateFromLead(lead: LeadRecord): LeadFormState {
  return {
    id: lead.id,
    values: toFormValues(lead),
    timeline: lead.timeline,
    stakeholders: lead.stakeholders,
    qualify: lead.qualify,
    custom: lead.custom,
    owner: lead.owner,
    provenance: lead.provenance,
    statecode: lead.statecode,
    statuscode: lead.statuscode,
    edited: [],
  };
}
