import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '../db/open';
import { listLeads, saveLead } from '../leads/repo';
import { commitImport, discardImport, stageBatch, storedDedupeKeys } from './import-staging';

const lead = (i: number) => ({ subject: 'Import', lastname: `Nowak${i}`, emailaddress1: `n${i}@x.pl`, provenance: { origin: 'import', capturedAt: '2026-11-27T12:00:00.000Z', fields: {} } });

describe('import staging', () => {
  beforeEach(() => resetDbForTests());

  it('writes every batch in one transaction at commit', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, Array.from({ length: 300 }, (_, i) => lead(i)), []);
    await new Promise((r) => setTimeout(r, 20));
    await stageBatch(id, Array.from({ length: 200 }, (_, i) => lead(300 + i)), []);
    expect(await commitImport(id)).toEqual({ created: 500, updated: 0 });
    const all = await listLeads();
    expect(all).toHaveLength(500);
    expect(all[0]).toMatchObject({ sync: { state: 'ready' }, provenance: { origin: 'import' } });
  });

  it('a cancel between batches leaves nothing written', async () => {
    const id = crypto.randomUUID();
    await stageBatch(id, Array.from({ length: 300 }, (_, i) => lead(i)), []);
    await new Promise((r) => setTimeout(r, 20));
    expect(await discardImport(id)).toBe(true);
    expect(await listLeads()).toHaveLength(0);
    await expect(commitImport(id)).rejects.toMatchObject({ code: 'expired' });
  });

  it('updates stored duplicates and keeps their id and history', async () => {
    const stored = await saveLead({ subject: 'Old', lastname: 'Zięba', emailaddress1: 'z@x.pl', jobtitle: 'CEO' });
    expect(await storedDedupeKeys()).toEqual([['e:z@x.pl', stored.id]]);
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1)], [{ id: stored.id, lead: { subject: 'Targi', lastname: 'Zięba', emailaddress1: 'z@x.pl', companyname: 'ACME' } }]);
    expect(await commitImport(id)).toEqual({ created: 1, updated: 1 });
    const z = (await (await getDb()).get('leads', stored.id))!;
    expect(z).toMatchObject({ subject: 'Targi', companyname: 'ACME', jobtitle: 'CEO', createdAt: stored.createdAt });
  });

  it('refuses an invalid lead in a batch and writes nothing of it', async () => {
    const id = crypto.randomUUID();
    await expect(stageBatch(id, [lead(1), { subject: 'x' }], [])).rejects.toMatchObject({ code: 'invalid' });
    expect(await listLeads()).toHaveLength(0);
  });
});
