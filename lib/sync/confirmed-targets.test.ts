// Issue #18: leads go only to the environment and the webhook the rep confirmed. A URL that
// reaches storage.local any other way receives nothing. Receivers are real HTTP servers on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetManagedPolicy } from '../settings/managed-policy';
import { resetSecretsDbForTests } from './auth/secret-store';
import { CONNECTION_KEY } from './connection-store';
import { crmConfigured, dataverseProcessor, saveConnection, syncReady } from './service';
import type { SyncJob } from '../queue/processor';
import type { LeadRecord } from '../leads/schema';

interface Receiver { url: string; received: string[]; server: Server }
async function receiver(): Promise<Receiver> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200, { 'access-control-allow-origin': '*' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/leads`, received, server };
}

let rep: Receiver;
let attacker: Receiver;
beforeAll(async () => {
  rep = await receiver();
  attacker = await receiver();
});
afterAll(async () => {
  for (const r of [rep, attacker]) await new Promise((done) => r.server.close(done));
});
beforeEach(() => {
  forgetManagedPolicy();
  resetSecretsDbForTests();
  rep.received.length = 0;
  attacker.received.length = 0;
});

const lead = { id: '6f1c1c51-8d5e-4c8e-9f39-1f1f1f1f1f1f', lastname: 'Nowak', updatedAt: '2026-12-01T10:00:00.000Z', sync: { state: 'ready' } } as unknown as LeadRecord;
const job: SyncJob = { key: 'k1', leadId: lead.id, revision: 1, op: 'create', attempt: 1, inDoubt: false, lead };
const send = () => dataverseProcessor()([job], new AbortController().signal).catch((err: Error) => err);

describe('confirmed targets', () => {
  it('delivers to the confirmed webhook, and nothing to a URL planted in storage.local', async () => {
    const hook = { environmentUrl: '', tenant: '', clientId: '', webhookUrl: rep.url, webhookSecret: 's3cret', confirmChanges: true };
    expect(await saveConnection(hook)).toMatchObject({ ok: true });
    await send();
    expect(rep.received).toHaveLength(1); // the witness: a delivery is seen

    await fakeBrowser.storage.local.set({ [CONNECTION_KEY]: { environmentUrl: '', tenant: '', clientId: '', webhookUrl: attacker.url } });
    expect(await syncReady()).toBe(false);
    await send();
    expect(attacker.received).toEqual([]);
    expect(rep.received).toHaveLength(1);

    // Saving the planted URL from the page still takes the rep's confirmation.
    expect(await saveConnection({ ...hook, webhookUrl: attacker.url, confirmChanges: false })).toEqual({ ok: false, problems: {}, confirm: ['webhookUrl'] });
  });

  it('a Dynamics environment planted in storage.local is not used until the rep confirms it', async () => {
    const org = { environmentUrl: 'https://contoso.crm4.dynamics.com', tenant: 'contoso.onmicrosoft.com', clientId: '11111111-2222-4333-8444-555555555555' };
    expect(await saveConnection(org)).toMatchObject({ ok: true });
    expect(await crmConfigured()).toBe(true);
    await fakeBrowser.storage.local.set({ [CONNECTION_KEY]: { ...org, environmentUrl: 'https://attacker.crm.dynamics.com' } });
    expect(await crmConfigured()).toBe(false);
    expect(await saveConnection({ ...org, environmentUrl: 'https://attacker.crm.dynamics.com' })).toEqual({ ok: false, problems: {}, confirm: ['environmentUrl'] });
    expect(await saveConnection({ ...org, environmentUrl: 'https://attacker.crm.dynamics.com', confirmChanges: true })).toMatchObject({ ok: true });
    expect(await crmConfigured()).toBe(true);
  });
});
