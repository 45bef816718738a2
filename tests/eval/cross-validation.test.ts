import { describe, expect, it } from 'vitest';
import { bestOf, crossValidateFolds, figureTable, foldsByGroup, type Figures } from './cross-validation';

interface Item {
  group: string;
  /** Which policy gets this item right. */
  right: string;
  counts: boolean;
}
const items: Item[] = Array.from({ length: 60 }, (_, i) => ({ group: `g${i % 17}`, right: i % 3 ? 'a' : 'b', counts: i % 17 < 5 }));
const group = (x: Item) => x.group;
const score = (held: readonly Item[], policy: string): Figures<'right'> => ({ right: [held.filter((x) => x.right === policy).length, held.length] });

describe('folds by group', () => {
  it('puts every group in exactly one fold and every item in a fold', () => {
    for (const weight of [undefined, (x: Item) => (x.counts ? 1 : 0)]) {
      const folds = foldsByGroup(items, 5, group, weight);
      expect(folds).toHaveLength(5);
      expect(folds.flat()).toHaveLength(items.length);
      for (const g of new Set(items.map(group))) expect(folds.filter((f) => f.some((x) => x.group === g))).toHaveLength(1);
    }
  });

  it('is the same whatever order the items come in', () => {
    const foldOf = (list: Item[]) => {
      const folds = foldsByGroup(list, 5, group, (x) => (x.counts ? 1 : 0));
      return Object.fromEntries(folds.flatMap((f, i) => f.map((x) => [x.group, i])));
    };
    expect(foldOf([...items].reverse())).toEqual(foldOf(items));
  });

  it('with weights, spreads the items that count evenly over the folds', () => {
    // 5 of the 17 groups hold every item that counts: one such group per fold.
    const folds = foldsByGroup(items, 5, group, (x) => (x.counts ? 1 : 0));
    const counted = folds.map((f) => new Set(f.filter((x) => x.counts).map(group)).size);
    expect(counted).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('cross-validation', () => {
  it('chooses each fold\'s policy without that fold and scores it on that fold only', () => {
    const folds = foldsByGroup(items, 4, group);
    const seen: (readonly Item[])[] = [];
    const choose = (train: readonly Item[], grid: readonly string[]) => {
      seen.push(train);
      return bestOf(train, grid, (xs, p) => score(xs, p).right[0]);
    };
    const cv = crossValidateFolds(folds, ['b', 'a'], choose, score);
    expect(seen).toHaveLength(4);
    seen.forEach((train, i) => {
      expect(train.some((x) => folds[i].includes(x))).toBe(false);
      expect(train).toHaveLength(items.length - folds[i].length);
    });
    expect(cv.chosen).toEqual(['a', 'a', 'a', 'a']);
    expect(cv.perFold.map((f) => f.right[1])).toEqual(folds.map((f) => f.length));
    expect(cv.figures.right).toEqual([items.filter((x) => x.right === 'a').length, items.length]);
  });

  it('shows a rule fitted to its own groups as a gap: each held-out fold gets a policy that is wrong for it', () => {
    // Each group is right under its own policy only: on all items a policy looks fine, held out it fails.
    const fitted = Array.from({ length: 10 }, (_, i) => ({ group: `s${i}`, right: `p${i}`, counts: true }));
    const folds = foldsByGroup(fitted, 5, group);
    const grid = fitted.map((x) => x.right);
    const cv = crossValidateFolds(folds, grid, (train, g) => bestOf(train, g, (xs, p) => score(xs, p).right[0]), score);
    expect(cv.figures.right).toEqual([0, 10]);
    folds.forEach((held, i) => expect(held.map((x) => x.right)).not.toContain(cv.chosen[i]));
  });

  it('prints development, cross-validated, gap, goal and pass/fail', () => {
    const table = figureTable(
      [
        { name: 'company', dev: [90, 100], cv: [89, 100], goal: 0.85 },
        { name: 'phone', dev: [90, 100], cv: [80, 100], goal: 0.88 },
        { name: 'email', dev: [9, 10], cv: [9, 10] },
      ],
      5,
      10,
    );
    const [head, company, phone, email] = table.split('\n');
    expect(head).toMatch(/dev\s+cv k=5\s+of\s+gap\s+goal\s+goal\?\s+gap<3\?/);
    expect(company).toMatch(/company\s+90\.0%\s+89\.0%\s+100\s+1\.0\s+85%\s+PASS\s+PASS/);
    expect(phone).toMatch(/phone\s+90\.0%\s+80\.0%\s+100\s+10\.0\s+88%\s+FAIL\s+FAIL/);
    expect(email).toMatch(/email\s+90\.0%\s+90\.0%\s+10\s+0\.0\s+PASS$/);
  });
});
