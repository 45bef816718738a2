import { describe, expect, it } from 'vitest';
import { samePhone } from './email-form-view';

describe('scoring the phone the email form shows', () => {
  it('the same line with an extension or a "(0)" trunk prefix is right; another number is not', () => {
    expect(samePhone('(619) 555-0130 ext. 238', '619-555-0130')).toBe(true);
    expect(samePhone('+44 20 7946 0123', '+44 (0)20 7946 0123')).toBe(true);
    expect(samePhone('(619) 555-0130', '619-555-0131')).toBe(false);
    expect(samePhone('(619) 555-0130 ext. 238', '619-555-0238')).toBe(false);
  });
});
