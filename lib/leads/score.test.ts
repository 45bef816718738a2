import { describe, expect, it } from 'vitest';
import { defaultScoringRules, scoreLead, scoringRules, type ScoringRules } from './score';

const line = (r: ReturnType<typeof scoreLead>, c: string) => r.breakdown.find((l) => l.criterion === c)!;

describe('scoreLead', () => {
  it('gives an empty lead no points and no rating: nothing is known yet (issue #16)', () => {
    const r = scoreLead({ lastname: 'Nowak' });
    expect(r.max).toBe(100);
    expect(r.points).toBeCloseTo(1.3, 1); // lastname is 1 of 8 completeness fields
    expect(r.rating).toBeUndefined();
    expect(line(r, 'completeness')).toMatchObject({ value: '1/8' });
    expect(line(r, 'completeness').missing).toContain('emailaddress1');
    // A complete card is still no sign of interest.
    expect(scoreLead({ firstname: 'Jan', lastname: 'Nowak', companyname: 'Acme', jobtitle: 'CEO', emailaddress1: 'j@acme.pl', telephone1: '1', websiteurl: 'https://acme.pl', address1_city: 'Kraków', decisionmaker: false }).rating).toBeUndefined();
  });

  it('rates a lead once one of budget, authority, need or timing is known', () => {
    expect(scoreLead({ lastname: 'Nowak', need: 3 }).rating).toBe(3);
    expect(scoreLead({ lastname: 'Nowak', purchasetimeframe: 4 }).rating).toBe(3);
    expect(scoreLead({ lastname: 'Nowak', budgetamount: 0 }).rating).toBe(3);
    expect(scoreLead({ lastname: 'Nowak', decisionmaker: true }).rating).toBe(3);
  });

  it('explains each BANT point', () => {
    const r = scoreLead({ budgetstatus: 3, budgetamount: 60_000, decisionmaker: true, need: 0, purchasetimeframe: 1 });
    expect(line(r, 'budgetstatus')).toEqual({ criterion: 'budgetstatus', points: 20, max: 20, value: 3 });
    expect(line(r, 'budgetamount')).toEqual({ criterion: 'budgetamount', points: 10, max: 15, value: 60_000 });
    expect(line(r, 'decisionmaker')).toEqual({ criterion: 'decisionmaker', points: 15, max: 15, value: true });
    expect(line(r, 'need')).toEqual({ criterion: 'need', points: 20, max: 20, value: 0 });
    expect(line(r, 'purchasetimeframe')).toEqual({ criterion: 'purchasetimeframe', points: 15, max: 20, value: 1 });
    expect(r.points).toBe(80);
    expect(r.score).toBe(80);
    expect(r.rating).toBe(1);
  });

  it('sums the breakdown to the total, always', () => {
    const r = scoreLead({ budgetstatus: 1, need: 2, firstname: 'Jan', lastname: 'Nowak', companyname: 'Acme', emailaddress1: 'j@acme.pl' });
    const sum = r.breakdown.reduce((s, l) => s + l.points, 0);
    expect(r.points).toBeCloseTo(sum, 5);
    expect(r.max).toBe(r.breakdown.reduce((s, l) => s + l.max, 0));
  });

  it('maps score to Hot / Warm / Cold at the band edges', () => {
    const rules: ScoringRules = { ...defaultScoringRules, bands: { hot: 35, warm: 20 } };
    expect(scoreLead({ budgetstatus: 3, need: 0 }, rules)).toMatchObject({ score: 40, rating: 1 });
    expect(scoreLead({ budgetstatus: 3 }, rules)).toMatchObject({ score: 20, rating: 2 });
    expect(scoreLead({ budgetstatus: 2 }, rules)).toMatchObject({ score: 15, rating: 3 });
  });

  it('follows edited weights', () => {
    const rules: ScoringRules = { ...defaultScoringRules, decisionmaker: 50 };
    const r = scoreLead({ decisionmaker: true }, rules);
    expect(line(r, 'decisionmaker').points).toBe(50);
    expect(r.max).toBe(135);
  });

  it('picks the highest budget tier reached, whatever order the tiers are in', () => {
    const rules: ScoringRules = { ...defaultScoringRules, budgetamount: [{ min: 250_000, points: 15 }, { min: 0, points: 1 }, { min: 50_000, points: 10 }] };
    expect(line(scoreLead({ budgetamount: 5 }, rules), 'budgetamount').points).toBe(1);
    expect(line(scoreLead({ budgetamount: 300_000 }, rules), 'budgetamount').points).toBe(15);
    expect(line(scoreLead({}, rules), 'budgetamount').points).toBe(0);
  });

  it('validates rules: hot cannot be below warm, points not negative', () => {
    expect(scoringRules.safeParse(defaultScoringRules).success).toBe(true);
    expect(scoringRules.safeParse({ ...defaultScoringRules, bands: { hot: 30, warm: 40 } }).success).toBe(false);
    expect(scoringRules.safeParse({ ...defaultScoringRules, decisionmaker: -1 }).success).toBe(false);
  });
});
