// Every schema version's fixture is seeded at its version, upgraded to the latest and read back
// through the current schemas. A version without a fixture fails here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadRecord } from '../leads/schema';
import { outboxJob } from './outbox-job';
import { auditEntry } from '../audit/entry';
import { dedupeKeys } from '../leads/dedupe-keys';
import { DB_VERSION } from './migrations';
import { openAtVersion } from './open';
import type { StoreName } from './db-schema';

interface Fixture {
  version: number;
  stores: Partial<Record<StoreName, unknown[]>>;
}

const fixturePath = (v: number) => join(__dirname, '__fixtures__', `v${v}.json`);

async function seedAndUpgrade(fixture: Fixture) {
  const old = await openAtVersion('migration-test', fixture.version);
  const names = Object.keys(fixture.stores) as StoreName[];
  const tx = old.transaction(names, 'readwrite');
  for (const name of names) for (const row of fixture.stores[name] ?? []) await tx.objectStore(name).put(row as never);
  await tx.done;
  old.close();
  return openAtVersion('migration-test');
}

describe('migrations', () => {
  for (let v = 1; v <= DB_VERSION; v++) {
    it(`upgrades the v${v} fixture to v${DB_VERSION} and every row parses`, async () => {
      expect(existsSync(fixturePath(v)), `missing fixture lib/store/__fixtures__/v${v}.json`).toBe(true);
      const fixture = JSON.parse(readFileSync(fixturePath(v), 'utf8')) as Fixture;
      expect(fixture.version).toBe(v);
      const seededLeads = fixture.stores.leads ?? [];
      expect(seededLeads.length).toBeGreaterThan(0);

      const db = await seedAndUpgrade(fixture);
      const leads = await db.getAll('leads');
      expect(leads).toHaveLength(seededLeads.length);
      for (const row of leads) expect(() => leadRecord.parse(row), `lead ${row.id}`).not.toThrow();

      // The outbox, audit trail and duplicate index agree with the leads.
      const jobs = await db.getAll('outbox');
      for (const job of jobs) outboxJob.parse(job);
      expect(jobs.map((j) => j.leadId).sort()).toEqual(leads.map((l) => l.id).sort());
      for (const lead of leads) {
        const job = jobs.find((j) => j.leadId === lead.id)!;
        expect(job.state, `lead ${lead.id}`).toBe(lead.sync.state);
        expect(await db.get('dedupe', lead.id)).toEqual(dedupeKeys(lead.id, lead));
        const trail = await db.getAllFromIndex('audit', 'by-lead', lead.id);
        expect(trail.length, `audit of ${lead.id}`).toBeGreaterThan(0);
        for (const e of trail) auditEntry.parse(e);
        expect(trail[0].kind).toBe('captured');
      }
      db.close();
    });
  }

  it('v1 leads caught mid-sync are queued again, marked in doubt', async () => {
    const fixture = JSON.parse(readFileSync(fixturePath(1), 'utf8')) as Fixture;
    const db = await seedAndUpgrade(fixture);
    const syncing = (fixture.stores.leads as { id: string; sync: { state: string } }[]).find((l) => l.sync.state === 'syncing')!;
    expect(await db.get('outbox', syncing.id)).toMatchObject({ state: 'ready', inDoubt: true });
    const failed = (fixture.stores.leads as { id: string; sync: { state: string } }[]).find((l) => l.sync.state === 'failed')!;
    expect(await db.get('outbox', failed.id)).toMatchObject({ state: 'failed', error: 'HTTP 503', nextRetryAt: '2026-11-03T08:06:00.000Z' });
    // Phone numbers stored before v2 get their E.164 form and are found by the duplicate index.
    expect(await db.getAllKeysFromIndex('dedupe', 'by-phone', '+48601234567')).toEqual([failed.id]);
    db.close();
  });
});
