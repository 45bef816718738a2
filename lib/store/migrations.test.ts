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
import type { AnyVersionDb, StoreName } from './db-schema';
import type { IDBPDatabase } from 'idb';
import type { AuditBatchEntry } from '../audit/entry';
import { entryFor } from './audit-trail';

interface Fixture {
  version: number;
  stores: Partial<Record<StoreName, unknown[]>>;
}

const fixturePath = (v: number) => join(__dirname, '__fixtures__', `v${v}.json`);

async function seedAndUpgrade(fixture: Fixture) {
  const old = (await openAtVersion('migration-test', fixture.version)) as unknown as IDBPDatabase<AnyVersionDb>;
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

      // Each lead carries its outbox job and duplicate keys (v4), found through the lead store's
      // two indexes (v5), and has an audit trail (its own entries and its share of batch entries).
      expect([...db.transaction('leads').store.indexNames].sort()).toEqual(['by-match', 'by-outbox']);
      for (const lead of leads) {
        const job = outboxJob.parse(lead.outbox);
        expect(job.leadId).toBe(lead.id);
        expect(job.state, `lead ${lead.id}`).toBe(lead.sync.state);
        expect(lead.dedupe).toEqual(dedupeKeys(lead.id, lead));
        expect(await db.getAllKeysFromIndex('leads', 'by-outbox', [job.state, job.dueAt])).toContain(lead.id);
        for (const email of lead.dedupe!.emails) expect(await db.getAllKeysFromIndex('leads', 'by-match', `e:${email}`)).toContain(lead.id);
        const own = await db.getAllFromIndex('audit', 'by-lead', lead.id);
        const shared = (await db.getAllFromIndex('audit', 'by-batch', lead.id)).map((b) => entryFor(b as AuditBatchEntry, lead.id));
        const trail = [...own, ...shared].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
        expect(trail.length, `audit of ${lead.id}`).toBeGreaterThan(0);
        for (const e of trail) auditEntry.parse(e);
        expect(trail[0].kind).toBe('captured');
      }
      expect([...db.objectStoreNames].sort()).toEqual(['audit', 'importJournal', 'leads']);
      db.close();
    });
  }

  it('v1 leads caught mid-sync are queued again, marked in doubt', async () => {
    const fixture = JSON.parse(readFileSync(fixturePath(1), 'utf8')) as Fixture;
    const db = await seedAndUpgrade(fixture);
    const syncing = (fixture.stores.leads as { id: string; sync: { state: string } }[]).find((l) => l.sync.state === 'syncing')!;
    expect((await db.get('leads', syncing.id))?.outbox).toMatchObject({ state: 'ready', inDoubt: true });
    const failed = (fixture.stores.leads as { id: string; sync: { state: string } }[]).find((l) => l.sync.state === 'failed')!;
    expect((await db.get('leads', failed.id))?.outbox).toMatchObject({ state: 'failed', error: 'HTTP 503', nextRetryAt: '2026-11-03T08:06:00.000Z' });
    // Phone numbers stored before v2 get their E.164 form and are found by the duplicate index.
    expect(await db.getAllKeysFromIndex('leads', 'by-match', 'p:+48601234567')).toEqual([failed.id]);
    db.close();
  });

  it('v3 to v4: each lead takes its outbox job and duplicate-index row as stored, and the two stores go', async () => {
    const fixture = JSON.parse(readFileSync(fixturePath(3), 'utf8')) as Fixture;
    const db = await seedAndUpgrade(fixture);
    const jobs = fixture.stores.outbox as { leadId: string }[];
    const rows = fixture.stores.dedupe as { leadId: string }[];
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) expect((await db.get('leads', job.leadId))?.outbox).toEqual(job);
    // As stored (v5 then adds the prefixed 'match' list beside them).
    for (const row of rows) expect((await db.get('leads', row.leadId))?.dedupe).toEqual({ ...row, match: expect.any(Array) });
    // The queue finds them by state and due time, as it found the outbox's jobs.
    const failed = (jobs as { leadId: string; state: string }[]).find((j) => j.state === 'failed')!;
    expect(await db.getAllKeysFromIndex('leads', 'by-outbox', IDBKeyRange.bound(['failed', ''], ['failed', '\uffff']))).toEqual([failed.leadId]);
    // The audit trail is untouched.
    expect(await db.count('audit')).toBe((fixture.stores.audit ?? []).length);
    expect(db.objectStoreNames.contains('outbox' as never)).toBe(false);
    expect(db.objectStoreNames.contains('dedupe' as never)).toBe(false);
    db.close();
  });

  it('v4 to v5: the duplicate keys as stored gain their prefixed list, found through one index; sync states through the outbox index', async () => {
    const fixture = JSON.parse(readFileSync(fixturePath(4), 'utf8')) as Fixture;
    const db = await seedAndUpgrade(fixture);
    const seeded = fixture.stores.leads as { id: string; sync: { state: string }; dedupe: { emails: string[]; phones: string[]; nameCompany?: string; fuzzy: string[] } }[];
    for (const lead of seeded) {
      const { match, ...rest } = (await db.get('leads', lead.id))!.dedupe!;
      expect(rest).toEqual(lead.dedupe); // the keys themselves are kept as stored
      const expected = [...lead.dedupe.emails.map((e) => `e:${e}`), ...lead.dedupe.phones.map((p) => `p:${p}`), ...(lead.dedupe.nameCompany ? [`n:${lead.dedupe.nameCompany}`] : []), ...lead.dedupe.fuzzy.map((f) => `f:${f}`)];
      expect(match).toEqual(expected);
      for (const key of expected) expect(await db.getAllKeysFromIndex('leads', 'by-match', key)).toContain(lead.id);
    }
    // What 'by-sync-state' answered, 'by-outbox' answers (retention's synced leads, retry's failed ones).
    for (const state of new Set(seeded.map((l) => l.sync.state))) {
      const ids = seeded.filter((l) => l.sync.state === state).map((l) => l.id).sort();
      expect((await db.getAllKeysFromIndex('leads', 'by-outbox', IDBKeyRange.bound([state, ''], [state, '\uffff']))).sort()).toEqual(ids);
    }
    db.close();
  });
});
