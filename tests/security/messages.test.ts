// How messages are validated (issue #8, docs/security.md): every message names who may send it,
// the privacy ones are extension-only, and no reply carries a credential to a page.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toBackground, type MessageType } from '@/lib/messaging/protocol';
import { handleMessage, type Handlers } from '@/lib/messaging/serve';

/** Messages a content script may send. Adding one is a security decision: list it here. */
const CONTENT_MESSAGES: string[] = [
  'webmail/capture', // issue #7: the open message; the background checks the tab is that webmail page
];

/** Key names in a zod (mini or classic) schema, walked through wrappers, unions, arrays, records. */
function keysOf(schema: unknown, seen = new Set<unknown>()): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return [];
  const out: string[] = [];
  const shape = def.shape as Record<string, unknown> | undefined;
  if (shape) for (const [k, v] of Object.entries(shape)) out.push(k, ...keysOf(v, seen));
  for (const k of ['innerType', 'element', 'valueType', 'keyType', 'in', 'out', 'left', 'right', 'schema']) out.push(...keysOf(def[k], seen));
  for (const o of (def.options as unknown[] | undefined) ?? []) out.push(...keysOf(o, seen));
  return out;
}

describe('the message protocol', () => {
  it('every message says who may send it', () => {
    for (const [type, spec] of Object.entries(toBackground)) expect(spec.from.length, type).toBeGreaterThan(0);
  });

  it('only the pinned messages are open to content scripts', () => {
    const open = Object.entries(toBackground).filter(([, s]) => (s.from as readonly string[]).includes('content')).map(([t]) => t);
    expect(open.sort()).toEqual([...CONTENT_MESSAGES].sort());
    for (const t of open) expect(t.startsWith('privacy/'), t).toBe(false);
  });

  it('no reply schema has a field for a token, secret or password', () => {
    const bad = Object.entries(toBackground).flatMap(([type, spec]) => keysOf(spec.out).filter((k) => /token|secret|password|refresh|bearer|credential/i.test(k)).map((k) => `${type}.${k}`));
    expect(bad).toEqual([]);
    // The walker sees nested keys (so the check above can fail).
    expect(keysOf(toBackground['leads/list'].out)).toEqual(expect.arrayContaining(['leads', 'provenance', 'lawfulBasis', 'syncedAt']));
  });

  it('a content script cannot erase, export or read privacy settings', async () => {
    const id = fakeBrowser.runtime.id;
    const contentScript = { id, url: 'https://mail.google.com/mail/u/0/', tab: { id: 3, url: 'https://mail.google.com/mail/u/0/' } };
    const called: string[] = [];
    const handlers = new Proxy({}, { get: (_t, k) => async () => void called.push(String(k)) }) as Handlers;
    const tries: [MessageType, unknown][] = [
      ['privacy/forget', { id: '0f8fad5b-d9cb-469f-a165-70867728950e' }],
      ['privacy/export', { ids: ['0f8fad5b-d9cb-469f-a165-70867728950e'] }],
      ['privacy/settings/get', {}],
      ['privacy/settings/set', { patch: { neverDomains: [] } }],
    ];
    for (const [type, data] of tries) {
      expect(await handleMessage(handlers, { type, data }, contentScript as never), type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(called).toEqual([]);
  });
});
