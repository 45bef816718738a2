// How messages are validated (issue #8, docs/security.md): every message names who may send it,
// the privacy ones are extension-only, and no reply carries a credential to a page.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toBackground, type MessageType } from '@/lib/messaging/protocol';
import { handleMessage, type Handlers } from '@/lib/messaging/serve';

/** Messages a content script may send. Adding one is a security decision: list it here. */
const CONTENT_MESSAGES: string[] = [
  'webmail/capture', // issue #7: the open message; the background checks the tab is that webmail page
];

/**
 * Reply parts not described field by field. Adding one is a security decision: list it here.
 * An audit entry's `details` are small facts the background itself writes (changed field names,
 * outcomes); the entry around them is checked.
 */
const LOOSE_REPLIES = ['leads/audit: unknown'];

/** Every node of a zod (mini or classic) schema, walked through wrappers, unions, arrays, records. */
function nodesOf(schema: unknown, seen = new Set<unknown>()): { key?: string; type: string }[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return [];
  const out: { key?: string; type: string }[] = [{ type: String(def.type) }];
  const shape = def.shape as Record<string, unknown> | undefined;
  if (shape) for (const [k, v] of Object.entries(shape)) out.push({ key: k, type: 'key' }, ...nodesOf(v, seen));
  for (const k of ['innerType', 'element', 'valueType', 'keyType', 'in', 'out', 'left', 'right', 'schema', 'rest']) out.push(...nodesOf(def[k], seen));
  for (const o of [...((def.options as unknown[] | undefined) ?? []), ...((def.items as unknown[] | undefined) ?? [])]) out.push(...nodesOf(o, seen));
  return out;
}
const keysOf = (schema: unknown) => nodesOf(schema).flatMap((n) => (n.key ? [n.key] : []));

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
    // The walker sees nested keys (so the check above can fail), the sync replies' included.
    expect(keysOf(toBackground['leads/list'].out)).toEqual(expect.arrayContaining(['leads', 'provenance', 'lawfulBasis', 'syncedAt']));
    expect(keysOf(toBackground['sync/connection/get'].out)).toEqual(expect.arrayContaining(['settings', 'environmentUrl', 'signedIn', 'signedInUntil']));
    expect(keysOf(toBackground['sync/status'].out)).toEqual(expect.arrayContaining(['conflicts', 'crm', 'crmEtag', 'subject']));
  });

  it('every reply is a real schema, checked at run time: none is a bare type (z.custom, z.unknown, z.any)', () => {
    const loose = Object.entries(toBackground).flatMap(([type, spec]) =>
      nodesOf(spec.out).filter((n) => ['custom', 'unknown', 'any'].includes(n.type)).map((n) => `${type}: ${n.type}`));
    expect(loose).toEqual(LOOSE_REPLIES);
    // The walker sees such a node when there is one.
    expect(nodesOf(z.object({ a: z.array(z.custom<string>()) })).map((n) => n.type)).toContain('custom');
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
