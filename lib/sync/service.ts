// The sync feature as the background worker exposes it: settings, sign-in, test connection,
// "Sync now", status for the Sync view, conflicts, CRM lookups. Only the background imports this
// (it holds the session; tokens never leave the worker).
import { deleteLeadInCrm } from './crm-delete';
import { getPrivacySettings } from '../privacy/settings';
import { browser } from '#imports';
import { t, uiLang } from '../i18n/t';
import { leadFieldNames, leadFlagFields, type LeadRecord, type SyncState } from '../leads/schema';
import { createSession, type Session } from './auth/session';
import { idbTokenStore } from './auth/secret-store';
import { createDataverseApi, type DataverseApi } from './dataverse-client';
import { BUILD_RULES, changesToConfirm, normalizeSettings, type ConnectionSettings, type NormalizedSettings, type SettingsProblem } from './settings';
import { adoptDiscoverySignIn, discoverEnvironments, type DiscoverResult, type DiscoveryCloud } from './environment-discovery';
import { DiscoveryError } from './discovery';
import { SignInError, type AuthConfig } from './auth/pkce';
import { readConnection, writeConnection } from './connection-store';
import { syncReady, usableConnection } from './ready';

export { syncReady };
import { confirmTargets, confirmedTarget } from './confirmed-targets';
import { syncLeads, crmRecordUrl, type SyncCache } from './sync-engine';
import { deliverToWebhook } from './webhook';
import { createSyncProcessor } from './queue-processor';
import type { SyncProcessor } from '../queue/processor';
import { kickQueue } from '../queue/schedule';
import { everyLead, requeueLead, retryFailedLeads } from '../store';
import { kvGet, kvSet, syncDb, type Conflict } from './sync-db';
import { withoutFooter } from './conflict-fields';
import { testConnection, type ConnectionCheck } from './test-connection';
import { findExisting, searchAccounts, searchContacts, type CrmMatch } from './crm-lookup';
import { orgOptionSets, type CachedOptionSets, type OrgOptionSets } from './option-set-metadata';
import { orgRequiredColumns, type CachedOrgColumns, type OrgColumn } from './org-columns';
import { searchOwners as searchOwnersIn, type OwnerMatch } from './owner-lookup';
import { crmQualifyCandidates, type CrmQualifyCandidate } from './crm-lookup';

const normalized = usableConnection;

/** The sign-in the session uses; Microsoft Graph (lib/exchange) asks for its token with the same. */
export async function sessionConfig(): Promise<AuthConfig | undefined> {
  const s = await normalized();
  return s && { authority: s.authority, tenant: s.tenant, clientId: s.clientId, environmentUrl: s.environmentUrl, redirectUri: browser.identity.getRedirectURL() };
}

/** chrome.identity's sign-in window; resolves with the URL Entra redirected back to. */
export async function launchSignIn(url: string): Promise<string> {
  const back = await browser.identity.launchWebAuthFlow({ url, interactive: true });
  if (!back) throw new Error('Sign-in was closed.');
  return back;
}

