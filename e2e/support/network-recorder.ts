// Who did the extension talk to? Two independent witnesses (issue #8):
//  1. CDP: Network.requestWillBeSent on every target (pages, popup, options, service worker),
//     attached as each target appears.
//  2. Chromium's NetLog (--log-net-log): every URL request the browser made, with its initiator,
//     including those a CDP session attached too late would miss (worker start-up).
import { readFile } from 'node:fs/promises';
import type { Browser, Target } from 'puppeteer';

export interface SeenRequest {
  by: string;
  url: string;
  /** Set when Chromium stopped the request itself (for example 'csp'). */
  blocked?: string;
}

export function netLogArgs(file: string): string[] {
  return [`--log-net-log=${file}`, '--net-log-capture-mode=Default'];
}

export interface CdpRecorder {
  requests: SeenRequest[];
  /** Targets a session was attached to (by type), so a test can show the recorder was listening. */
  attached: { type: string; url: string }[];
  /** Waits until every target seen so far has its session. */
  settle(): Promise<void>;
}

const watched = new Set(['page', 'service_worker', 'background_page', 'shared_worker', 'other', 'webview']);
/** Chromium's own UI (omnibox, new tab page) is not the extension. */
const browserUi = (url: string) => /^(chrome|devtools|chrome-untrusted):/.test(url);

export function recordCdp(browser: Browser): CdpRecorder {
  const requests: SeenRequest[] = [];
  const attached: CdpRecorder['attached'] = [];
  const seen = new Set<Target>();
  const pending: Promise<void>[] = [];
  const attach = async (target: Target) => {
    if (seen.has(target) || !watched.has(target.type()) || browserUi(target.url())) return;
    seen.add(target);
    try {
      const session = await target.createCDPSession();
      const byId = new Map<string, SeenRequest>();
      session.on('Network.requestWillBeSent', (e) => {
        if (browserUi(target.url())) return;
        const seen: SeenRequest = { by: `${target.type()} ${target.url()}`, url: e.request.url };
        byId.set(e.requestId, seen);
        requests.push(seen);
      });
      session.on('Network.loadingFailed', (e) => {
        const seen = byId.get(e.requestId);
        if (seen && e.blockedReason) seen.blocked = e.blockedReason;
      });
      await session.send('Network.enable');
      attached.push({ type: target.type(), url: target.url() });
    } catch {
      // A target that closed before we got to it; the NetLog still saw its requests.
    }
  };
  for (const t of browser.targets()) pending.push(attach(t));
  browser.on('targetcreated', (t: Target) => void pending.push(attach(t)));
  browser.on('targetchanged', (t: Target) => void pending.push(attach(t)));
  return { requests, attached, settle: async () => void (await Promise.all(pending)) };
}

async function readNetLog<Params>(file: string) {
  const text = (await readFile(file, 'utf8')).trim();
  // Chromium finishes the JSON on a clean exit; a cut-off log still parses once closed.
  return JSON.parse(text.endsWith('}') ? text : `${text.replace(/,\s*$/, '')}]}`) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: Params }[];
  };
}

/** URL requests from the NetLog whose initiator or isolation key is one of `origins` (prefix match). */
export async function netLogRequests(file: string, origins: string[]): Promise<SeenRequest[]> {
  const log = await readNetLog<{ url?: string; initiator?: string; network_isolation_key?: string }>(file);
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const out: SeenRequest[] = [];
  for (const e of log.events) {
    if (e.type !== start || !e.params?.url) continue;
    const by = [e.params.initiator ?? '', e.params.network_isolation_key ?? ''].join(' ');
    if (origins.some((o) => by.includes(o))) out.push({ by, url: e.params.url });
  }
  return out;
}

/** Only the extension itself, the test server on 127.0.0.1 and inert schemes are allowed. */
export function isAllowed(url: string, extensionId: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'chrome-extension:') return u.host === extensionId;
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:') && u.hostname === '127.0.0.1';
}

/**
 * Hosts the browser actually sent an HTTP request to (request headers on the wire, HTTP/1 or 2),
 * from the NetLog. A URL request can start and be cancelled before that: see the sign-in redirect
 * in e2e/no-third-party.e2e.ts.
 */
export async function netLogHostsSentTo(file: string): Promise<string[]> {
  const log = await readNetLog<{ headers?: string[] }>(file);
  const sent = new Set([log.constants.logEventTypes.HTTP_TRANSACTION_SEND_REQUEST_HEADERS, log.constants.logEventTypes.HTTP2_SESSION_SEND_HEADERS]);
  const hosts = new Set<string>();
  for (const e of log.events) {
    if (!sent.has(e.type)) continue;
    for (const h of e.params?.headers ?? []) {
      const m = /^(?:host|:authority):\s*(\S+)/i.exec(h);
      if (m) hosts.add(m[1].replace(/:\d+$/, ''));
    }
  }
  return [...hosts];
}
