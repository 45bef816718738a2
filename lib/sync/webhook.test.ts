import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../e2e/support/server';
import { makeLead } from '../../tests/sandbox/fixtures';
import { deliverToWebhook, idempotencyKey } from './webhook';

let server: TestServer;
const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
const answers: number[] = [];
beforeAll(async () => {
  server = await startServer({}, async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    received.push({ headers: req.headers, body });
    const status = answers.shift() ?? 200;
    res.writeHead(status, status === 429 ? { 'retry-after': '30' } : {}).end();
  });
});
afterAll(() => server.close());

describe('deliverToWebhook', () => {
  it('POSTs the lead as JSON with a verifiable HMAC signature and an idempotency key', async () => {
    const lead = makeLead({ emailaddress1: 'hook@x.example' });
    const [r] = await deliverToWebhook([{ lead }], { url: server.url('/hook'), secret: 's3cret' });
    expect(r.state).toBe('synced');
    const got = received.at(-1)!;
    const ts = got.headers['x-leadclip-timestamp'] as string;
    const expected = `sha256=${createHmac('sha256', 's3cret').update(`${ts}.${got.body}`).digest('hex')}`;
    expect(got.headers['x-leadclip-signature']).toBe(expected);
    expect(got.headers['idempotency-key']).toBe(idempotencyKey(lead));
    expect(JSON.parse(got.body)).toMatchObject({ event: 'lead.upserted', lead: { id: lead.id, emailaddress1: 'hook@x.example' } });
    expect(JSON.parse(got.body).lead.sync).toBeUndefined();
  });
  it('retries on 429 (Retry-After) and 5xx, needs attention on 4xx', async () => {
    answers.push(429, 503, 422);
    const now = new Date('2026-11-27T10:00:00Z');
    const rs = await deliverToWebhook([{ lead: makeLead() }, { lead: makeLead(), attempt: 2 }, { lead: makeLead() }], { url: server.url('/hook'), secret: 'k', now: () => now, random: () => 1 });
    expect(rs[0]).toMatchObject({ state: 'failed', retryAt: '2026-11-27T10:00:30.000Z' });
    expect(rs[1]).toMatchObject({ state: 'failed', retryAt: '2026-11-27T10:00:04.000Z', attempt: 3 });
    expect(rs[2].state).toBe('needs_attention');
  });
  it('a network failure is retried later', async () => {
    const [r] = await deliverToWebhook([{ lead: makeLead() }], { url: 'http://127.0.0.1:9/hook', secret: 'k' });
    expect(r.state).toBe('failed');
  });
});
