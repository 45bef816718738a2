// Stores that do not exist yet: a later migration adds them with every key shape IndexedDB has.
// Erasure must find and clean them without being told their names.
import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbForTests } from '../store/open';
import { saveLead } from '../store/lead-repo';
import { forgetPerson } from './forget-person';
import { allRecords, seed, type AnyDb, type AnyStore } from '@/tests/privacy/db-seed';

vi.mock('../store/migrations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../store/migrations')>();
  const migrations = [
    ...actual.migrations,
    (db: IDBPDatabase<unknown>) => {
      db.createObjectStore('future_out_of_line');
      db.createObjectStore('future_auto', { keyPath: 'seq', autoIncrement: true }).createIndex('by-lead', 'leadId');
      db.createObjectStore('future_compound', { keyPath: ['a.b', 'c'] });
      db.createObjectStore('future_nested_key', { keyPath: 'x.y' });
    },
  ];
  return { ...actual, migrations, DB_VERSION: migrations.length };
});


describe('forgetPerson and stores added later', () => {
  beforeEach(() => {
    resetDbForTests();
    fakeBrowser.reset();
  });

  it('cleans stores it has never heard of', async () => {
    const anna = await saveLead({ subject: 'S', lastname: 'Nowak', emailaddress1: 'anna@klient.example' });
    const db = (await getDb()) as unknown as AnyDb;
    const future = [...db.objectStoreNames].filter((n) => n.startsWith('future_'));
    expect(future).toHaveLength(4);
    for (const name of future) {
      const tx = db.transaction(name, 'readwrite');
      await seed(tx.store as unknown as AnyStore, anna.id, 'key', `${name}-key`);
      await seed(tx.store as unknown as AnyStore, anna.id, 'nested', `${name}-nested`);
      await seed(tx.store as unknown as AnyStore, crypto.randomUUID(), 'key', `${name}-other`);
      await tx.done;
    }
    const result = await forgetPerson(anna.id);
    for (const name of future) expect(result.removed[name], name).toBe(2);
    const left = await allRecords(db);
    // Only the erasure record (in the audit store) still names the id.
    expect(left.filter((r) => r.json.includes(anna.id)).map((r) => [r.store, JSON.parse(r.json)[1].kind])).toEqual([['audit', 'erased']]);
    for (const name of future) expect(left.filter((r) => r.store === name)).toHaveLength(1);
  });
});
