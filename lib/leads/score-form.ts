// The score of what is in the form right now (issue #4), so the rep sees it change while typing.
// Form controls hold strings; the score wants numbers and flags.
import type { FormValues } from './form-values';
import { scoreLead, type LeadScore, type ScoredFields, type ScoringRules } from './score';

const numeric = ['budgetstatus', 'budgetamount', 'need', 'purchasetimeframe'] as const;

export function scoreFormValues(values: FormValues, rules: ScoringRules): LeadScore {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string' && v.trim() === '') continue;
    fields[k] = typeof v === 'string' ? v.trim() : v;
  }
  for (const k of numeric) {
    const raw = fields[k];
    if (raw === undefined) continue;
    const n = Number(String(raw).replace(/\s/g, '').replace(',', '.'));
    if (Number.isFinite(n)) fields[k] = n;
    else delete fields[k];
  }
  return scoreLead(fields as ScoredFields, rules);
}
