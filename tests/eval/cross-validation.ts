// k-fold cross-validation by group (a site for pages, a sender for emails), shared by
// eval:extract and eval:signatures (issue #14): the rules are chosen on k-1 folds and scored on
// the held-out fold, so no group is ever scored by rules chosen with its own items.

/**
 * Groups in k folds, the same every run (by a hash of the group's name, not by input order).
 * Without weights the groups are dealt out in turn. With `weightOf` (how much an item counts in
 * the figures) the heaviest group goes first to the lightest fold, so each held-out fold scores
 * a like share of the items rather than of the groups.
 */
export function foldsByGroup<T>(items: readonly T[], k: number, groupOf: (item: T) => string, weightOf?: (item: T) => number): T[][] {
  const hash = (s: string) => [...s].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);
  const weight = new Map<string, number>();
  const size = new Map<string, number>();
  for (const item of items) {
    const g = groupOf(item);
    weight.set(g, (weight.get(g) ?? 0) + (weightOf?.(item) ?? 0));
    size.set(g, (size.get(g) ?? 0) + 1);
  }
  const groups = [...weight.keys()].sort((a, b) => hash(a) - hash(b) || a.localeCompare(b));
  const foldOf = new Map<string, number>();
  if (!weightOf) groups.forEach((g, i) => foldOf.set(g, i % k));
  else {
    const load = Array.from({ length: k }, () => ({ weight: 0, size: 0 }));
    const heaviestFirst = [...groups].sort((a, b) => weight.get(b)! - weight.get(a)!); // stable: hash order among equals
    for (const g of heaviestFirst) {
      let f = 0;
      for (let j = 1; j < k; j++) if (load[j].weight < load[f].weight || (load[j].weight === load[f].weight && load[j].size < load[f].size)) f = j;
      foldOf.set(g, f);
      load[f].weight += weight.get(g)!;
      load[f].size += size.get(g)!;
    }
  }
  const folds: T[][] = Array.from({ length: k }, () => []);
  for (const item of items) folds[foldOf.get(groupOf(item))!].push(item);
  return folds;
}

/** [right, out of]. */
export type Rate = [number, number];
export type Figures<K extends string> = Record<K, Rate>;

export const rateOf = ([a, b]: Rate) => (b ? a / b : 0);

/** The policy of the grid the objective rates best on these items (ties: the first listed). */
export function bestOf<T, P>(items: readonly T[], grid: readonly P[], objective: (items: readonly T[], policy: P) => number): P {
  let best = grid[0];
  let bestScore = -Infinity;
  for (const p of grid) {
    const s = objective(items, p);
    if (s > bestScore + 1e-9) {
      best = p;
      bestScore = s;
    }
  }
  return best;
}

export interface CrossValidated<K extends string, P> {
  /** The held-out folds' figures added up. */
  figures: Figures<K>;
  /** Each fold's figures, scored with the policy chosen without it. */
  perFold: Figures<K>[];
  /** The policy chosen for each fold, on the other k-1 folds. */
  chosen: P[];
}

/** Chooses on k-1 folds with `choose`, scores the held-out fold with `score`, adds the folds up. */
export function crossValidateFolds<T, P, K extends string>(
  folds: readonly (readonly T[])[],
  grid: readonly P[],
  choose: (train: readonly T[], grid: readonly P[]) => P,
  score: (held: readonly T[], policy: P) => Figures<K>,
): CrossValidated<K, P> {
  const perFold: Figures<K>[] = [];
  const chosen: P[] = [];
  folds.forEach((held, i) => {
    const policy = choose(folds.filter((_, j) => j !== i).flat(), grid);
    chosen.push(policy);
    perFold.push(score(held, policy));
  });
  const figures = {} as Figures<K>;
  for (const f of perFold) {
    for (const key of Object.keys(f) as K[]) {
      const sum = (figures[key] ??= [0, 0]);
      sum[0] += f[key][0];
      sum[1] += f[key][1];
    }
  }
  return { figures, perFold, chosen };
}

export const pct = ([a, b]: Rate) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

export interface FigureRow {
  name: string;
  dev: Rate;
  cv: Rate;
  /** The goal as a fraction, if the figure has one. */
  goal?: number;
}

/** The gap, in points, allowed between the development and the cross-validated figure. */
export const GAP_LIMIT_POINTS = 3;

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** The table both evaluations print: development, cross-validated, gap, goal, pass/fail. */
export function figureTable(rows: readonly FigureRow[], k: number, width = 56): string {
  const head = `  ${'figure'.padEnd(width)} ${'dev'.padStart(7)} ${`cv k=${k}`.padStart(8)} ${'of'.padStart(4)} ${'gap'.padStart(5)}  ${'goal'.padStart(5)}  goal?  gap<${GAP_LIMIT_POINTS}?`;
  const lines = rows.map((r) => {
    const d = rateOf(r.dev);
    const c = rateOf(r.cv);
    const gap = 100 * (d - c);
    const goal = r.goal === undefined ? '' : `${+(r.goal * 100).toFixed(1)}%`;
    const meets = r.goal === undefined ? '' : verdict(c >= r.goal - 1e-9);
    return `  ${r.name.padEnd(width)} ${pct(r.dev).padStart(7)} ${pct(r.cv).padStart(8)} ${String(r.cv[1]).padStart(4)} ${gap.toFixed(1).padStart(5)}  ${goal.padStart(5)}  ${meets.padEnd(5)}  ${verdict(Math.abs(gap) < GAP_LIMIT_POINTS)}`;
  });
  return [head, ...lines].join('\n');
}
