// The sync feature as the background worker exposes it: settings, sign-in, test connection,
// "Sync now", status for the Sync view, conflicts, CRM lookups. Only the background imports this
// (it holds the session; tokens never leave the worker).
import { browser } from '#imports';
import { getDb } from '../db/open';
import { refreshBadge } from '../badge';
import { t } from '../i18n/t';
import { leadFieldNames, leadFlagFields, type LeadRecord } from '../leads/schema';
import { createSession, type Session } from './auth/session';
import { idbTokenStore } from './auth/secret-store';
import { createDataverseApi, type DataverseApi } from './dataverse-client';
import { mergeManaged, normalizeSettings, type ConnectionSettings, type NormalizedSettings, type SettingsProblem } from './settings';
import { syncLeads, crmRecordUrl, type SyncCache } from './sync-engine';
import { deliverToWebhook } from './webhook';
import { runSyncOnce, nextRetryAt, type RunSummary } from './runner';
import { kvGet, kvSet, syncDb, type Conflict } from './sync-db';
import { testConnection, type ConnectionCheck } from './test-connection';
import { findExisting, searchAccounts, searchContacts, type CrmMatch } from './crm-lookup';
import { orgOptionSets, type CachedOptionSets, type OrgOptionSets } from './option-set-metadata';

const SETTINGS_KEY = 'sync:connection';
export const SYNC_ALARM = 'leadclip-sync';

async function readSettings(): Promise<{ settings: ConnectionSettings; locked: (keyof ConnectionSettings)[] }> {
  const stored = ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {}) as Partial<ConnectionSettings>;
  let managed: Partial<ConnectionSettings> = {};
  try {
    managed = (await browser.storage.managed.get(['environmentUrl', 'tenant', 'clientId', 'webhookUrl'])) as Partial<ConnectionSettings>;
  } catch {
    // No policy (or managed storage unavailable): nothing locked.
  }
  return mergeManaged(stored, managed);
}

async function normalized(): Promise<NormalizedSettings | undefined> {
  const { settings } = await readSettings();
  const n = normalizeSettings(settings);
  return n.ok ? n.settings : undefined;
}

let session: Session | undefined;
function getSession(): Session {
  return (session ??= createSession({
    store: idbTokenStore,
    async config() {
      const s = await normalized();
      return s && { authority: s.authority, tenant: s.tenant, clientId: s.clientId, environmentUrl: s.environmentUrl, redirectUri: browser.identity.getRedirectURL() };
    },
    launch: async (url) => {
      const back = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!back) throw new Error('Sign-in was closed.');
      return back;
    },
    notifySignInNeeded: async () => {
      await browser.notifications.create('leadclip-sign-in', {
        type: 'basic', iconUrl: browser.runtime.getURL('/sync-icon.png'),
        title: t('syncNotifyTitle'), message: t('syncNotifyMessage'), requireInteraction: true,
      });
    },
  }));
}

async function api(): Promise<{ api: DataverseApi; settings: NormalizedSettings }> {
  const settings = await normalized();
  if (!settings?.environmentUrl) throw Object.assign(new Error(t('syncNotConfigured')), { code: 'not_configured' });
  return { api: createDataverseApi(settings.environmentUrl, getSession()), settings };
}

// ---- settings, sign-in ----

export async function getConnection() {
  const { settings, locked } = await readSettings();
  const status = await getSession().status();
  const hasWebhookSecret = !!(await idbTokenStore.getSecret('webhook'));
  return { settings, locked, redirectUri: browser.identity.getRedirectURL(), signedIn: status.signedIn, refreshTokenExpiresAt: status.refreshTokenExpiresAt, hasWebhookSecret };
}

export async function saveConnection(input: ConnectionSettings & { webhookSecret?: string }): Promise<{ ok: boolean; problems: Partial<Record<keyof ConnectionSettings, SettingsProblem>> }> {
  const { locked } = await readSettings();
  const n = normalizeSettings(input);
  if (!n.ok) return { ok: false, problems: n.problems };
  const { authority: _a, ...toStore } = n.settings;
  for (const k of locked) delete (toStore as Partial<ConnectionSettings>)[k];
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...toStore, ...(input.authority ? { authority: input.authority } : {}) } });
  if (input.webhookSecret !== undefined) await idbTokenStore.setSecret('webhook', input.webhookSecret || undefined);
  return { ok: true, problems: {} };
}

export async function signIn() {
  await getSession().signIn();
  await scheduleSync(0);
  return getConnection();
}

export async function signOut() {
  await getSession().signOut();
  cache = {};
  return getConnection();
}

export async function checkConnection(): Promise<ConnectionCheck> {
  const settings = await normalized();
  if (!settings) return { ok: false, problem: 'failed', detail: t('syncNotConfigured') };
  const { api: a } = await api();
  return testConnection({ settings, api: a, signIn: () => getSession().signIn(), online: () => navigator.onLine });
}

// ---- running ----

let cache: SyncCache = {};
let running: Promise<RunSummary> | undefined;
const progress = { done: 0, total: 0, running: false, last: undefined as RunSummary | undefined };

