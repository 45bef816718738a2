// A transparent lead score (issue #4): BANT (budget amount and status, decision maker, need,
// purchase timeframe) plus data completeness. Every point comes with its reason, so the rep sees
// why a lead is hot. Rules and weights are settings the rep can edit (scoring-rules.ts).
import * as z from 'zod/mini';
import type { LeadFieldName, LeadFields } from './schema';

const points = z.number().check(z.gte(0), z.lte(1000));
const percent = z.number().check(z.gte(0), z.lte(100));
const byOption = (values: readonly number[]) =>
  z.object(Object.fromEntries(values.map((v) => [String(v), points])) as Record<string, typeof points>);

export const scoringRules = z.object({
  version: z.literal(1),
  /** Points per budgetstatus option (0 No Committed Budget .. 3 Will Buy). */
  budgetstatus: byOption([0, 1, 2, 3]),
  /** Points for the highest tier the budget amount reaches. */
  budgetamount: z.array(z.object({ min: z.number().check(z.gte(0)), points })).check(z.maxLength(10)),
  /** Points when the contact is the decision maker. */
  decisionmaker: points,
  /** Points per need option (0 Must have .. 3 No need). */
  need: byOption([0, 1, 2, 3]),
  /** Points per purchasetimeframe option (0 Immediate .. 4 Unknown). */
  purchasetimeframe: byOption([0, 1, 2, 3, 4]),
  /** Points for a complete record, shared evenly by the listed fields. */
  completeness: z.object({ points, fields: z.array(z.string()).check(z.maxLength(40)) }),
  /** Percent of the maximum at or above which a lead is Hot / Warm; below Warm it is Cold. */
  bands: z.object({ hot: percent, warm: percent }).check(z.refine((b) => b.hot >= b.warm, { message: 'hot_below_warm' })),
});
export type ScoringRules = z.output<typeof scoringRules>;

export const defaultScoringRules: ScoringRules = {
  version: 1,
  budgetstatus: { 0: 0, 1: 10, 2: 15, 3: 20 },
  budgetamount: [{ min: 10_000, points: 5 }, { min: 50_000, points: 10 }, { min: 250_000, points: 15 }],
  decisionmaker: 15,
  need: { 0: 20, 1: 14, 2: 7, 3: 0 },
  purchasetimeframe: { 0: 20, 1: 15, 2: 10, 3: 5, 4: 0 },
  completeness: { points: 10, fields: ['firstname', 'lastname', 'companyname', 'jobtitle', 'emailaddress1', 'telephone1', 'websiteurl', 'address1_city'] },
  bands: { hot: 70, warm: 40 },
};

export type Criterion = 'budgetstatus' | 'budgetamount' | 'decisionmaker' | 'need' | 'purchasetimeframe' | 'completeness';

export interface ScoreLine {
  criterion: Criterion;
  points: number;
  max: number;
  /** The lead's value behind the points (option value, amount, flag, filled/total). */
  value?: number | boolean | string;
  /** Completeness only: the listed fields still empty. */
  missing?: LeadFieldName[];
}

export interface LeadScore {
  /** 0..100: points as a share of the maximum the rules allow. */
  score: number;
  points: number;
  max: number;
  /** leadqualitycode: 1 Hot, 2 Warm, 3 Cold; none while nothing about budget, authority, need
   * or timing is known (a name and an email say nothing about interest: issue #16). */
  rating?: 1 | 2 | 3;
  breakdown: ScoreLine[];
}

export type ScoredFields = Partial<Pick<LeadFields, 'budgetstatus' | 'budgetamount' | 'decisionmaker' | 'need' | 'purchasetimeframe'>> & Partial<Record<LeadFieldName, unknown>>;

const maxOf = (rec: Record<string, number>) => Math.max(0, ...Object.values(rec));
const optionLine = (criterion: Criterion, table: Record<string, number>, value: number | undefined): ScoreLine => ({
  criterion,
  points: value === undefined ? 0 : (table[String(value)] ?? 0),
  max: maxOf(table),
  value,
});

export function scoreLead(lead: ScoredFields, rules: ScoringRules = defaultScoringRules): LeadScore {
  const amount = lead.budgetamount;
  const tiers = [...rules.budgetamount].sort((a, b) => b.min - a.min);
  const tier = amount === undefined ? undefined : tiers.find((t) => amount >= t.min);
  const filled = rules.completeness.fields.filter((f) => {
    const v = lead[f as LeadFieldName];
    return v !== undefined && v !== null && v !== '';
  });
  const nFields = rules.completeness.fields.length;
  const breakdown: ScoreLine[] = [
    optionLine('budgetstatus', rules.budgetstatus, lead.budgetstatus),
    { criterion: 'budgetamount', points: tier?.points ?? 0, max: Math.max(0, ...rules.budgetamount.map((t) => t.points)), value: amount },
    { criterion: 'decisionmaker', points: lead.decisionmaker ? rules.decisionmaker : 0, max: rules.decisionmaker, value: !!lead.decisionmaker },
    optionLine('need', rules.need, lead.need),
    optionLine('purchasetimeframe', rules.purchasetimeframe, lead.purchasetimeframe),
    {
      criterion: 'completeness',
      points: nFields ? Math.round((rules.completeness.points * filled.length) / nFields * 10) / 10 : 0,
      max: nFields ? rules.completeness.points : 0,
      value: `${filled.length}/${nFields}`,
      missing: rules.completeness.fields.filter((f) => !filled.includes(f)) as LeadFieldName[],
    },
  ];
  const total = breakdown.reduce((s, l) => s + l.points, 0);
  const max = breakdown.reduce((s, l) => s + l.max, 0);
  const score = max > 0 ? Math.round((total / max) * 100) : 0;
  const grounds = amount !== undefined || lead.decisionmaker === true
    || [lead.budgetstatus, lead.need, lead.purchasetimeframe].some((v) => v !== undefined && v !== null);
  const rating = !grounds ? undefined : score >= rules.bands.hot ? 1 : score >= rules.bands.warm ? 2 : 3;
  return { score, points: Math.round(total * 10) / 10, max, rating, breakdown };
}
