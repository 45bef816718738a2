import { describe, expect, it } from 'vitest';
import { captureMethod } from '../leads/schema';
import { fieldConfidence } from './field-confidence';

describe('fieldConfidence', () => {
  it('markup and headers are sure, rule-read values likely, running text to check, typed values unmarked', () => {
    expect(fieldConfidence('jsonld')).toBe('high');
    expect(fieldConfidence('email')).toBe('high');
    expect(fieldConfidence('signature')).toBe('medium');
    expect(fieldConfidence('meta')).toBe('medium');
    expect(fieldConfidence('text')).toBe('low');
    expect(fieldConfidence('manual')).toBeUndefined();
  });

  it('every capture method has an answer', () => {
    for (const m of captureMethod.options) expect(m === 'manual' || fieldConfidence(m) !== undefined).toBe(true);
  });
});
