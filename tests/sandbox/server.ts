// The Dataverse sandbox: one local HTTP server on 127.0.0.1 that plays both Entra ID (OAuth) and
// the Dataverse Web API, with switches for the faults a real network and CRM produce, and an
// inspection API (in-process and over HTTP under /_sandbox/) for tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { AuthorizationServer, type OAuthOptions } from './oauth';
import { DataverseError, codes, errorResponse, type SandboxResponse } from './errors';
import { boundaryOf, formatHttpResponse, formatMultipart, parseHttpRequest, parseMultipart, type MimePart } from './multipart';
import { Store, etagOf, type Row } from './store';
import { execute, type ApiContext, type ApiOptions } from './web-api';
import { seed } from './seed';
import { GRAPH_ORIGIN } from './oauth';
import { GRAPH_PREFIX, GraphMailbox, type MailboxContact } from './graph';
import { DISCOVERY_PATH, discoveryInstances } from './discovery';

export type FaultKind = '429' | '500' | '502' | '503' | 'drop-before' | 'drop-after' | 'slow' | 'expire-token';

export interface Faults {
  /** Added to every Web API request, before it is handled (the bench's network latency). */
  latencyMs: number;
  /** Probabilities per Web API request. */
  rate429: number;
  rate5xx: number;
  /** Connection dropped before the request is handled (nothing happened). */
  rateDropBefore: number;
  /** Connection dropped after the request was handled (it happened; the client never hears). */
  rateDropAfter: number;
  rateSlow: number;
  slowMs: number;
  retryAfterSeconds: number;
  /** One-shot faults for the next Web API requests, in order. */
  queue: FaultKind[];
  /** Concurrent requests per user before 429 (Dataverse: 52). */
  maxConcurrent: number;
  seed: number;
}

export interface SandboxOptions {
  port?: number;
  oauth?: OAuthOptions;
  api?: Partial<ApiOptions>;
  faults?: Partial<Faults>;
  /** Seed accounts, contacts, connection roles and a user (default true). */
  seed?: boolean;
}

export interface SandboxStats {
  /** Every HTTP request to the Web API (a $batch counts once). */
  apiRequests: number;
  batchRequests: number;
  /** Operations inside $batch bodies. */
  batchOperations: number;
  tokenRequests: number;
  injected: Record<string, number>;
  status: Record<string, number>;
}

export interface Sandbox {
  /** http://127.0.0.1:PORT: both the environment URL and the authority. */
  url: string;
  serviceRoot: string;
  tenant: string;
  userId: string;
  store: Store;
  oauth: AuthorizationServer;
  /** The signed-in rep's Outlook contacts, served as Microsoft Graph under /graph/v1.0/ (issue #17). */
  graph: GraphMailbox;
  stats: SandboxStats;
  faults: Faults;
  api: ApiOptions;
  setFaults(f: Partial<Faults>): void;
  setApi(o: Partial<ApiOptions>): void;
  records(entitySet: string): Row[];
  record(entitySet: string, id: string): Row | undefined;
  /** A change made by someone in the CRM: bumps the row version (ETag). */
  crmEdit(entitySet: string, id: string, patch: Row): Row;
  /** Inserts a row as if it already existed in the CRM. */
  crmInsert(entitySet: string, row: Row): Row;
  expireAccessTokens(): void;
  expireRefreshTokens(): void;
  advanceClock(ms: number): void;
  resetStats(): void;
  close(): Promise<void>;
}

const defaultFaults = (): Faults => ({
  latencyMs: 0, rate429: 0, rate5xx: 0, rateDropBefore: 0, rateDropAfter: 0, rateSlow: 0, slowMs: 3000,
  retryAfterSeconds: 1, queue: [], maxConcurrent: 52, seed: 1,
});
const defaultApi = (): ApiOptions => ({
  duplicateStatus: 500, enforceRequired: true, userLicensed: true, userHasRole: true, canCreateLeads: true, requiredColumns: {}, customOptions: {},
});

