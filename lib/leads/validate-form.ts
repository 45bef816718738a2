// The form's values checked against the lead schema on save. Its own module so the schema (zod)
// loads when the rep saves, not with the popup's first paint (issue #13).
import { leadDraft, type LeadDraft, type LeadDraftInput, type LeadFieldName } from './schema';
import type { FieldErrors, FormValues } from './form-values';

export type FormValidation = { ok: true; draft: LeadDraft } | { ok: false; errors: FieldErrors };

/** Validates form values plus the lead's non-column parts; returns the draft or per-field error codes. */
export function validateForm(values: FormValues, extra: Omit<LeadDraftInput, LeadFieldName>): FormValidation {
  const parsed = leadDraft.safeParse({ ...extra, ...values });
  if (parsed.success) return { ok: true, draft: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '_');
    errors[key] ??= issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.message;
  }
  return { ok: false, errors };
}