/** One run at a time per worker; "Sync now" while running joins the current run. */
export function syncNow(): Promise<RunSummary> {
  return (running ??= (async () => {
    progress.running = true;
    try {
      const settings = await normalized();
      const secret = await idbTokenStore.getSecret('webhook');
      if (!settings?.environmentUrl && !(settings?.webhookUrl && secret)) return { total: 0, synced: 0, failed: 0, attention: 0, conflicts: 0, authRequired: false };
      const target = settings?.webhookUrl && secret && !settings.environmentUrl
        ? (items: Parameters<typeof syncLeads>[0]) => deliverToWebhook(items, { url: settings.webhookUrl!, secret })
        : async (items: Parameters<typeof syncLeads>[0], onProgress: (d: number, t: number) => void) => {
          const { api: a, settings: s } = await api();
          const results = await syncLeads(items, { api: a, environmentUrl: s.environmentUrl, cache, translate: t, onProgress });
          // A webhook set beside Dynamics gets every lead that reached the CRM.
          if (s.webhookUrl && secret) {
            const done = new Set(results.filter((r) => r.state === 'synced').map((r) => r.id));
            await deliverToWebhook(items.filter((i) => done.has(i.lead.id)), { url: s.webhookUrl, secret }).catch(() => []);
          }
          return results;
        };
      let summary: RunSummary;
      do {
        summary = await runSyncOnce({ target, limit: 500, onProgress: (d, total) => Object.assign(progress, { done: d, total }) });
        await refreshBadge();
      } while (summary.total === 500 && !summary.authRequired);
      progress.last = summary;
      const next = await nextRetryAt();
      if (next !== undefined) await scheduleSync(Math.max(0, next - Date.now()));
      return summary;
    } finally {
      progress.running = false;
      running = undefined;
    }
  })());
}

/** Wakes the worker to sync after `delayMs` (alarms survive the worker being stopped). */
export async function scheduleSync(delayMs: number): Promise<void> {
  await browser.alarms.create(SYNC_ALARM, { when: Date.now() + Math.max(delayMs, 1000), periodInMinutes: 5 });
}

export async function syncStatus() {
  const leads: LeadRecord[] = await (await getDb()).getAll('leads');
  const settings = await normalized();
  const conflicts = await (await syncDb()).getAll('conflicts');
  return {
    running: progress.running,
    done: progress.done,
    total: progress.total,
    environmentUrl: settings?.environmentUrl,
    leads: leads.map((l) => ({
      id: l.id,
      name: [l.firstname, l.lastname].filter(Boolean).join(' '),
      companyname: l.companyname ?? '',
      state: l.sync.state,
      lastAttemptAt: l.sync.lastAttemptAt,
      nextRetryAt: l.sync.nextRetryAt,
      error: l.sync.error,
      crmUrl: settings && l.sync.syncedAt ? crmRecordUrl(settings.environmentUrl, 'lead', l.id) : undefined,
    })),
    conflicts,
  };
}

/** The rep chose: 'mine' overwrites the CRM (with its current ETag), 'crm' takes the CRM's values. */
export async function resolveConflict(id: string, keep: 'mine' | 'crm'): Promise<void> {
  const sdb = await syncDb();
  const conflict: Conflict | undefined = await sdb.get('conflicts', id);
  if (!conflict) throw Object.assign(new Error('No conflict for this lead.'), { code: 'not_found' });
  const db = await getDb();
  const tx = db.transaction('leads', 'readwrite');
  const lead = await tx.store.get(id);
  if (!lead) throw Object.assign(new Error('Lead not found.'), { code: 'not_found' });
  const at = new Date().toISOString();
  if (keep === 'mine') {
    await tx.store.put({ ...lead, sync: { ...lead.sync, state: 'ready', etag: conflict.crmEtag, error: undefined } });
  } else {
    const next: Record<string, unknown> = { ...lead };
    for (const name of leadFieldNames) next[name] = conflict.crm[name] ?? ((leadFlagFields as readonly string[]).includes(name) ? false : undefined);
    await tx.store.put({ ...(next as LeadRecord), updatedAt: at, sync: { ...lead.sync, state: 'synced', syncedAt: at, etag: conflict.crmEtag, error: undefined } });
  }
  await tx.done;
  await sdb.delete('conflicts', id);
  if (keep === 'mine') void syncNow();
  await refreshBadge();
}

// ---- reading the CRM ----

export async function lookupExisting(probe: { email?: string; firstname?: string; lastname?: string; companyname?: string }): Promise<{ matches: CrmMatch[] }> {
  const { api: a, settings } = await api();
  return { matches: await findExisting(a, settings.environmentUrl, probe) };
}

export async function searchCrm(kind: 'account' | 'contact', term: string): Promise<{ matches: CrmMatch[] }> {
  const { api: a, settings } = await api();
  return { matches: kind === 'account' ? await searchAccounts(a, settings.environmentUrl, term) : await searchContacts(a, settings.environmentUrl, term) };
}

export async function optionSets(force = false): Promise<{ sets: OrgOptionSets | null }> {
  const { api: a, settings } = await api();
  const sets = await orgOptionSets(a, settings.environmentUrl, { get: () => kvGet<CachedOptionSets>('optionSets'), set: (v) => kvSet('optionSets', v) }, Date.now, force);
  return { sets: sets ?? null };
}
