import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, queueBackoff, retryDelay } from './backoff';

describe('backoff', () => {
  it('grows exponentially with jitter in the upper half, capped', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(40, () => 1)).toBe(15 * 60_000);
  });
  it('counts queue attempts from one and waits at least what the server asked', () => {
    expect(retryDelay(1, queueBackoff, undefined, () => 1)).toBe(30_000);
    expect(retryDelay(2, queueBackoff, undefined, () => 0)).toBe(30_000);
    expect(retryDelay(20, queueBackoff, undefined, () => 1)).toBe(60 * 60_000);
    expect(retryDelay(1, queueBackoff, 90_000, () => 1)).toBe(90_000);
  });
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:10 GMT', new Date('2026-11-27T12:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
