import { describe, expect, it } from 'vitest';
import { createBudget } from './budget';

describe('createBudget', () => {
  it('runs out after its steps, and stays out', () => {
    const budget = createBudget({ maxSteps: 10, maxMs: 60_000 }, () => 0);
    for (let i = 0; i < 10; i++) expect(budget.spend()).toBe(true);
    expect(budget.spend()).toBe(false);
    expect(budget.exhausted).toBe(true);
    expect(budget.spend()).toBe(false);
  });
  it('runs out at its deadline, looking at the clock every 512 steps', () => {
    let now = 0;
    const budget = createBudget({ maxSteps: 1e9, maxMs: 100 }, () => now);
    now = 101;
    for (let i = 0; i < 511; i++) expect(budget.spend()).toBe(true);
    expect(budget.spend()).toBe(false);
    expect(budget.exhausted).toBe(true);
  });
});
