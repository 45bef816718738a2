// The popup's score panel with its scoring code, fetched after the quick form shows (issue #13:
// the popup's entry chunk holds only what the moment of capture needs).
import { ScorePanel } from '@/components/pipeline/score-panel';
import { scoreFormValues } from '@/lib/leads/score-form';
import type { ScoringRules } from '@/lib/leads/score';
import type { LeadFormModel } from '@/lib/state/lead-form-model';

export function ScoreAside({ model, rules }: { model: LeadFormModel; rules: ScoringRules }) {
  const values = model.state.value.values;
  const chosen = Number(values.leadqualitycode) || undefined;
  return <ScorePanel score={scoreFormValues(values, rules)} chosen={chosen} onUse={(r) => model.setField('leadqualitycode', String(r))} />;
}