let session: Session | undefined;
function getSession(): Session {
  return (session ??= createSession({
    store: idbTokenStore,
    config: sessionConfig,
    launch: launchSignIn,
    // The environment just picked from the discovery list: no second sign-in page (issue #17).
    adopt: (cfg) => adoptDiscoverySignIn(cfg, { store: idbTokenStore }),
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
  const { settings, locked } = await readConnection();
  const status = await getSession().status();
  const webhookSigned = !!(await idbTokenStore.getSecret('webhook'));
  return { settings, locked, redirectUri: browser.identity.getRedirectURL(), signedIn: status.signedIn, signedInUntil: status.refreshTokenExpiresAt, webhookSigned };
}

export interface SaveConnectionInput extends ConnectionSettings {
  webhookSecret?: string;
  /** The rep confirmed a new environment or webhook target (issue #18). */
  confirmChanges?: boolean;
}

export async function saveConnection(input: SaveConnectionInput): Promise<{ ok: boolean; problems: Partial<Record<keyof ConnectionSettings, SettingsProblem>>; confirm?: ('environmentUrl' | 'webhookUrl')[] }> {
  const { settings: before, locked } = await readConnection();
  // Locked fields keep the administrator's value whatever the page sent.
  const merged: ConnectionSettings = { ...input, ...Object.fromEntries(locked.map((k) => [k, before[k]])) };
  const n = normalizeSettings(merged);
  if (!n.ok) return { ok: false, problems: n.problems };
  // Compared with what the rep confirmed before, not with what storage.local says now.
  const confirmed = async (target: 'environmentUrl' | 'webhookUrl') => (locked.includes(target) ? before[target] : confirmedTarget(idbTokenStore, target, before[target]));
  const confirm = changesToConfirm({ environmentUrl: await confirmed('environmentUrl'), webhookUrl: await confirmed('webhookUrl') }, n.settings);
  if (confirm.length && !input.confirmChanges) return { ok: false, problems: {}, confirm };
  await writeConnection(n.settings, locked);
  await confirmTargets(idbTokenStore, n.settings);
  if (input.webhookSecret !== undefined) await idbTokenStore.setSecret('webhook', input.webhookSecret || undefined);
  return { ok: true, problems: {} };
}

export async function signIn() {
  await getSession().signIn();
  // Issue #17: the org's form (required columns, its choices) is read once now and cached.
  void optionSets(true).catch(() => {});
  await resumeAfterSignIn();
  return getConnection();
}

/** "Sign in with Microsoft": one sign-in for the cloud's discovery service, then the rep's
 * environments to pick from (issue #17). Errors come back in the rep's words. */
export async function discover(input: { cloud: DiscoveryCloud; sandboxUrl?: string; tenant: string; clientId: string }): Promise<DiscoverResult> {
  const { settings: stored, locked } = await readConnection();
  // What the rep typed on the page, except where the administrator's policy decides.
  const settings = { tenant: input.tenant, clientId: input.clientId, authority: stored.authority, ...Object.fromEntries(locked.map((k) => [k, stored[k]])) };
  try {
    return await discoverEnvironments(input, settings, { store: idbTokenStore, launch: launchSignIn, redirectUri: browser.identity.getRedirectURL(), rules: BUILD_RULES });
  } catch (err) {
    if (err instanceof SignInError) {
      const problem = ({ cancelled: 'signin_cancelled' } as Record<string, string>)[err.code] ?? err.code;
      const known = ['consent_required', 'unknown_tenant', 'unknown_client', 'redirect_uri', 'signin_cancelled', 'origin_required', 'offline'].includes(problem);
      throw Object.assign(new Error(known ? `${t(`syncTest_${problem}`)} (${err.message.slice(0, 300)})` : t('syncDiscoveryFailed', err.message.slice(0, 300))), { code: 'sign_in' });
    }
    if (err instanceof DiscoveryError) throw Object.assign(new Error(t('syncDiscoveryFailed', err.message.slice(0, 300))), { code: 'discovery' });
    throw err;
  }
}

export async function signOut() {
  await getSession().signOut();
  // The Graph token (Exchange import) goes with the sign-in it came from.
  await idbTokenStore.setSecret('graphTokens', undefined);
  cache = {};
  return getConnection();
}

export async function checkConnection(): Promise<ConnectionCheck> {
  const settings = await normalized();
  if (!settings) return { ok: false, problem: 'failed', detail: t('syncNotConfigured') };
  const { api: a } = await api();
  return testConnection({ settings, api: a, signIn: () => getSession().signIn(), online: () => navigator.onLine });
}

// ---- running (the queue of lib/queue drives; this is its processor) ----

let cache: SyncCache = {};
const progress = { active: 0, startedAt: 0, syncedSinceStart: 0 };

/** The processor the background registers with the queue. */
export function dataverseProcessor(onAuthRequired?: () => void): SyncProcessor {
  return createSyncProcessor({
    target: async (items, signal) => {
      progress.active++;
      try {
        const settings = await normalized();
        const secret = await idbTokenStore.getSecret('webhook');
        if (settings && !settings.environmentUrl && settings.webhookUrl && secret) {
          return await deliverToWebhook(items, { url: settings.webhookUrl, secret, signal });
        }
        const { api: a, settings: s } = await api();
        const ps = await getPrivacySettings();
        const privacy = { crmField: ps.crmField, defaultBasis: ps.lawfulBasis, lang: uiLang() };
        const requiredColumns = await requiredColumnLabels(s.environmentUrl);
        const fieldLabel = await fieldLabels(s.environmentUrl);
        const results = await syncLeads(items, { api: a, environmentUrl: s.environmentUrl, cache, translate: t, signal, privacy, requiredColumns, fieldLabel });
        // The CRM refused a lead for an empty required column: its form changed since we read it.
        if (results.some((r) => r.state === 'needs_attention' && r.problem.code === 'required')) void optionSets(true).catch(() => {});
        // Signed out or the 24 h ran out: stop sending until the rep signs in (leads wait).
        if (results.some((r) => r.state === 'auth_required')) onAuthRequired?.();
        // A webhook set beside Dynamics gets every lead that reached the CRM.
        if (s.webhookUrl && secret) {
          const done = new Set(results.filter((r) => r.state === 'synced').map((r) => r.id));
          await deliverToWebhook(items.filter((i) => done.has(i.lead.id)), { url: s.webhookUrl, secret, signal }).catch(() => []);
        }
        return results;
      } finally {
        progress.active--;
      }
    },
    onConflict: async (r) => {
      await (await syncDb()).put('conflicts', { id: r.id, crm: r.crm, crmEtag: r.crmEtag, unreadable: r.unreadable, detectedAt: new Date().toISOString() });
    },
    onSynced: async (id) => {
      progress.syncedSinceStart++;
      await (await syncDb()).delete('conflicts', id);
    },
  });
}

/** Can sync run now: signed in to a configured org, or a webhook-only setup with its secret? */
/** "Sync now": runs the queue (a run already going is joined, not duplicated). */
export async function syncNow(): Promise<{ waiting: number }> {
  if (!progress.active) progress.syncedSinceStart = 0;
  await kickQueue();
  const leads = await everyLead();
  return { waiting: leads.filter((l) => l.sync.state !== 'synced').length };
}

/** After signing in again: leads that waited for it go now rather than at their retry time. */
async function resumeAfterSignIn(): Promise<void> {
  await retryFailedLeads();
  void kickQueue();
}

/** The Sync view asks every second; while the queue runs, a list this old will do. */
const STATUS_STALE_MS = 3000;
/** Rows the Sync view lists: a 100,000-lead import must not be sent to it every second. */
const SYNC_VIEW_ROWS = 200;
/** Leads that need the rep come first, then those still on their way; newest first within each. */
const attention: Record<SyncState, number> = { needs_attention: 0, failed: 1, syncing: 2, ready: 3, draft: 4, synced: 5 };

export async function syncStatus() {
  const leads = await everyLead(STATUS_STALE_MS);
  const settings = await normalized();
  const conflicts = await (await syncDb()).getAll('conflicts');
  const waiting = leads.filter((l) => ['ready', 'syncing', 'failed'].includes(l.sync.state)).length;
  const inConflict = new Set(conflicts.map((c) => c.id));
  const rank = (l: LeadRecord) => (inConflict.has(l.id) ? -1 : attention[l.sync.state]);
  // A stable sort: newest first within each rank, as listed.
  const shown = [...leads].sort((a, b) => rank(a) - rank(b)).slice(0, SYNC_VIEW_ROWS);
  return {
    running: progress.active > 0,
    done: progress.syncedSinceStart,
    total: progress.syncedSinceStart + waiting,
    /** Leads not in the CRM yet (drafts too), and every lead: the view lists only `leads`. */
    unsynced: leads.filter((l) => l.sync.state !== 'synced').length,
    leadCount: leads.length,
    environmentUrl: settings?.environmentUrl,
    leads: shown.map((l) => ({
      id: l.id,
      name: [l.firstname, l.lastname].filter(Boolean).join(' '),
      companyname: l.companyname ?? '',
      // Issue #8: do-not-contact shows in every list of leads.
      donotemail: l.donotemail, donotphone: l.donotphone, donotpostalmail: l.donotpostalmail, donotbulkemail: l.donotbulkemail,
      state: l.sync.state,
      lastAttemptAt: l.sync.lastAttemptAt,
      nextRetryAt: l.sync.nextRetryAt,
      error: l.sync.error,
      crmUrl: settings && l.sync.syncedAt ? crmRecordUrl(settings.environmentUrl, 'lead', l.id) : undefined,
    })),
    conflicts,
  };
}

/** The rep chose: 'mine' overwrites the CRM (If-Match its current ETag); 'crm' takes the CRM's
 * values here and sends them back unchanged, so LeadClip and the CRM agree. */
export async function resolveConflict(id: string, keep: 'mine' | 'crm'): Promise<void> {
  const sdb = await syncDb();
  const conflict: Conflict | undefined = await sdb.get('conflicts', id);
  if (!conflict) throw Object.assign(new Error('No conflict for this lead.'), { code: 'not_found' });
  // An unread CRM version cannot be kept: its fields would come back empty.
  if (keep === 'crm' && conflict.unreadable) throw Object.assign(new Error(t('syncConflictUnreadableShort')), { code: 'invalid' });
  const found = await requeueLead(id, {
    etag: conflict.crmEtag,
    change: (lead, at) => {
      if (keep !== 'crm') return lead;
      const next: Record<string, unknown> = { ...lead, updatedAt: at };
      for (const name of leadFieldNames) next[name] = conflict.crm[name] ?? ((leadFlagFields as readonly string[]).includes(name) ? false : undefined);
      // Our own lawful-basis line is added again on sync; it is not part of the rep's description (#16).
      if (typeof next.description === 'string') next.description = withoutFooter(next.description) || undefined;
      return next as LeadRecord;
    },
  });
  if (!found) throw Object.assign(new Error('Lead not found.'), { code: 'not_found' });
  await sdb.delete('conflicts', id);
  void kickQueue();
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

export async function optionSets(force = false): Promise<{ sets: OrgOptionSets | null; columns: OrgColumn[] }> {
  const { api: a, settings } = await api();
  const [sets, columns] = await Promise.all([
    orgOptionSets(a, settings.environmentUrl, { get: () => kvGet<CachedOptionSets>('optionSets'), set: (v) => kvSet('optionSets', v) }, Date.now, force),
    orgRequiredColumns(a, settings.environmentUrl, { get: () => kvGet<CachedOrgColumns>('orgColumns'), set: (v) => kvSet('orgColumns', v) }, Date.now, force),
  ]);
  return { sets: sets ?? null, columns: columns ?? [] };
}

/** The org's required columns as the engine checks them: our own label for a lead field (in the
 * rep's language), the org's display name for its own columns. Only the cached copy: a sync never
 * waits for metadata. */
async function requiredColumnLabels(environmentUrl: string): Promise<Array<{ name: string; label: string }>> {
  const cached = await kvGet<CachedOrgColumns>('orgColumns');
  if (cached?.environmentUrl !== environmentUrl) return [];
  const lang = uiLang();
  return cached.columns.map((c) => ({ name: c.name, label: c.custom || !(leadFieldNames as readonly string[]).includes(c.name) ? c.label[lang] : t(`field_${c.name}`) }));
}

/** Display names for the CRM's error messages: ours for lead fields, the org's for its own columns. */
async function fieldLabels(environmentUrl: string): Promise<(name: string) => string> {
  const cached = await kvGet<CachedOrgColumns>('orgColumns');
  const lang = uiLang();
  const own = new Map(cached?.environmentUrl === environmentUrl ? cached.columns.map((c) => [c.name, c.label[lang]]) : []);
  return (name) => ((leadFieldNames as readonly string[]).includes(name) ? t(`field_${name}`) : own.get(name) ?? name);
}

/** Issue #17: users and teams to own a lead. */
export async function searchOwners(term: string): Promise<{ matches: OwnerMatch[] }> {
  const { api: a } = await api();
  return { matches: await searchOwnersIn(a, term) };
}

/** Issue #17: the Qualify dialog's CRM accounts and contacts (none when not connected). */
export async function qualifyCandidatesInCrm(term: string): Promise<{ accounts: CrmQualifyCandidate[]; contacts: CrmQualifyCandidate[] }> {
  const settings = await normalized();
  if (!settings?.environmentUrl) return { accounts: [], contacts: [] };
  const { api: a } = await api();
  return crmQualifyCandidates(a, term);
}

/** Issue #8: "forget this person" also deletes the lead in Dynamics (not in a webhook target). */
export async function deleteInCrm(leadId: string): Promise<'deleted' | 'absent'> {
  const { api: a } = await api();
  return deleteLeadInCrm(a, leadId);
}

/** Whether a CRM connection is set up, so the forget dialog can offer the CRM delete. */
export async function crmConfigured(): Promise<boolean> {
  return !!(await normalized())?.environmentUrl;
}
