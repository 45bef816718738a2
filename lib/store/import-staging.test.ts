import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from './open';
import { deleteLead, getLead, listLeads, saveLead } from './lead-repo';
import { waitingToSync } from './waiting-count';
import { testSettings } from '../leads/test-helpers';
import { jobKey } from './outbox-job';
import { listAudit } from './audit-trail';
import { auditedLeads, storedWith } from './test-helpers';
import { commitImport, discardImport, stageBatch as stage, storedDedupeKeys } from './import-staging';
import { applyImportJournal, importJournalSettled, settleImportedLeads } from './import-journal';
import { pendingDuplicateSource, pendingImport, pendingImportedLeads } from './journal-mirror';
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
    expect(await storedWith('outbox')).toBe(500);
    expect(await storedWith('dedupe')).toBe(500);
    expect(new Set(await auditedLeads('captured')).size).toBe(500);
  });

  it('audits each imported lead once: captured from the file, with the outbox job it was queued as', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1), lead(2)], []);
    expect(await commitAndApply(id)).toEqual({ created: 2, updated: 0 });
    const db = await getDb();
    for (const l of await listLeads()) {
      const trail = await listAudit(l.id);
      const job = (await db.get('leads', l.id))!.outbox!;
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
    expect([await storedWith('outbox'), await storedWith('dedupe'), await db.count('audit'), await db.count('importJournal')]).toEqual([0, 0, 0, 0]);
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
    const trail = await listAudit(saved.id);
    const waiting = (await pendingImportedLeads()).find((l) => l.emailaddress1 === 'n2@x.pl')!;
    expect(trail[0]).toMatchObject({ kind: 'captured', details: { duplicatesIgnored: [waiting.id] } });
    await apply();
    expect([await db.count('importJournal'), await db.count('leads'), await storedWith('outbox'), await storedWith('dedupe')]).toEqual([0, 4, 4, 4]);
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
    expect([await db.count('importJournal'), await db.count('leads'), await storedWith('outbox'), await storedWith('dedupe')]).toEqual([0, 30, 30, 30]);
    const captured = await auditedLeads('captured');
    expect(new Set(captured).size).toBe(30);
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
  it('a committed lead is a stored lead at once: listed, opened and counted as waiting to sync', async () => {
    const earlier = await saveLead({ subject: 'Before', lastname: 'Earlier' });
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1), lead(2)], []);
    await stageBatch(id, [lead(3)], []);
    await commitImport(id);
    expect(await (await getDb()).count('leads')).toBe(1);
    const listed = await listLeads();
    expect(listed.map((l) => l.lastname).sort()).toEqual(['Earlier', 'Nowak1', 'Nowak2', 'Nowak3']);
    const waiting = listed.find((l) => l.lastname === 'Nowak3')!;
    expect(await getLead(waiting.id)).toEqual(waiting);
    expect(await getLead(earlier.id)).toMatchObject({ lastname: 'Earlier' });
    expect(await waitingToSync()).toBe(4);
    await apply();
    // The same leads in the same order, now from the stores: nothing listed twice, nothing moved
    // (a list read a page at a time must not skip or repeat a lead while parts are applied).
    expect((await listLeads()).map((l) => l.id)).toEqual(listed.map((l) => l.id));
    expect(await getLead(waiting.id)).toEqual(waiting);
    expect(await waitingToSync()).toBe(4);
  });

  it('an edit to a lead still in the journal moves it to the stores first; applying the rest keeps the edit', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1), lead(2)], []);
    await stageBatch(id, [lead(3)], []);
    await commitImport(id);
    const waiting = (await pendingImportedLeads()).find((l) => l.lastname === 'Nowak1')!;
    const edited = await saveLead({ ...waiting, jobtitle: 'CTO' });
    expect(edited).toMatchObject({ id: waiting.id, jobtitle: 'CTO', createdAt: waiting.createdAt });
    const db = await getDb();
    expect([await db.count('leads'), (await pendingImport()).leads]).toEqual([1, 2]);
    await apply();
    expect([await db.count('leads'), await storedWith('outbox'), await storedWith('dedupe')]).toEqual([3, 3, 3]);
    expect(await getLead(waiting.id)).toMatchObject({ jobtitle: 'CTO' });
    // Captured once (from the file), then edited: the apply did not capture it again.
    expect((await listAudit(waiting.id)).map((e) => e.kind)).toEqual(['captured', 'edited']);
  });

  it('a lead deleted while still in the journal stays deleted', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1), lead(2)], []);
    await commitImport(id);
    const waiting = (await pendingImportedLeads())[0];
    expect(await deleteLead(waiting.id)).toMatchObject({ id: waiting.id });
    await apply();
    expect(await getLead(waiting.id)).toBeUndefined();
    expect((await listLeads()).map((l) => l.id)).not.toContain(waiting.id);
    const db = await getDb();
    expect([await db.count('leads'), await storedWith('outbox'), await storedWith('dedupe')]).toEqual([1, 1, 1]);
  });

  it('a lead deleted while still in the journal is no longer anyone\'s duplicate', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1), lead(2)], []);
    await commitImport(id);
    const probe = { lastname: 'Other', emailaddress1: 'n1@x.pl' };
    expect((await findDuplicates((await pendingDuplicateSource())!, 'new', probe)).map((m) => m.lead.lastname)).toEqual(['Nowak1']);
    const waiting = (await pendingImportedLeads()).find((l) => l.lastname === 'Nowak1')!;
    await deleteLead(waiting.id);
    expect(await findDuplicates((await pendingDuplicateSource())!, 'new', probe)).toEqual([]);
  });

  it("a later import's update of a lead an earlier import created is applied after the create", async () => {
    const first = crypto.randomUUID();
    await stage(first, [lead(1)], [], { ...deps, now: () => new Date('2026-11-27T10:00:00.000Z') });
    await commitImport(first);
    const created = (await pendingImportedLeads())[0];
    // Staged later; import ids are random, so only the time orders the two.
    const second = crypto.randomUUID();
    await stage(second, [], [{ id: created.id, lead: { subject: 'Targi', lastname: 'Nowak1', companyname: 'ACME' } }], { ...deps, now: () => new Date('2026-11-27T11:00:00.000Z') });
    await commitImport(second);
    await apply();
    expect(await getLead(created.id)).toMatchObject({ subject: 'Targi', companyname: 'ACME', emailaddress1: 'n1@x.pl' });
    expect(await (await getDb()).count('leads')).toBe(1);
  });

  it('settling a lead that is created by one import and updated by the next applies both, in order', async () => {
    const first = crypto.randomUUID();
    await stage(first, [lead(1), lead(2)], [], { ...deps, now: () => new Date('2026-11-27T10:00:00.000Z') });
    await commitImport(first);
    const created = (await pendingImportedLeads()).find((l) => l.lastname === 'Nowak1')!;
    const second = crypto.randomUUID();
    await stage(second, [], [{ id: created.id, lead: { subject: 'Targi', lastname: 'Nowak1', companyname: 'ACME' } }], { ...deps, now: () => new Date('2026-11-27T11:00:00.000Z') });
    await commitImport(second);
    await settleImportedLeads([created.id], deps);
    expect(await (await getDb()).get('leads', created.id)).toMatchObject({ subject: 'Targi', companyname: 'ACME' });
    expect(await pendingImport()).toEqual({ parts: 1, leads: 1 });
  });
  it('reads the journal while the background applies it (a read is not thrown away for each part applied)', async () => {
    const first = crypto.randomUUID();
    for (let b = 0; b < 4; b++) await stageBatch(first, Array.from({ length: 5 }, (_, i) => lead(b * 5 + i)), []);
    await commitImport(first);
    const applying = apply();
    const second = crypto.randomUUID();
    await stageBatch(second, [lead(99)], []);
    await commitImport(second); // the journal is read again, while parts keep being applied
    const counted = await pendingImport();
    expect(counted.parts).toBeGreaterThan(0);
    await applying;
    await apply();
    expect(await pendingImport()).toEqual({ parts: 0, leads: 0 });
    expect((await listLeads()).length).toBe(21);
  });

  it('an import row for a lead deleted while the file was being imported does not bring it back', async () => {
    const stored = await saveLead({ subject: 'Old', lastname: 'Zięba', emailaddress1: 'z@x.pl' });
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1)], [{ id: stored.id, lead: { subject: 'Targi', lastname: 'Zięba', emailaddress1: 'z@x.pl' } }]);
    await deleteLead(stored.id);
    await commitAndApply(id);
    expect(await getLead(stored.id)).toBeUndefined();
    expect((await listLeads()).map((l) => l.lastname)).toEqual(['Nowak1']);
  });
});
