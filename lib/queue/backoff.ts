// Retry delays: exponential with full jitter, capped, honouring the CRM's Retry-After.
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}
export const defaultBackoff: BackoffOptions = { baseMs: 30_000, maxMs: 60 * 60_000 };

/** Delay before attempt `attempt + 1`, `random` in [0,1) injected for tests. */
export function retryDelay(attempt: number, options: BackoffOptions = defaultBackoff, retryAfterMs?: number, random = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = ceiling / 2 + (random() * ceiling) / 2;
  return Math.max(retryAfterMs ?? 0, Math.round(jittered));
}
