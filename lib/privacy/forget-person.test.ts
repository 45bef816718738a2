// Erasure must reach every object store the database has, including ones added after this test
// was written: the test seeds every store it finds, so a store the erasure skips fails it.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '../store/open';
import { restoreLead, saveLead } from '../store/lead-repo';
import { exportPerson } from './export-person';
import { resetSyncDbForTests, syncDb } from '../sync/sync-db';
import { idbTokenStore, resetSecretsDbForTests } from '../sync/auth/secret-store';
import { forgetPerson, ERASURE_STORE } from './forget-person';
import { allRecords, seed, type AnyDb, type AnyStore } from '@/tests/privacy/db-seed';


/** Sets `path` (a.b.c) in `obj`. */
const person = { subject: 'Fair', firstname: 'Anna', lastname: 'Nowak', emailaddress1: 'anna.nowak@klient.example' };

describe('forgetPerson', () => {
  beforeEach(() => {
    resetDbForTests();
    fakeBrowser.reset();
  });

  it('removes every record referring to the lead from every store, keeps others and the erasure record', async () => {
    const anna = await saveLead(person);
    const other = await saveLead({ subject: 'Other', lastname: 'Kowalski', emailaddress1: 'k@inny.example' });
    const db = (await getDb()) as unknown as AnyDb;
    const stores = [...db.objectStoreNames];
    expect(stores).toContain('leads');
    // One record per store keyed by the lead, one mentioning it deep inside, one unrelated.
    for (const name of stores) {
      const tx = db.transaction(name, 'readwrite');
      if (name !== 'leads') await seed(tx.store as unknown as AnyStore, anna.id, 'key', `${name}-by-key`);
      await seed(tx.store as unknown as AnyStore, anna.id, 'nested', `${name}-nested`);
      await seed(tx.store as unknown as AnyStore, other.id, 'key', `${name}-other`);
      await tx.done;
    }
    await fakeBrowser.storage.session.set({ 'draft:url:https://klient.example': { values: { emailaddress1: 'Anna.Nowak@klient.example' } }, 'draft:manual': { values: { lastname: 'Zieliński' } } });
    await fakeBrowser.storage.local.set({ [`draft:lead:${anna.id}`]: { id: anna.id }, 'privacy-settings': { neverEmails: ['anna.nowak@klient.example'] } });
    await fakeBrowser.storage.session.set({ 'webmail:tab:7': { message: { sender: { email: 'anna.nowak@klient.example' } } } });

    const result = await forgetPerson(anna.id, { now: () => new Date('2026-11-27T12:00:00Z'), by: 'jan@firma.pl' });

    const left = await allRecords(db);
    const traces = left.filter((r) => r.json.toLowerCase().includes(anna.id) || r.json.includes('Nowak') || r.json.includes('anna.nowak'));
    // The only survivor is the erasure record, and only where an audit store exists.
    const erasure = stores.includes(ERASURE_STORE) ? 1 : 0;
    expect(traces).toHaveLength(erasure);
    if (erasure) {
      expect(traces[0].store).toBe(ERASURE_STORE);
      expect(JSON.parse(traces[0].json)[1]).toMatchObject({ leadId: anna.id, kind: 'erased', at: '2026-11-27T12:00:00.000Z' });
    }
    // Every store was looked at, and the unrelated records all survived.
    expect(Object.keys(result.removed).sort()).toEqual([...stores].sort());
    for (const name of stores) {
      expect(result.removed[name], name).toBeGreaterThanOrEqual(name === 'leads' ? 2 : 2);
      expect(left.some((r) => r.store === name && r.json.includes(`${name}-other`)), `${name} keeps other leads`).toBe(true);
    }
    expect(left.some((r) => r.store === 'leads' && r.json.includes(other.id))).toBe(true);
    expect(result.drafts).toBe(3);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'draft:manual': { values: { lastname: 'Zieliński' } } });
    // A suppression list naming her is a setting, and stays (it is how she stays out).
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'privacy-settings': { neverEmails: ['anna.nowak@klient.example'] } });
  });

  it('deletes in the CRM first when asked, and erases nothing if that fails', async () => {
    const saved = await saveLead(person);
    const anna = await restoreLead({ ...saved, sync: { state: 'synced', syncedAt: '2026-11-27T10:00:00.000Z' } });
    const never = await saveLead({ subject: 'S', lastname: 'Nigdy' });
    const calls: string[] = [];
    await forgetPerson(never.id, { crmDelete: async (l) => void calls.push(l.id) });
    expect(calls).toEqual([]); // the CRM never had it: nothing to delete there
    await expect(forgetPerson(anna.id, { crmDelete: async () => { throw new Error('CRM offline'); } })).rejects.toThrow('CRM offline');
    const db = (await getDb()) as unknown as AnyDb;
    expect(await db.get('leads', anna.id)).toBeDefined();
    const seen: string[] = [];
    const result = await forgetPerson(anna.id, { crmDelete: async (l) => void seen.push(l.id) });
    expect(seen).toEqual([anna.id]);
    expect(result.crm).toBe('deleted');
    expect(await db.get('leads', anna.id)).toBeUndefined();
  });
});

