// Retry timing, the one place for it: exponential backoff with full jitter (so many clients or
// batches do not retry in lockstep), capped, and the server's Retry-After when it gives one.
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}
/** Between outbox attempts of a lead (the queue runner). */
export const queueBackoff: BackoffOptions = { baseMs: 30_000, maxMs: 60 * 60_000 };
/** Between HTTP retries inside one sync run (Dataverse, webhook). */
export const requestBackoff: BackoffOptions = { baseMs: 1000, maxMs: 15 * 60_000 };

/** Delay before retry number `retry` (0-based): random in [base·2^retry / 2, base·2^retry], capped. */
export function backoffDelay(retry: number, random: () => number = Math.random, options: BackoffOptions = requestBackoff): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(Math.max(0, retry), 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Delay after `attempts` failed attempts (1-based), never shorter than the server's Retry-After. */
export function retryDelay(attempts: number, options: BackoffOptions = queueBackoff, retryAfterMs?: number, random: () => number = Math.random): number {
  return Math.max(retryAfterMs ?? 0, backoffDelay(attempts - 1, random, options));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
