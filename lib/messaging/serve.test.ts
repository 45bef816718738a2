import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, senderKind, type Handlers } from './serve';

const id = fakeBrowser.runtime.id;
const page = { id, url: `chrome-extension://${id}/popup.html` };
const contentScript = { id, url: 'https://mail.google.com/mail/u/0/', tab: { id: 3, url: 'https://mail.google.com/mail/u/0/' } };

function handlers(): Handlers {
  return {
    'leads/save': vi.fn(async () => ({ lead: {} })),
    'leads/get': vi.fn(async () => ({ lead: null })),
    'leads/list': vi.fn(async () => ({ leads: [], total: 0 })),
    'leads/delete': vi.fn(async () => ({ lead: null })),
    'leads/restore': vi.fn(async () => ({ lead: {} })),
  } as unknown as Handlers;
}

describe('message handling in the background', () => {
  it('classifies senders', () => {
    expect(senderKind(page as never)).toBe('extension');
    expect(senderKind(contentScript as never)).toBe('content');
    expect(senderKind({ id: 'another-extension', url: 'chrome-extension://another-extension/x.html' } as never)).toBeUndefined();
    expect(senderKind({ id, url: 'https://example.com/' } as never)).toBeUndefined();
  });

  it('dispatches a valid message from our own page', async () => {
    const h = handlers();
    const reply = await handleMessage(h, { type: 'leads/get', data: { id: '0f8fad5b-d9cb-469f-a165-70867728950e' } }, page as never);
    expect(reply).toEqual({ ok: true, data: { lead: null } });
    expect(h['leads/get']).toHaveBeenCalledOnce();
  });

  it('refuses unknown types, prototype keys and malformed envelopes', async () => {
    const h = handlers();
    for (const raw of [{ type: 'nope', data: {} }, { type: '__proto__', data: {} }, { type: 'constructor' }, 'leads/list', null, { data: {} }]) {
      const reply = await handleMessage(h, raw, page as never);
      expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_message' } });
    }
  });

  it('refuses extension-only messages from content scripts and from other extensions', async () => {
    const h = handlers();
    expect(await handleMessage(h, { type: 'leads/list', data: {} }, contentScript as never)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handleMessage(h, { type: 'leads/list', data: {} }, { id: 'evil', url: 'chrome-extension://evil/' } as never)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h['leads/list']).not.toHaveBeenCalled();
  });

  it('refuses data that does not match the schema, without calling the handler', async () => {
    const h = handlers();
    const reply = await handleMessage(h, { type: 'leads/get', data: { id: 'not-a-uuid' } }, page as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(h['leads/get']).not.toHaveBeenCalled();
  });

  it('parses the reply too: a token a handler lets slip never reaches the page', async () => {
    const connection = {
      settings: { environmentUrl: 'https://org.crm4.dynamics.com', tenant: 't', clientId: 'c' },
      locked: [], redirectUri: 'https://x.chromiumapp.org/', signedIn: true, signedInUntil: 1, webhookSigned: false,
    };
    const h = { ...handlers(), 'sync/connection/get': vi.fn(async () => ({ ...connection, refresh_token: 'RT-secret', settings: { ...connection.settings, accessToken: 'AT-secret' } })) } as unknown as Handlers;
    const reply = await handleMessage(h, { type: 'sync/connection/get', data: {} }, page as never);
    expect(reply).toEqual({ ok: true, data: connection });
    expect(JSON.stringify(reply)).not.toMatch(/secret/i);
  });

  it('refuses to send a reply that breaks its schema', async () => {
    const h = { ...handlers(), 'sync/now': vi.fn(async () => ({ waiting: 'many' })) } as unknown as Handlers;
    expect(await handleMessage(h, { type: 'sync/now', data: {} }, page as never)).toMatchObject({ ok: false, error: { code: 'bad_reply' } });
  });

  it('turns a handler failure into an error reply', async () => {
    const h = handlers();
    (h['leads/list'] as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('disk full'));
    expect(await handleMessage(h, { type: 'leads/list', data: {} }, page as never)).toEqual({ ok: false, error: { code: 'failed', message: 'disk full' } });
  });
});