describe('exportPerson', () => {
  beforeEach(() => {
    resetDbForTests();
    fakeBrowser.reset();
  });

  it('gathers every stored record and draft about the person, from every store', async () => {
    const anna = await saveLead({ ...person, timeline: [{ kind: 'note', id: crypto.randomUUID(), createdAt: '2026-11-27T10:00:00.000Z', notetext: 'Wants a demo' }] });
    await saveLead({ subject: 'Other', lastname: 'Kowalski' });
    const db = (await getDb()) as unknown as AnyDb;
    for (const name of db.objectStoreNames) {
      if (name === 'leads') continue;
      const tx = db.transaction(name, 'readwrite');
      await seed(tx.store as unknown as AnyStore, anna.id, 'nested', `${name}-nested`);
      await tx.done;
    }
    await fakeBrowser.storage.session.set({ 'draft:x': { values: { emailaddress1: 'anna.nowak@klient.example' } } });
    const out = await exportPerson([anna.id], () => new Date('2026-11-27T12:00:00Z'));
    expect(out.exportedAt).toBe('2026-11-27T12:00:00.000Z');
    expect(Object.keys(out.stores).sort()).toEqual([...db.objectStoreNames].sort());
    // The seeded record in every store, plus what the pipeline itself wrote (audit, outbox, index).
    for (const name of db.objectStoreNames) expect(out.stores[name].length, name).toBeGreaterThanOrEqual(1);
    for (const name of db.objectStoreNames) if (name !== 'leads') expect(JSON.stringify(out.stores[name]), name).toContain(`${name}-nested`);
    expect(JSON.stringify(out.stores.leads)).toContain('Wants a demo');
    expect(JSON.stringify(out)).not.toContain('Kowalski');
    expect(out.drafts.map((d) => d.key)).toEqual(['draft:x']);
    // Nothing was removed by exporting.
    expect(await db.get('leads', anna.id)).toBeDefined();
  });
});

describe('forgetPerson across LeadClip databases', () => {
  beforeEach(() => {
    resetDbForTests();
    resetSyncDbForTests();
    resetSecretsDbForTests();
    fakeBrowser.reset();
  });

  it("also cleans the sync database (conflicts carry the CRM's copy of the person), not the credentials", async () => {
    const anna = await saveLead(person);
    const sdb = await syncDb();
    await sdb.put('conflicts', { id: anna.id, crm: { values: { lastname: 'Nowak', emailaddress1: 'anna.nowak@klient.example' } } as never, detectedAt: '2026-11-27T10:00:00.000Z' });
    await sdb.put('attempts', 3, anna.id);
    await sdb.put('attempts', 1, crypto.randomUUID());
    await idbTokenStore.setSecret('probe', anna.id); // credentials are never scanned or touched

    const exported = await exportPerson([anna.id]);
    expect(exported.stores['leadclip-sync/conflicts']).toHaveLength(1);
    expect(exported.stores['leadclip-secrets/secrets']).toBeUndefined();

    const result = await forgetPerson(anna.id);
    expect(result.removed).toMatchObject({ 'leadclip-sync/conflicts': 1, 'leadclip-sync/attempts': 1, 'leadclip-sync/kv': 0 });
    expect(await sdb.count('conflicts')).toBe(0);
    expect(await sdb.count('attempts')).toBe(1);
    expect(await idbTokenStore.getSecret('probe')).toBe(anna.id);
  });
});
