// Microsoft Graph GETs for the Exchange import (issue #17): the bearer token, one silent refresh on
// 401, every page followed by @odata.nextLink, and throttling (429/503/504) waited out as
// Retry-After says, or with the sync's backoff when it says nothing.
import { backoffDelay, parseRetryAfter } from '../queue/backoff';
import type { TokenSource } from '../sync/dataverse-client';
import { GRAPH_BASE } from './graph-base';

/** Incremental consent: asked for only when the rep first imports from Exchange. */
export const GRAPH_CONTACTS_SCOPE = 'https://graph.microsoft.com/Contacts.Read';
/** Retries of one page before the import gives up (a throttled mailbox usually clears in seconds). */
export const GRAPH_MAX_RETRIES = 6;

export class GraphError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export interface GraphApi {
  /** Absolute URL, or a path below the base ("me/contactFolders"). */
  get(url: string, signal?: AbortSignal): Promise<unknown>;
  /** HTTP requests sent and 429s waited out, for tests and the bench. */
  readonly stats: { requests: number; throttled: number };
}

export interface GraphApiOptions {
  base?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Contacts per page we ask for (Graph caps it; it may send fewer). */
  pageSize?: number;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createGraphApi(tokens: TokenSource, opts: GraphApiOptions = {}): GraphApi {
  const base = opts.base ?? GRAPH_BASE;
  const fetchFn = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const sleep = opts.sleep ?? wait;
  const stats = { requests: 0, throttled: 0 };
  const headers = (token: string): Record<string, string> => ({
    Accept: 'application/json', Authorization: `Bearer ${token}`,
    ...(opts.pageSize ? { Prefer: `odata.maxpagesize=${opts.pageSize}` } : {}),
  });

  async function once(url: string, token: string, signal?: AbortSignal): Promise<Response> {
    stats.requests++;
    return fetchFn(url, { headers: headers(token), signal });
  }

  return {
    stats,
    async get(path, signal) {
      const url = /^https?:/.test(path) ? path : base + path;
      // Never send the token anywhere but Graph (a nextLink comes from the server's answer).
      if (!url.startsWith(new URL(base).origin + '/')) throw new GraphError(0, 'foreign_link', `Refused to follow a link outside Microsoft Graph: ${url}`);
      for (let attempt = 0; ; attempt++) {
        let res = await once(url, await tokens.getToken(), signal);
        if (res.status === 401) res = await once(url, await tokens.refresh(), signal);
        if ((res.status === 429 || res.status === 503 || res.status === 504) && attempt < GRAPH_MAX_RETRIES) {
          if (res.status === 429) stats.throttled++;
          await res.body?.cancel();
          await sleep(parseRetryAfter(res.headers.get('retry-after')) ?? backoffDelay(attempt, opts.random));
          continue;
        }
        const text = await res.text();
        if (res.ok) return text ? JSON.parse(text) : {};
        let code = String(res.status);
        let message = text.slice(0, 300);
        try {
          const e = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
          code = e?.code ?? code;
          message = e?.message ?? message;
        } catch { /* not JSON */ }
        throw new GraphError(res.status, code, message);
      }
    },
  };
}

/** Every item of a collection, page by page (@odata.nextLink), and the @odata.deltaLink at the end if any. */
export async function readAllPages<T>(api: GraphApi, first: string, onPage?: (items: T[]) => void, signal?: AbortSignal): Promise<{ items: T[]; deltaLink?: string }> {
  const items: T[] = [];
  let next: string | undefined = first;
  let deltaLink: string | undefined;
  while (next) {
    const page = (await api.get(next, signal)) as { value?: T[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
    const value = page.value ?? [];
    for (const v of value) items.push(v);
    onPage?.(value);
    next = page['@odata.nextLink'];
    deltaLink = page['@odata.deltaLink'] ?? deltaLink;
  }
  return { items, deltaLink };
}
