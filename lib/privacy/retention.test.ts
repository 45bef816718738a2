import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '../store/open';
import { listLeads, restoreLead, saveLead } from '../store/lead-repo';
import type { LeadRecord, SyncState } from '../leads/schema';
import { ensureRetentionAlarm, expiredLeads, listenForRetention, RETENTION_ALARM, runRetention } from './retention';
import { setPrivacySettings } from './settings';
import { commitImport, stageBatch } from '../store/import-staging';
import { testSettings } from '../leads/test-helpers';

const now = new Date('2026-11-27T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

async function lead(name: string, state: SyncState, syncedDaysAgo?: number): Promise<LeadRecord> {
  const saved = await saveLead({ subject: 'S', lastname: name });
  return restoreLead({ ...saved, sync: { state, ...(syncedDaysAgo === undefined ? {} : { syncedAt: daysAgo(syncedDaysAgo) }) } });
}

describe('expiredLeads', () => {
  it('picks synced leads past the window only', () => {
    const l = (id: string, state: SyncState, d?: number) => ({ id, sync: { state, syncedAt: d === undefined ? undefined : daysAgo(d) } });
    expect(expiredLeads([l('old', 'synced', 31), l('edge', 'synced', 30), l('young', 'synced', 29), l('pending', 'ready', 400), l('failed', 'failed', 400), l('nodate', 'synced')], 30, now))
      .toEqual(['old']);
  });
});

describe('runRetention', () => {
  beforeEach(() => {
    resetDbForTests();
    fakeBrowser.reset();
  });

  it('keeps a lead that a committed import still in the journal updates, and the rest of that import', async () => {
    await setPrivacySettings({ retentionDays: 10 });
    const updated = await lead('Updated', 'synced', 11);
    const old = await lead('Old', 'synced', 11);
    const importId = crypto.randomUUID();
    await stageBatch(importId, [{ subject: 'Plik', lastname: 'Imported' }], [{ id: updated.id, lead: { subject: 'Targi', lastname: 'Updated', companyname: 'ACME' } }], { settings: testSettings });
    await commitImport(importId);
    expect(await runRetention(now)).toEqual([old.id]);
    expect((await listLeads()).map((l) => l.lastname).sort()).toEqual(['Imported', 'Updated']);
    expect((await listLeads()).find((l) => l.id === updated.id)).toMatchObject({ companyname: 'ACME', sync: { state: 'ready' } });
  });

  it('removes local copies older than the configured window and nothing else', async () => {
    await setPrivacySettings({ retentionDays: 10 });
    const old = await lead('Old', 'synced', 11);
    await lead('Recent', 'synced', 9);
    await lead('Unsynced', 'ready');
    await lead('Edited', 'ready', 50);
    await fakeBrowser.storage.session.set({ [`draft:lead:${old.id}`]: { id: old.id } });
    expect(await runRetention(now)).toEqual([old.id]);
    expect((await listLeads()).map((l) => l.lastname).sort()).toEqual(['Edited', 'Recent', 'Unsynced']);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('runs when its alarm fires, and the alarm is created once', async () => {
    await ensureRetentionAlarm();
    const first = await fakeBrowser.alarms.get(RETENTION_ALARM);
    expect(first?.periodInMinutes).toBeGreaterThan(0);
    await ensureRetentionAlarm();
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name === RETENTION_ALARM)).toHaveLength(1);

    await setPrivacySettings({ retentionDays: 1 });
    const old = await lead('Old', 'synced', 1e4 / 24); // synced over a year before the real clock
    const done = new Promise<string[]>((resolve) => listenForRetention(resolve));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now() });
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: Date.now() });
    expect(await done).toEqual([old.id]);
    expect(await (await getDb()).get('leads', old.id)).toBeUndefined();
  });
});
