// Converting between a lead and the flat string/boolean values the form's controls hold.
import { leadDraft, leadFieldNames, leadFlagFields, type LeadDraft, type LeadDraftInput, type LeadFieldName, type LeadRecord } from './schema';

export type FieldValue = string | boolean;
export type FormValues = Partial<Record<LeadFieldName, FieldValue>>;

const flagSet = new Set<string>(leadFlagFields);

/** The form's values for a stored lead (or a partial prefill). */
export function toFormValues(lead: Partial<LeadRecord> | Partial<LeadDraft>): FormValues {
  const values: FormValues = {};
  for (const name of leadFieldNames) {
    const v = (lead as Record<string, unknown>)[name];
    if (v === undefined || v === null) continue;
    values[name] = flagSet.has(name) ? Boolean(v) : String(v);
  }
  return values;
}

export type FieldErrors = Partial<Record<string, string>>;

/** Validates form values plus the lead's non-column parts; returns the draft or per-field error codes. */
export function validateForm(
  values: FormValues,
  extra: Omit<LeadDraftInput, LeadFieldName>,
): { ok: true; draft: LeadDraft } | { ok: false; errors: FieldErrors } {
  const parsed = leadDraft.safeParse({ ...extra, ...values });
  if (parsed.success) return { ok: true, draft: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '_');
    errors[key] ??= issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.message;
  }
  return { ok: false, errors };
}
