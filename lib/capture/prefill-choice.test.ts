import { describe, expect, it } from 'vitest';
import type { Candidate } from '../extract/types';
import { choosePrefill } from './prefill-choice';

const c = (kind: Candidate['kind'], score: number): Candidate => ({ kind, score, fields: {} });

describe('choosePrefill', () => {
  it('takes the first person with enough evidence, else the organization, else nothing', () => {
    expect(choosePrefill([c('person', 3), c('organization', 0)], { minPersonScore: 2 })).toBe(0);
    expect(choosePrefill([c('person', 1), c('organization', 0)], { minPersonScore: 2 })).toBe(1);
    expect(choosePrefill([c('person', 1)], { minPersonScore: 2 })).toBe(-1);
    expect(choosePrefill([], { minPersonScore: 1 })).toBe(-1);
  });
});
