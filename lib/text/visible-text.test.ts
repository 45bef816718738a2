import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleText } from './visible-text';

describe('visibleText', () => {
  it('drops bidi controls, zero-width, BOM, NUL and fillers; keeps letters of every script', () => {
    expect(visibleText('\u202EJan\u200B \u2066Kowalski\u2069\u0000\uFEFF\u3164')).toBe('Jan Kowalski');
    expect(visibleText('Zażółć גלעד شركة')).toBe('Zażółć גלעד شركة');
  });
  it('keeps joiners inside Persian words and emoji sequences, not between Latin letters', () => {
    expect(visibleText('می\u200Cخواهم 👨\u200D👩\u200D👧 Jo\u200Dhn')).toBe('می\u200Cخواهم 👨\u200D👩\u200D👧 John');
  });
  it('keeps tab and line breaks only in multi-line text', () => {
    expect(visibleText('a\tb\r\nc\u2028d')).toBe('a b  c d');
    expect(visibleText('a\tb\r\nc\u2028d', true)).toBe('a\tb\r\nc\nd');
  });
  it('is idempotent: a cleaned value is left as it is', () => {
    const piece = fc.oneof(fc.constantFrom('\u200C', '\u200D', '\u3164', '\u115F', 'ب', 'क', '👨', '\uFE0F', 'a', ' ', '\u202E'), fc.string({ unit: 'grapheme', maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), fc.boolean(), (s, lines) => {
        const once = visibleText(s, lines);
        expect(visibleText(once, lines)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
