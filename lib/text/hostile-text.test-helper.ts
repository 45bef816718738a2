// Long, hostile text for the parsers' time bounds (security issue #18): the characters and words
// their patterns look for, repeated to tens or hundreds of kilobytes, in one line or in many, and
// ending in a character that makes a match fail at the very end (what sets off backtracking).
import fc from 'fast-check';
import { expect } from 'vitest';

/** What the patterns care about: spaces, digits and phone punctuation, dots, @, labels, names,
 * address and header words, quote marks... */
const PIECES = [
  'a', ' ', '\t', '1', '1 ', '1-', '12:30 ', '-', '+', '(', '.', ',', ':', '"', '>', '> ', '<<a', '@', 'a@', 'a@b.',
  'a.', 'a.b', 'a-', 'p.', 'p. ', 'e-mail.', 'tel ', 'Tel: 1', 'www.', 'http://a.', 'A', 'A ', ' A', 'A. ', 'A, ', 'A-',
  "A'", 'Ab ', 'Ab-', 'Ab, ', 'Abc ', 'AB ', 'Jan Kowalski ', 'ul. ', '1 Main ', 'On ', 'From: ', 'x ', '\u00a0', '=',
];
const TAILS = ['', '#', '!', ' x', '.', ',', '\t#', '@', ':', ')', '"'];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...PIECES), minLength: 2, maxLength: 4 }) },
);

function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** One line of `min`..`max` characters: a piece repeated, then a tail. */
export function hostileLine(min: number, max: number): fc.Arbitrary<string> {
  return fc.tuple(piece, fc.integer({ min, max }), fc.constantFrom(...TAILS)).map(([p, n, tail]) => repeatTo(p, n) + tail);
}

/** A text of `min`..`max` characters in many lines, each a hostile line of up to `lineMax`. */
export function hostileLines(min: number, max: number, lineMax = 400): fc.Arbitrary<string> {
  const line = fc.tuple(piece, fc.integer({ min: 1, max: lineMax }), fc.constantFrom(...TAILS));
  return fc.tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.integer({ min, max })).map(([kinds, total]) => {
    const out: string[] = [];
    let size = 0;
    for (let i = 0; size < total; i++) {
      const [p, n, tail] = kinds[i % kinds.length];
      const l = repeatTo(p, n) + tail;
      out.push(l);
      size += l.length + 1;
    }
    return out.join('\n');
  });
}

/** A long line, many lines, or a random mix of pieces: up to `max` characters. */
export function hostileText(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    hostileLine(max / 4, max),
    hostileLines(max / 4, max),
    fc.array(piece, { minLength: 1, maxLength: 40 }).chain((ps) =>
      fc.integer({ min: max / 4, max }).map((n) => repeatTo(ps.join(''), n)),
    ),
  );
}

/** CPU time is what the bound is about; wall time would also count the machine's other work. */
export function cpuMs<T>(fn: () => T): { ms: number; value: T } {
  const start = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

/**
 * A budget far below what the old, quadratic parsers took (43 s for one 80 kB line, minutes for
 * 200 kB) and far above what linear ones take (tens of milliseconds, a few hundred on a loaded
 * 2-core machine).
 */
export const BUDGET_MS = 1_000;

/** Times a call over budget this many times in all: on a busy 2-core machine, process CPU time
 * (which counts the engine's compiler and collector threads) was seen 6x the quiet figure twice
 * in a row for a 350 ms call. A quadratic parser takes tens of seconds every time. */
const TIMINGS = 3;

/** Runs `fn` and asserts it stayed within the budget; returns its value. A call over budget is
 * timed again and the fastest run counts: a pause passes, a slow parser fails every time. */
export function withinBudget<T>(fn: () => T, budget = BUDGET_MS): T {
  const first = cpuMs(fn);
  let ms = first.ms;
  for (let i = 1; i < TIMINGS && ms >= budget; i++) ms = Math.min(ms, cpuMs(fn).ms);
  expect(ms, `took ${Math.round(ms)} ms of CPU`).toBeLessThan(budget);
  return first.value;
}

/** fast-check settings: few runs (each is up to hundreds of kB) and no shrinking of a slow case. */
export const runs = (numRuns: number) => ({ numRuns, endOnFailure: true }) as const;
