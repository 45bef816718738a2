// Converting between a lead and the flat string/boolean values the form's controls hold. No zod
// here: the popup shows the form before the schema loads (validation: ./validate-form.ts).
import { leadFieldNames, leadFlagFields, type LeadFieldName } from './lead-columns';
import type { LeadDraft, LeadRecord } from './schema';

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
