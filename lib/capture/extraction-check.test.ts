// The popup checks the extractor's result with plain code (issue #13: no zod while the rep waits).
// It must be exactly as strict as the zod schema it stands in for: same verdict, same copy.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captureMethod } from '../leads/schema';
import { candidateFields } from '../extract/types';
import { CAPTURE_METHODS, checkExtraction } from './extraction-check';
import { extractionSchema } from './extraction-schema';

const zodVerdict = (x: unknown) => {
  const parsed = extractionSchema.safeParse(x);
  return parsed.success ? parsed.data : undefined;
};

// Mostly valid values with one rule broken now and then (so whole results pass often enough to
// compare copies): lengths around the caps, wrong types, unknown keys and methods, NaN scores.
const often = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });
const str = (max: number) => often(fc.oneof({ arbitrary: fc.string({ maxLength: 5 }), weight: 3 }, { arbitrary: fc.string({ minLength: max - 1, maxLength: max + 1 }), weight: 1 }), fc.oneof(fc.constant(1), fc.constant(null)));
const found = fc.record({ value: str(300), method: often(fc.constantFrom(...CAPTURE_METHODS), fc.oneof(fc.constant('ocr'), fc.constant(3))), source: str(2048), html: fc.string() }, { requiredKeys: ['value', 'method', 'source'] });
const fields = often(
  fc.dictionary(often(fc.constantFrom(...candidateFields), fc.constantFrom('password', '__proto__', 'toString')), often(found, fc.constant(undefined)), { maxKeys: 3 }),
  fc.oneof(fc.constant([]), fc.constant(null)),
);
const candidate = fc.record({
  kind: often(fc.constantFrom('person', 'organization'), fc.constant('robot')),
  fields,
  score: often(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), fc.oneof(fc.constant(Number.NaN), fc.constant(Infinity), fc.constant('3'))),
  note: fc.string(),
}, { requiredKeys: ['kind', 'fields', 'score'] });
const extraction = fc.record({
  url: str(4096),
  title: str(500),
  candidates: fc.oneof({ arbitrary: fc.array(candidate, { maxLength: 3 }), weight: 12 }, { arbitrary: fc.array(fc.constant({ kind: 'person', fields: {}, score: 1 }), { minLength: 49, maxLength: 52 }), weight: 1 }, { arbitrary: fc.constant({}), weight: 1 }),
  truncated: often(fc.boolean(), fc.constant('false')),
  injected: fc.anything(),
}, { requiredKeys: ['url', 'title', 'candidates', 'truncated'] });

describe('checkExtraction', () => {
  it('lists the same capture methods as the lead schema', () => {
    expect([...CAPTURE_METHODS].sort()).toEqual([...captureMethod.options].sort());
  });

  it('accepts what the zod schema accepts, rejects what it rejects, and returns the same copy', () => {
    let accepted = 0;
    fc.assert(fc.property(fc.oneof({ arbitrary: extraction, weight: 9 }, { arbitrary: fc.anything(), weight: 1 }), (x) => {
      const expected = zodVerdict(x);
      if (expected) accepted++;
      expect(checkExtraction(x)).toEqual(expected);
    }), { numRuns: 3_000 });
    expect(accepted, 'enough valid results to compare the copies').toBeGreaterThan(300);
  });

  it('keeps a real result whole and drops what the page added', () => {
    const good = {
      url: 'https://contoso.example/team', title: 'Team', truncated: false, extra: 'x',
      candidates: [{ kind: 'person', score: 3, note: 'x', fields: { lastname: { value: 'Kowalska', method: 'microformat', source: 'https://contoso.example/team', html: '<b>' } } }],
    };
    expect(checkExtraction(good)).toEqual({
      url: good.url, title: 'Team', truncated: false,
      candidates: [{ kind: 'person', score: 3, fields: { lastname: { value: 'Kowalska', method: 'microformat', source: good.url } } }],
    });
    expect(checkExtraction({ ...good, candidates: [{ ...good.candidates[0], fields: { password: { value: 'x', method: 'text', source: 's' } } }] })).toBeUndefined();
  });
});
