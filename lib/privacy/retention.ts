// Retention (issue #8): the CRM is the record, so local copies of synced leads go after the
// rep's window. A chrome.alarms job runs it; the service worker keeps no timer of its own.
import { browser } from '#imports';
import { eraseTraces, forEachLeadDatabase, forLeadsSettled, syncedLeads, type LeadDb } from '../store';
import type { LeadRecord } from '../leads/schema';
import { eraseDraftTraces } from './draft-traces';
import { getPrivacySettings } from './settings';

export const RETENTION_ALARM = 'leadclip-privacy-retention';
/** How often the job looks; leads leave within this much of their window closing. */
export const RETENTION_PERIOD_MINUTES = 60;
const DAY_MS = 86_400_000;

/**
 * Leads whose local copy has outlived the window: in the CRM (synced) and not changed since,
 * synced more than `days` days before `now`. Unsynced or edited-after-sync leads always stay.
 */
export function expiredLeads(leads: readonly Pick<LeadRecord, 'id' | 'sync'>[], days: number, now: Date): string[] {
  const cutoff = now.getTime() - days * DAY_MS;
  return leads
    .filter((l) => l.sync.state === 'synced' && l.sync.syncedAt !== undefined && Date.parse(l.sync.syncedAt) < cutoff)
    .map((l) => l.id);
}

/** Removes every local trace of each expired lead. Returns the ids removed. */
export async function runRetention(now: Date = new Date()): Promise<string[]> {
  const { retentionDays } = await getPrivacySettings();
  // An import row still in the journal may update one of them: applied first, the lead is no
  // longer in the CRM's state and is kept (the store asks for the expired leads again).
  const expired = async (db: LeadDb) => expiredLeads(await syncedLeads(db), retentionDays, now);
  return forLeadsSettled(expired, async (db, ids) => {
    for (const id of ids) {
      await forEachLeadDatabase(db, (d) => eraseTraces(d, id));
      await eraseDraftTraces(id, []);
    }
    return ids;
  });
}

/** Creates the periodic alarm unless it exists (alarms survive worker restarts, not reinstalls). */
export async function ensureRetentionAlarm(): Promise<void> {
  if (await browser.alarms.get(RETENTION_ALARM)) return;
  await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: RETENTION_PERIOD_MINUTES });
}

/** Registers the alarm listener; call synchronously in the background's main(). */
export function listenForRetention(onDone?: (ids: string[]) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== RETENTION_ALARM) return;
    void runRetention().then((ids) => onDone?.(ids), (err) => console.error('retention failed', err));
  });
}