/** mulberry32: reproducible fault sequences for a given seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const API_PREFIX = '/api/data/v9.2/';

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const store = new Store();
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  const userId = randomUUID();
  const tenant = opts.oauth?.tenants?.[0] ?? 'contoso.onmicrosoft.com';
  const oauth = new AuthorizationServer({ tenants: [tenant, ...(opts.oauth?.tenants ?? [])], ...opts.oauth }, now, userId);
  const faults: Faults = { ...defaultFaults(), ...opts.faults };
  const api: ApiOptions = { ...defaultApi(), ...opts.api };
  let random = prng(faults.seed);
  const stats: SandboxStats = { apiRequests: 0, batchRequests: 0, batchOperations: 0, tokenRequests: 0, injected: {}, status: {} };
  let inflight = 0;
  const graph = new GraphMailbox();
  const ids = { businessUnitId: randomUUID(), organizationId: randomUUID() };
  if (opts.seed !== false) seed(store, userId);

  let origin = '';
  const ctx = (): ApiContext => ({ store, options: api, serviceRoot: origin + API_PREFIX, userId, ...ids, now });

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, req, errorResponse(new DataverseError(500, codes.serverError, String(err))));
    });
  });

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function cors(req: IncomingMessage): Record<string, string> {
    return {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-headers': 'authorization, content-type, accept, odata-version, odata-maxversion, prefer, if-match, if-none-match, mscrm.suppressduplicatedetection',
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
      'access-control-expose-headers': 'odata-entityid, etag, retry-after, location, www-authenticate',
    };
  }

  function send(res: ServerResponse, req: IncomingMessage, r: SandboxResponse) {
    stats.status[r.status] = (stats.status[r.status] ?? 0) + 1;
    res.writeHead(r.status, { ...cors(req), ...r.headers });
    res.end(r.body ?? '');
  }

  function inject(kind: string) {
    stats.injected[kind] = (stats.injected[kind] ?? 0) + 1;
  }

  function pickFault(): FaultKind | undefined {
    const queued = faults.queue.shift();
    if (queued) return queued;
    const r = random();
    let acc = faults.rate429;
    if (r < acc) return '429';
    if (r < (acc += faults.rate5xx)) return random() < 0.5 ? '500' : '503';
    if (r < (acc += faults.rateDropBefore)) return 'drop-before';
    if (r < (acc += faults.rateDropAfter)) return 'drop-after';
    if (r < (acc += faults.rateSlow)) return 'slow';
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    if (req.method === 'OPTIONS') return send(res, req, { status: 204, headers: {} });
    if (path.startsWith('/_sandbox/')) return control(req, res, path.slice('/_sandbox/'.length), await readBody(req));

    const oauthRoute = /^\/([^/]+)\/oauth2\/v2\.0\/(authorize|token)$/.exec(path);
    if (oauthRoute?.[2] === 'authorize' && req.method === 'GET') return send(res, req, oauth.authorize(decodeURIComponent(oauthRoute[1]), url.searchParams));
    if (oauthRoute?.[2] === 'token' && req.method === 'POST') {
      stats.tokenRequests++;
      const body = await readBody(req);
      return send(res, req, oauth.token(new URLSearchParams(body), req.headers.origin));
    }
    const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (discovery) {
      const t = decodeURIComponent(discovery[1]);
      if (!oauth.options.tenants?.includes(t) && !['common', 'organizations'].includes(t)) {
        return send(res, req, { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${t}' not found.`, error_codes: [90002] }) });
      }
      return send(res, req, {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ issuer: `${origin}/${t}/v2.0`, authorization_endpoint: `${origin}/${t}/oauth2/v2.0/authorize`, token_endpoint: `${origin}/${t}/oauth2/v2.0/token`, code_challenge_methods_supported: ['S256'] }),
      });
    }
    if (path === DISCOVERY_PATH && req.method === 'GET') return send(res, req, discoveryInstances(origin, oauth, req.headers.authorization));
    if (path === '/main.aspx') return recordPage(req, res, url);
    if (path.startsWith(GRAPH_PREFIX)) {
      const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (graph.latencyMs > 0) await sleep(graph.latencyMs);
      const grant = oauth.check(bearer, GRAPH_ORIGIN);
      return send(res, req, graph.handle(req.method ?? 'GET', path.slice(GRAPH_PREFIX.length), url, lowerHeaders(req), grant === 'expired' ? 'expired' : !!grant));
    }
    if (!path.startsWith(API_PREFIX.slice(0, -1))) return send(res, req, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' });

    // ---- The Web API ----
    stats.apiRequests++;
    const body = await readBody(req);
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const fault = pickFault();
    if (fault) inject(fault);
    if (fault === 'drop-before') return void req.socket.destroy();
    if (fault === 'slow') await sleep(faults.slowMs);
    if (fault === '429') return send(res, req, throttled(codes.throttleRequests, 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.'));
    if (fault === '500' || fault === '502' || fault === '503') {
      return send(res, req, errorResponse(new DataverseError(Number(fault), codes.serverError, 'An unexpected error occurred.')));
    }
    if (fault === 'expire-token') oauth.expireAccessTokens();

    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const grant = oauth.check(bearer, origin);
    if (!grant || grant === 'expired') {
      return send(res, req, {
        status: 401,
        headers: { 'www-authenticate': `Bearer authorization_uri=${origin}/${tenant}/oauth2/authorize, resource_id=${origin}/${grant === 'expired' ? ', error="invalid_token", error_description="The access token has expired."' : ''}` },
        body: '',
      });
    }
    if (inflight >= faults.maxConcurrent) {
      inject('concurrency');
      return send(res, req, throttled(codes.throttleConcurrency, `Number of concurrent requests exceeded the limit of ${faults.maxConcurrent}.`));
    }
    inflight++;
    try {
      const rel = path.slice(API_PREFIX.length);
      const headers = lowerHeaders(req);
      const response = rel === '$batch' && req.method === 'POST' ? batch(headers, body) : single(req.method ?? 'GET', rel, url.searchParams, headers, body);
      if (fault === 'drop-after') return void req.socket.destroy();
      send(res, req, response);
    } finally {
      inflight--;
    }
  }

  function throttled(code: string, message: string): SandboxResponse {
    return errorResponse(new DataverseError(429, code, message, { 'retry-after': String(faults.retryAfterSeconds) }));
  }

  function single(method: string, rel: string, query: URLSearchParams, headers: Record<string, string>, body: string, c = ctx()): SandboxResponse {
    try {
      return execute({ method, path: decodeURIComponent(rel), query, headers, body }, c);
    } catch (err) {
      if (err instanceof DataverseError) return errorResponse(err, (headers['prefer'] ?? '').includes('include-annotations'));
      throw err;
    }
  }

  /** Splits a part's request target into a path below the service root and its query. */
  function target(raw: string): { rel: string; query: URLSearchParams } {
    const u = new URL(raw, origin + API_PREFIX);
    const rel = u.pathname.startsWith(API_PREFIX) ? u.pathname.slice(API_PREFIX.length) : u.pathname.replace(/^\//, '');
    // "$1" references arrive as paths; keep them raw.
    return { rel: /^\$\w/.test(raw) ? raw.split('?')[0] : rel, query: u.searchParams };
  }

  function batch(headers: Record<string, string>, body: string): SandboxResponse {
    stats.batchRequests++;
    const boundary = boundaryOf(headers['content-type']);
    const fail = (message: string) => errorResponse(new DataverseError(400, codes.invalidArgument, message));
    if (!boundary || !/multipart\/mixed/i.test(headers['content-type'] ?? '')) return fail('The batch request must be multipart/mixed with a boundary.');
    let parts: MimePart[];
    try {
      parts = parseMultipart(body, boundary);
    } catch (e) {
      return fail(`The batch request body is malformed: ${(e as Error).message}`);
    }
    const count = parts.reduce((n, p) => {
      const inner = boundaryOf(p.headers['content-type']);
      return n + (inner ? parseMultipart(p.body, inner).length : 1);
    }, 0);
    if (count > 1000) return fail(`The number of requests in the batch (${count}) exceeds the limit of 1000.`);
    stats.batchOperations += count;
    const continueOnError = (headers['prefer'] ?? '').includes('odata.continue-on-error');
    const outBoundary = `batchresponse_${randomUUID()}`;
    const out: Array<{ headers: Record<string, string>; body: string }> = [];
    let failed = false;
    const httpPart = (r: SandboxResponse, contentId?: string) => ({
      headers: { 'Content-Type': 'application/http', 'Content-Transfer-Encoding': 'binary', ...(contentId ? { 'Content-ID': contentId } : {}) },
      body: formatHttpResponse(r.status, r.headers, r.body),
    });
    const partHeaders = (inner: Record<string, string>) => ({ ...inner, ...Object.fromEntries(['authorization', 'mscrm.suppressduplicatedetection', 'prefer'].filter((h) => headers[h] && !inner[h]).map((h) => [h, headers[h]])) });

    for (const part of parts) {
      if (failed && !continueOnError) break;
      const changeBoundary = boundaryOf(part.headers['content-type']);
      if (changeBoundary) {
        const ops = parseMultipart(part.body, changeBoundary);
        const c = ctx();
        c.refs = new Map();
        const responses: Array<{ r: SandboxResponse; id?: string }> = [];
        let errorPart: { r: SandboxResponse; id?: string } | undefined;
        try {
          store.transaction(() => {
            for (const op of ops) {
              if (boundaryOf(op.headers['content-type'])) throw new DataverseError(400, codes.invalidArgument, 'Change sets cannot be nested.');
              const http = parseHttpRequest(op.body);
              const contentId = op.headers['content-id'];
              if (http.method === 'GET') throw Object.assign(new DataverseError(400, codes.invalidArgument, 'A change set cannot contain a GET request.'), { contentId });
              const { rel, query } = target(http.target);
              let r: SandboxResponse;
              try {
                r = execute({ method: http.method, path: decodeURIComponent(rel), query, headers: partHeaders(http.headers), body: http.body }, c);
              } catch (err) {
                if (err instanceof DataverseError) throw Object.assign(err, { contentId });
                throw err;
              }
              if (contentId && r.headers['odata-entityid']) c.refs!.set(contentId, r.headers['odata-entityid'].slice((origin + API_PREFIX).length));
              responses.push({ r, id: contentId });
            }
          });
        } catch (err) {
          if (!(err instanceof DataverseError)) throw err;
          errorPart = { r: errorResponse(err), id: (err as DataverseError & { contentId?: string }).contentId };
        }
        if (errorPart) {
          failed = true;
          out.push(httpPart(errorPart.r, errorPart.id));
        } else {
          const cs = `changesetresponse_${randomUUID()}`;
          out.push({ headers: { 'Content-Type': `multipart/mixed; boundary=${cs}` }, body: formatMultipart(cs, responses.map((x) => httpPart(x.r, x.id))).replace(/\r\n$/, '') });
        }
        continue;
      }
      let r: SandboxResponse;
      try {
        const http = parseHttpRequest(part.body);
        const { rel, query } = target(http.target);
        r = single(http.method, rel, query, partHeaders(http.headers), http.body);
      } catch (e) {
        r = errorResponse(new DataverseError(400, codes.invalidArgument, `Malformed batch part: ${(e as Error).message}`));
      }
      if (r.status >= 400) failed = true;
      out.push(httpPart(r, part.headers['content-id']));
    }
    return {
      status: failed && !continueOnError ? 400 : 200,
      headers: { 'content-type': `multipart/mixed; boundary=${outBoundary}`, 'odata-version': '4.0' },
      body: formatMultipart(outBoundary, out),
    };
  }

  function recordPage(req: IncomingMessage, res: ServerResponse, url: URL) {
    const etn = url.searchParams.get('etn') ?? '';
    const id = url.searchParams.get('id') ?? '';
    const set = Object.entries({ lead: 'leads', account: 'accounts', contact: 'contacts' }).find(([k]) => k === etn)?.[1];
    const row = set ? store.get(set, id) : undefined;
    const esc = (s: string) => s.replace(/[<&>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const html = row
      ? `<!doctype html><meta charset="utf-8"><title>${esc(String(row.fullname ?? row.name ?? id))}</title><h1>${esc(etn)}: ${esc(String(row.fullname ?? row.name ?? ''))}</h1><pre id="record">${esc(JSON.stringify(row, null, 2))}</pre>`
      : '<!doctype html><title>Record not found</title><h1>Record not found</h1>';
    send(res, req, { status: row ? 200 : 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
  }

  function control(req: IncomingMessage, res: ServerResponse, what: string, body: string) {
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const ok = (data: unknown) => send(res, req, { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
    const [cmd, set, id] = what.split('/');
    switch (cmd) {
      case 'faults': if (req.method === 'POST') sandbox.setFaults(input as Partial<Faults>); return ok(faults);
      case 'api': if (req.method === 'POST') sandbox.setApi(input as Partial<ApiOptions>); return ok(api);
      case 'oauth': if (req.method === 'POST') Object.assign(oauth.options, input); return ok(oauth.options);
      case 'expire-tokens': sandbox.expireAccessTokens(); return ok({ expired: true });
      case 'expire-refresh-tokens': sandbox.expireRefreshTokens(); return ok({ expired: true });
      case 'clock': sandbox.advanceClock(Number(input.advanceMs ?? 0)); return ok({ now: now() });
      case 'stats': if (req.method === 'DELETE') sandbox.resetStats(); return ok(stats);
      case 'token-requests': return ok(oauth.tokenRequests);
      case 'records':
        if (req.method === 'GET') return ok(id ? (sandbox.record(set, id) ?? null) : sandbox.records(set));
        if (req.method === 'POST') return ok(sandbox.crmInsert(set, input));
        if (req.method === 'PATCH') return ok(sandbox.crmEdit(set, id, input));
        break;
      case 'graph': {
        // POST { folders?: [{ displayName, contacts }], defaultContacts?, maxPageSize?, throttleNext?, retryAfterSeconds?, expireDelta?, edit?: { folderId, id, patch }, add?: { folderId, contacts } }
        if (req.method !== 'POST') return ok({ stats: graph.stats, folders: [...graph.folders.values()].map((f) => ({ id: f.id, displayName: f.displayName, count: f.entries.size })) });
        const g = input as { folders?: { displayName: string; contacts: MailboxContact[] }[]; defaultContacts?: MailboxContact[]; maxPageSize?: number; throttleNext?: number; retryAfterSeconds?: number; expireDelta?: boolean; edit?: { folderId: string; id: string; patch: MailboxContact }; add?: { folderId: string; contacts: MailboxContact[] } };
        const folderIds = (g.folders ?? []).map((f) => graph.addFolder(f.displayName, f.contacts));
        if (g.defaultContacts) graph.addContacts('', g.defaultContacts);
        if (g.maxPageSize !== undefined) graph.maxPageSize = g.maxPageSize;
        if (g.throttleNext !== undefined) graph.throttleNext = g.throttleNext;
        if (g.retryAfterSeconds !== undefined) graph.retryAfterSeconds = g.retryAfterSeconds;
        if (g.expireDelta) graph.expireDeltaTokens();
        if (g.edit) graph.editContact(g.edit.folderId, g.edit.id, g.edit.patch);
        const added = g.add ? graph.addContacts(g.add.folderId, g.add.contacts) : [];
        return ok({ folderIds, added, stats: graph.stats });
      }
      case 'info': return ok({ url: origin, serviceRoot: origin + API_PREFIX, tenant, userId });
    }
    send(res, req, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'unknown control' });
  }

  // Longer than clients' idle keep-alive, so the server never closes a socket a client is reusing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sandbox: Sandbox = {
    url: origin,
    serviceRoot: origin + API_PREFIX,
    tenant,
    userId,
    store,
    oauth,
    graph,
    stats,
    faults,
    api,
    setFaults(f) {
      Object.assign(faults, f);
      if (f.seed !== undefined) random = prng(f.seed);
    },
    setApi(o) { Object.assign(api, o); },
    records: (set) => store.rows(set),
    record: (set, id) => store.get(set, id),
    crmEdit(set, id, patch) {
      const row = store.get(set, id);
      if (!row) throw new Error(`no ${set}(${id})`);
      return store.put(set, id, { ...row, ...patch, modifiedon: new Date(now()).toISOString() });
    },
    crmInsert(set, row) {
      const keys: Record<string, string> = { leads: 'leadid', accounts: 'accountid', contacts: 'contactid', connectionroles: 'connectionroleid' };
      const key = keys[set] ?? `${set.replace(/s$/, '')}id`;
      const id = String(row[key] ?? randomUUID()).toLowerCase();
      const base = set === 'leads' ? { statecode: 0, statuscode: 1 } : {};
      const full: Row = { ...base, ...row, [key]: id, createdon: new Date(now()).toISOString(), modifiedon: new Date(now()).toISOString() };
      if (set === 'leads' || set === 'contacts') full.fullname = [full.firstname, full.lastname].filter(Boolean).join(' ');
      return store.put(set, id, full);
    },
    expireAccessTokens: () => oauth.expireAccessTokens(),
    expireRefreshTokens: () => oauth.expireRefreshTokens(),
    advanceClock(ms) { clockOffset += ms; },
    resetStats() {
      Object.assign(stats, { apiRequests: 0, batchRequests: 0, batchOperations: 0, tokenRequests: 0, injected: {}, status: {} });
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  return sandbox;
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}

export { etagOf };
