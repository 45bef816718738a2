// One budget for a whole extraction (issue #18): every element any reader visits costs a step,
// and the clock is checked as it goes. A hostile page (a 5 kB nest of items that are ten
// properties at once) then ends in a bounded time with what was found so far, marked truncated,
// instead of hanging the tab it was captured from.
export interface ExtractLimits {
  /** Elements visited, summed over every reader. */
  maxSteps: number;
  /** Wall-clock time in ms; the popup gives up on the page after 6.5 s. */
  maxMs: number;
}

// Far above any real page (the evaluation corpus), far below a hang.
export const defaultLimits: ExtractLimits = { maxSteps: 400_000, maxMs: 1_500 };

export interface ExtractBudget {
  /** Spends `n` steps; false once the budget is gone (and from then on). */
  spend(n?: number): boolean;
  readonly exhausted: boolean;
}

export function createBudget(limits: ExtractLimits = defaultLimits, now: () => number = () => performance.now()): ExtractBudget {
  const deadline = now() + limits.maxMs;
  let steps = 0;
  let exhausted = false;
  return {
    spend(n = 1) {
      if (exhausted) return false;
      const before = steps;
      steps += n;
      // Reading the clock costs more than a step: look at it every 512 steps.
      if (steps > limits.maxSteps || (steps >> 9 !== before >> 9 && now() > deadline)) exhausted = true;
      return !exhausted;
    },
    get exhausted() {
      return exhausted;
    },
  };
}

/** A budget that never runs out, for callers reading one small, trusted element. */
export const unlimited: ExtractBudget = { spend: () => true, exhausted: false };
