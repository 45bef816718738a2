// The Exchange import as the background worker exposes it (issue #17): list the rep's Outlook
// contact folders, read the chosen ones into rows for the options page's import flow, and once
// that import is committed, remember each folder's delta link so the next import brings only
// what changed. Graph tokens and delta links never leave the worker.
import { t } from '../i18n/t';
import { idbTokenStore } from '../sync/auth/secret-store';
import { createGraphTokens } from '../sync/auth/graph-token';
import { AuthRequiredError } from '../sync/errors';
import { SignInError } from '../sync/auth/pkce';
import { launchSignIn, sessionConfig } from '../sync/service';
import { kvGet, kvSet } from '../sync/sync-db';
import { graphBaseFor } from './graph-base';
import { createGraphApi, GRAPH_CONTACTS_SCOPE, GraphError, type GraphApi } from './graph-client';
import { contactsTable, CONTACT_HEADERS } from './contact-rows';
import { listContactFolders, readContactFolder, type ContactFolder, type ReadMode } from './read-contact-folders';

/** Contacts per Graph page we ask for. */
const PAGE_SIZE = 500;
const DELTA_KEY = 'exchangeDelta';
const pendingKey = (readId: string) => `exchangePending:${readId}`;

interface DeltaState {
  deltaLink: string;
  importedAt: string;
}
type DeltaStore = Record<string, DeltaState>;

async function graph(): Promise<{ api: GraphApi; account: string }> {
  const cfg = await sessionConfig();
  if (!cfg?.environmentUrl) throw Object.assign(new Error(t('exchange_err_not_connected')), { code: 'not_configured' });
  const tokens = createGraphTokens({ config: sessionConfig, store: idbTokenStore, launch: launchSignIn, scope: GRAPH_CONTACTS_SCOPE });
  // Delta links belong to one mailbox: keyed by the sign-in (authority, tenant, app).
  return { api: createGraphApi(tokens, { base: graphBaseFor(cfg.environmentUrl), pageSize: PAGE_SIZE }), account: `${cfg.authority}|${cfg.tenant}|${cfg.clientId}` };
}

/** Graph and sign-in failures in words a rep can act on. */
function explained(err: unknown): Error {
  if (err instanceof SignInError) {
    const key = err.code === 'cancelled' ? 'exchange_err_cancelled' : err.code === 'consent_required' ? 'exchange_err_consent' : 'exchange_err_sign_in';
    return Object.assign(new Error(t(key, err.message)), { code: `exchange_${err.code}` });
  }
  if (err instanceof AuthRequiredError) return Object.assign(new Error(t('exchange_err_sign_in', err.message)), { code: 'auth_required' });
  if (err instanceof GraphError) {
    const key = err.status === 403 ? 'exchange_err_forbidden' : err.status === 429 ? 'exchange_err_throttled' : err.status === 404 ? 'exchange_err_missing' : 'exchange_err_graph';
    return Object.assign(new Error(t(key, err.message)), { code: `graph_${err.status}` });
  }
  if (err instanceof TypeError) return Object.assign(new Error(t('exchange_err_offline', err.message)), { code: 'network' });
  return err instanceof Error ? err : new Error(String(err));
}

export async function exchangeFolders(): Promise<{ folders: (ContactFolder & { importedAt?: string })[] }> {
  try {
    const { api, account } = await graph();
    const folders = await listContactFolders(api);
    const delta = (await kvGet<DeltaStore>(DELTA_KEY)) ?? {};
    return { folders: folders.map((f) => ({ ...f, importedAt: delta[`${account}|${f.id}`]?.importedAt })) };
  } catch (err) {
    throw explained(err);
  }
}

export interface ExchangeRead {
  readId: string;
  headers: string[];
  rows: string[][];
  folders: { id: string; mode: ReadMode; count: number; removed: number }[];
}

export async function exchangeRead(folderIds: string[]): Promise<ExchangeRead> {
  try {
    const { api, account } = await graph();
    const delta = (await kvGet<DeltaStore>(DELTA_KEY)) ?? {};
    const reads = [];
    // One folder after another: Graph throttles a mailbox's parallel requests first.
    for (const id of [...new Set(folderIds)]) reads.push(await readContactFolder(api, id, delta[`${account}|${id}`]?.deltaLink));
    const readId = crypto.randomUUID();
    const links = Object.fromEntries(reads.filter((r) => r.deltaLink).map((r) => [`${account}|${r.folderId}`, r.deltaLink!]));
    await kvSet(pendingKey(readId), links);
    const table = contactsTable(reads.flatMap((r) => r.contacts));
    return {
      readId, headers: CONTACT_HEADERS, rows: table.rows.map((r) => r.cells),
      folders: reads.map((r) => ({ id: r.folderId, mode: r.mode, count: r.contacts.length, removed: r.removed })),
    };
  } catch (err) {
    throw explained(err);
  }
}

/** After the import committed: the next import of these folders starts from here. */
export async function exchangeRemember(readId: string): Promise<{ remembered: number }> {
  const links = await kvGet<Record<string, string>>(pendingKey(readId));
  if (!links) return { remembered: 0 };
  const delta = (await kvGet<DeltaStore>(DELTA_KEY)) ?? {};
  const importedAt = new Date().toISOString();
  for (const [key, deltaLink] of Object.entries(links)) delta[key] = { deltaLink, importedAt };
  await kvSet(DELTA_KEY, delta);
  await kvSet(pendingKey(readId), undefined);
  return { remembered: Object.keys(links).length };
}
