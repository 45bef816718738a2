// Retry timing: Retry-After when the server says (429/503), otherwise exponential backoff with
// full jitter so many clients (or many batches) do not retry in lockstep.
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_CAP_MS = 15 * 60_000;

/** Delay before retry number `attempt` (0-based): random in [base·2^attempt / 2, base·2^attempt], capped. */
export function backoffDelay(attempt: number, random: () => number = Math.random, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
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
