// Security issue #18: the page-text parsers take time linear in their input. Each entry point
// gets long and hostile text (up to 200 kB) and must answer within a CPU budget.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileLine, hostileText, runs, withinBudget } from '../../text/hostile-text.test-helper';
import { extractSelection } from '../extract-selection';
import { findAddresses } from './address';
import { findEmails } from './emails';
import { parseLines } from './parse-lines';
import { namesInText } from './person-name';
import { findPhones } from './phones';

describe('page-text parsers stay linear on hostile text (#18)', () => {
  it('findEmails, findPhones, namesInText, findAddresses: one line of up to 200 kB', () => {
    fc.assert(
      fc.property(hostileLine(1, 200_000), (line) => {
        expect(Array.isArray(withinBudget(() => findEmails(line)))).toBe(true);
        expect(Array.isArray(withinBudget(() => findPhones(line)))).toBe(true);
        expect(Array.isArray(withinBudget(() => namesInText(line)))).toBe(true);
        expect(Array.isArray(withinBudget(() => findAddresses([line, line])))).toBe(true);
      }),
      runs(20),
    );
  });

  it('parseLines and extractSelection: up to 200 kB of text', () => {
    fc.assert(
      fc.property(hostileText(200_000), (text) => {
        const parsed = withinBudget(() => parseLines(text.split('\n'), [], 'https://example.test/', 'text'));
        expect(parsed.people.length).toBeLessThanOrEqual(100);
        const candidates = withinBudget(() => extractSelection(text));
        expect(Array.isArray(candidates)).toBe(true);
      }),
      runs(15),
    );
  });
});
