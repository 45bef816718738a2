import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '../db/open';
import { listLeads, saveLead } from '../leads/repo';
import { testSettings } from '../leads/test-helpers';
import { jobKey } from '../queue/job';
import { commitImport, discardImport, stageBatch as stage, storedDedupeKeys } from './import-staging';
import { applyImportJournal, importJournalSettled, pendingDuplicateSource, pendingImport, pendingImportedLeads } from './import-journal';
import { findDuplicates } from '../leads/dedupe';

const deps = { settings: testSettings };
const apply = () => applyImportJournal({ deps: async () => deps });
/** Commit, then add the journal to the lead stores, as the background does. */
const commitAndApply = async (id: string) => {
  const out = await commitImport(id);
  await apply();
  return out;
};
const stageBatch = (id: string, creates: unknown[], updates: { id: string; lead: unknown }[]) => stage(id, creates, updates, deps);

const lead = (i: number) => ({ subject: 'Import', lastname: `Nowak${i}`, emailaddress1: `n${i}@x.pl`, provenance: { origin: 'import', capturedAt: '2026-11-27T12:00:00.000Z', fields: {} } });

describe('import staging', () => {
  beforeEach(() => resetDbForTests());

  it('writes every batch in one transaction at commit', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, Array.from({ length: 300 }, (_, i) => lead(i)), []);
    await new Promise((r) => setTimeout(r, 20));
    await stageBatch(id, Array.from({ length: 200 }, (_, i) => lead(300 + i)), []);
    expect(await commitAndApply(id)).toEqual({ created: 500, updated: 0 });
    const all = await listLeads();
    expect(all).toHaveLength(500);
    expect(all[0]).toMatchObject({ provenance: { origin: 'import' } });
    // Through the pipeline: queued for sync, indexed for duplicates, audited.
    const db = await getDb();
    expect(await db.count('outbox')).toBe(500);
    expect(await db.count('dedupe')).toBe(500);
    expect(await db.count('audit')).toBeGreaterThanOrEqual(500);
  });

  it('audits each imported lead once: captured from the file, with the outbox job it was queued as', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1), lead(2)], []);
    expect(await commitAndApply(id)).toEqual({ created: 2, updated: 0 });
    const db = await getDb();
    for (const l of await listLeads()) {
      const trail = await db.getAllFromIndex('audit', 'by-lead', l.id);
      const job = (await db.get('outbox', l.id))!;
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ kind: 'captured', details: { origin: 'import', queued: { op: 'create', key: jobKey(job) } } });
    }
  });

  it('a cancel between batches leaves nothing written', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, Array.from({ length: 300 }, (_, i) => lead(i)), []);
    await new Promise((r) => setTimeout(r, 20));
    expect(await discardImport(id)).toBe(true);
    expect(await listLeads()).toHaveLength(0);
    const db = await getDb();
    expect([await db.count('outbox'), await db.count('dedupe'), await db.count('audit'), await db.count('importJournal')]).toEqual([0, 0, 0, 0]);
    await expect(commitImport(id)).rejects.toMatchObject({ code: 'expired' });
  });

  it('updates stored duplicates and keeps their id and history', async () => {
    const stored = await saveLead({ subject: 'Old', lastname: 'Zięba', emailaddress1: 'z@x.pl', jobtitle: 'CEO' });
    expect(await storedDedupeKeys()).toEqual([['e:z@x.pl', stored.id]]);
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1)], [{ id: stored.id, lead: { subject: 'Targi', lastname: 'Zięba', emailaddress1: 'z@x.pl', companyname: 'ACME' } }]);
    expect(await commitAndApply(id)).toEqual({ created: 1, updated: 1 });
    const z = (await (await getDb()).get('leads', stored.id))!;
    expect(z).toMatchObject({ subject: 'Targi', companyname: 'ACME', jobtitle: 'CEO', createdAt: stored.createdAt });
  });

  it('abandons the whole import when the pipeline refuses a lead', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1), { subject: 'x' }], []);
    await expect(commitImport(id)).rejects.toMatchObject({ code: 'invalid' });
    expect(await listLeads()).toHaveLength(0);
    await expect(stageBatch(id, [lead(2)], [])).rejects.toMatchObject({ code: 'expired' });
  });

  it('a commit is durable in the journal before the lead stores have it, and counts for duplicates', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1), lead(2)], []);
    await stageBatch(id, [lead(3)], []);
    expect(await commitImport(id)).toEqual({ created: 3, updated: 0 });
    const db = await getDb();
    expect(await db.count('importJournal')).toBe(2);
    expect(await db.count('leads')).toBe(0);
    expect(await pendingImport()).toEqual({ parts: 2, leads: 3 });
    // A second file, or a capture, sees them as stored leads already.
    expect((await storedDedupeKeys()).map(([k]) => k).sort()).toEqual(['e:n1@x.pl', 'e:n2@x.pl', 'e:n3@x.pl']);
    const pending = (await pendingDuplicateSource())!;
    expect((await findDuplicates(pending, 'new', { lastname: 'Other', emailaddress1: 'n3@x.pl' })).map((m) => m.lead.lastname)).toEqual(['Nowak3']);
    // The popup's plain save keeps the lead and records the waiting one as an ignored duplicate.
    const saved = await saveLead({ subject: 'Popup', lastname: 'Other', emailaddress1: 'n2@x.pl' });
    const trail = await db.getAllFromIndex('audit', 'by-lead', saved.id);
    const waiting = (await pendingImportedLeads()).find((l) => l.emailaddress1 === 'n2@x.pl')!;
    expect(trail[0]).toMatchObject({ kind: 'captured', details: { duplicatesIgnored: [waiting.id] } });
    await apply();
    expect([await db.count('importJournal'), await db.count('leads'), await db.count('outbox'), await db.count('dedupe')]).toEqual([0, 4, 4, 4]);
    expect(await pendingImport()).toEqual({ parts: 0, leads: 0 });
    expect(await pendingDuplicateSource()).toBeUndefined();
  });

  it('a worker stopped between journal parts resumes without adding a lead twice', async () => {
    const id = crypto.randomUUID();
    for (let b = 0; b < 3; b++) await stageBatch(id, Array.from({ length: 10 }, (_, i) => lead(b * 10 + i)), []);
    await commitImport(id);
    // The first part is applied, then the worker "stops" (the run fails after that part).
    let parts = 0;
    await expect(applyImportJournal({ deps: async () => deps, onPart: () => { if (++parts === 1) throw new Error('stopped'); } })).rejects.toThrow('stopped');
    const db = await getDb();
    expect([await db.count('importJournal'), await db.count('leads')]).toEqual([2, 10]);
    await apply(); // the next start
    expect([await db.count('importJournal'), await db.count('leads'), await db.count('outbox'), await db.count('dedupe')]).toEqual([0, 30, 30, 30]);
    const captured = (await db.getAll('audit')).filter((e) => e.kind === 'captured');
    expect(new Set(captured.map((e) => e.leadId)).size).toBe(30);
    expect(captured).toHaveLength(30);
  });

  it('privacy actions wait until a committed import is in the lead stores', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1), lead(2)], []);
    await commitImport(id);
    const db = await getDb();
    expect(await db.count('importJournal')).toBe(1);
    await importJournalSettled({ deps: async () => deps });
    expect([await db.count('importJournal'), await db.count('leads')]).toEqual([0, 2]);
  });
});
