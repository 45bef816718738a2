// Microsoft Graph's contacts API as the Exchange import uses it (issue #17), for the sandbox:
// GET /graph/v1.0/me/contactFolders, /me/contacts, /me/contactFolders/{id}/contacts and
// /contacts/delta, paged by @odata.nextLink, $select honoured, 429 with Retry-After on demand,
// delta tokens that bring only what changed, and expired delta state answered with 410.
import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from './errors';

export const GRAPH_PREFIX = '/graph/v1.0/';

export type MailboxContact = Record<string, unknown> & { id?: string };

interface Entry {
  contact: MailboxContact;
  /** Change sequence of the last add or edit. */
  seq: number;
  removedSeq?: number;
}
interface Folder {
  id: string;
  displayName: string;
  entries: Map<string, Entry>;
}

export interface GraphStats {
  requests: number;
  throttled: number;
  deltaRequests: number;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse =>
  ({ status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) });
const graphError = (status: number, code: string, message: string, headers: Record<string, string> = {}) => json(status, { error: { code, message } }, headers);

export class GraphMailbox {
  /** '' is Outlook's default Contacts folder (/me/contacts). */
  readonly folders = new Map<string, Folder>([['', { id: '', displayName: 'Contacts', entries: new Map() }]]);
  readonly stats: GraphStats = { requests: 0, throttled: 0, deltaRequests: 0 };
  /** Graph's cap on contacts per page (it honours smaller `Prefer: odata.maxpagesize`). */
  maxPageSize = 1000;
  /** The next this many requests are answered 429 with Retry-After. */
  throttleNext = 0;
  retryAfterSeconds = 1;
  /** Added to every Graph request before it is answered (the bench's network and mailbox latency). */
  latencyMs = 0;
  /** Delta tokens older than this change sequence are expired (410 SyncStateNotFound). */
  oldestDeltaSeq = 0;
  private seq = 0;

  addFolder(displayName: string, contacts: MailboxContact[] = []): string {
    const id = `AAMk${randomUUID().replace(/-/g, '')}`;
    this.folders.set(id, { id, displayName, entries: new Map() });
    this.addContacts(id, contacts);
    return id;
  }

  addContacts(folderId: string, contacts: MailboxContact[]): string[] {
    const f = this.folder(folderId);
    return contacts.map((c) => {
      const id = c.id ?? `AAMkC${randomUUID().replace(/-/g, '')}`;
      f.entries.set(id, { contact: { ...c, id }, seq: ++this.seq });
      return id;
    });
  }

  editContact(folderId: string, id: string, patch: MailboxContact): void {
    const e = this.folder(folderId).entries.get(id);
    if (!e) throw new Error(`no contact ${id}`);
    Object.assign(e.contact, patch);
    e.seq = ++this.seq;
  }

  removeContact(folderId: string, id: string): void {
    const e = this.folder(folderId).entries.get(id);
    if (!e) throw new Error(`no contact ${id}`);
    e.removedSeq = e.seq = ++this.seq;
  }

  /** Every delta token issued so far stops working (Graph forgets sync state after a while). */
  expireDeltaTokens(): void {
    this.oldestDeltaSeq = this.seq + 1;
  }

  private folder(id: string): Folder {
    const f = this.folders.get(id);
    if (!f) throw new Error(`no folder ${id}`);
    return f;
  }

  /** `rel` is the path below /graph/v1.0/. `authorized` tells whether the bearer token is for Graph. */
  handle(method: string, rel: string, url: URL, headers: Record<string, string>, authorized: boolean | 'expired'): SandboxResponse {
    this.stats.requests++;
    if (this.throttleNext > 0) {
      this.throttleNext--;
      this.stats.throttled++;
      return graphError(429, 'TooManyRequests', 'Application is over its MailboxConcurrency limit.', { 'retry-after': String(this.retryAfterSeconds) });
    }
    if (authorized !== true) {
      return graphError(401, 'InvalidAuthenticationToken', authorized === 'expired' ? 'Lifetime validation failed, the token is expired.' : 'Access token is empty or not for Microsoft Graph.');
    }
    if (method !== 'GET') return graphError(405, 'ErrorInvalidRequest', 'The OData request is not supported.');
    const base = `${url.origin}${GRAPH_PREFIX}`;
    const pageSize = Math.min(this.maxPageSize, Number(/odata\.maxpagesize=(\d+)/.exec(headers['prefer'] ?? '')?.[1] ?? 10), Number(url.searchParams.get('$top') ?? Infinity));
    const select = url.searchParams.get('$select')?.split(',').filter(Boolean);
    const shape = (c: MailboxContact) => (select ? Object.fromEntries(Object.entries(c).filter(([k]) => k === 'id' || select.includes(k))) : c);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const pageOf = <T>(items: T[], link: (nextSkip: number) => string, last: Record<string, string> = {}) => {
      const page = items.slice(skip, skip + pageSize);
      const more = skip + pageSize < items.length;
      return json(200, { value: page, ...(more ? { '@odata.nextLink': link(skip + pageSize) } : last) });
    };
    const withSkip = (n: number) => {
      const u = new URL(url);
      u.searchParams.set('$skiptoken', String(n));
      u.searchParams.delete('$top');
      return u.href;
    };

    if (rel === 'me/contactFolders') {
      const folders = [...this.folders.values()].filter((f) => f.id).map((f) => ({ id: f.id, displayName: f.displayName, parentFolderId: 'root' }));
      return pageOf(folders, withSkip);
    }
    const live = (f: Folder) => [...f.entries.values()].filter((e) => e.removedSeq === undefined).sort((a, b) => a.seq - b.seq);
    if (rel === 'me/contacts') return pageOf(live(this.folder('')).map((e) => shape(e.contact)), withSkip);
    const m = /^me\/contactFolders\/([^/]+)\/contacts(\/delta)?$/.exec(rel);
    const f = m && this.folders.get(decodeURIComponent(m[1]));
    if (!m || !f) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (!m[2]) return pageOf(live(f).map((e) => shape(e.contact)), withSkip);

    // Delta: $deltatoken = the change sequence the last round ended at; $snap = where this round ends.
    this.stats.deltaRequests++;
    const since = Number(url.searchParams.get('$deltatoken') ?? 0);
    if (since > 0 && since < this.oldestDeltaSeq) {
      return graphError(410, 'SyncStateNotFound', 'The sync state generation is not found; start a new sync (resyncRequired).');
    }
    const snap = Number(url.searchParams.get('$snap') ?? this.seq);
    const items = since === 0
      ? live(f).filter((e) => e.seq <= snap).map((e) => shape(e.contact))
      : [...f.entries.values()].filter((e) => e.seq > since && e.seq <= snap).sort((a, b) => a.seq - b.seq)
        .map((e) => (e.removedSeq !== undefined ? { id: e.contact.id, '@removed': { reason: 'deleted' } } : shape(e.contact)));
    const link = (params: Record<string, string>) => {
      const u = new URL(`${base}${rel}`);
      if (select) u.searchParams.set('$select', select.join(','));
      for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
      return u.href;
    };
    return pageOf(items, (n) => link({ $deltatoken: String(since), $snap: String(snap), $skiptoken: String(n) }), { '@odata.deltaLink': link({ $deltatoken: String(snap) }) });
  }
}
