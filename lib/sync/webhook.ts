// The generic webhook target for other CRMs and automation tools: each lead POSTed as JSON,
// signed with HMAC-SHA256, with an idempotency key so a retried delivery can be recognised.
// Same retry rules as Dataverse (429 Retry-After, 5xx/network backoff with jitter).
import type { LeadRecord } from '../leads/schema';
import { backoffDelay, parseRetryAfter } from '../queue/backoff';
import type { SyncItem, SyncResult } from './sync-engine';

export const SIGNATURE_HEADER = 'X-LeadClip-Signature';
export const TIMESTAMP_HEADER = 'X-LeadClip-Timestamp';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export interface WebhookOptions {
  url: string;
  secret: string;
  fetch?: typeof fetch;
  now?: () => Date;
  random?: () => number;
  signal?: AbortSignal;
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** HMAC-SHA256 over "<timestamp>.<body>", hex, as "sha256=<hex>" (verifiable with any HMAC library). */
export async function signPayload(secret: string, timestamp: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return `sha256=${hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${timestamp}.${body}`)))}`;
}

/** The same lead version always has the same key; an edited lead gets a new one. */
export const idempotencyKey = (lead: LeadRecord) => `${lead.id}:${lead.updatedAt}`;

export function webhookBody(lead: LeadRecord): string {
  const { sync: _sync, ...rest } = lead;
  return JSON.stringify({ event: 'lead.upserted', lead: rest });
}

export async function deliverToWebhook(items: SyncItem[], opts: WebhookOptions): Promise<SyncResult[]> {
  const fetchFn = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const out: SyncResult[] = [];
  for (const { lead, attempt = 0 } of items) {
    const body = webhookBody(lead);
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const retryAt = (ms: number) => new Date(now().getTime() + ms).toISOString();
    let res: Response;
    try {
      res = await fetchFn(opts.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: await signPayload(opts.secret, timestamp, body),
          [IDEMPOTENCY_HEADER]: idempotencyKey(lead),
        },
        body,
        signal: opts.signal,
      });
      await res.text();
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      out.push({ id: lead.id, state: 'failed', attempt: attempt + 1, retryAt: retryAt(backoffDelay(attempt, random)), error: `Network error: ${(err as Error).message}` });
      continue;
    }
    if (res.ok || res.status === 409) {
      // 409: the receiver already has this idempotency key.
      out.push({ id: lead.id, state: 'synced', syncedAt: now().toISOString(), crmUrl: opts.url });
    } else if (res.status === 429 || res.status >= 500 || res.status === 408) {
      const wait = parseRetryAfter(res.headers.get('retry-after'), now()) ?? backoffDelay(attempt, random);
      out.push({ id: lead.id, state: 'failed', attempt: attempt + 1, retryAt: retryAt(wait), error: `The webhook answered HTTP ${res.status}.` });
    } else {
      out.push({
        id: lead.id, state: 'needs_attention', error: `The webhook refused the lead (HTTP ${res.status}).`,
        problem: { code: 'bad_request', crmCode: String(res.status), crmMessage: '' },
      });
    }
  }
  return out;
}
