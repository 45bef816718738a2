import { describe, expect, it } from 'vitest';
import { scoreFormValues } from './score-form';
import { defaultScoringRules } from './score';

describe('scoreFormValues', () => {
  it('reads option values and amounts typed as text, ignores blanks and junk', () => {
    const s = scoreFormValues({ budgetstatus: '3', budgetamount: '60 000', need: '', purchasetimeframe: 'x', decisionmaker: true, lastname: ' Nowak ' }, defaultScoringRules);
    const pts = Object.fromEntries(s.breakdown.map((l) => [l.criterion, l.points]));
    expect(pts).toMatchObject({ budgetstatus: 20, budgetamount: 10, need: 0, purchasetimeframe: 0, decisionmaker: 15 });
  });
});
