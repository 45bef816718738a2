import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDbForTests } from './open';
import { changeLead, deleteLead, saveLead } from './lead-repo';
import { testSettings } from '../leads/test-helpers';
import { commitImport, stageBatch, storedDedupeKeys } from './import-staging';
import { applyImportJournal } from './import-journal';

const deps = { settings: testSettings };
const lead = (i: number) => ({ subject: 'Import', lastname: `Nowak${i}`, emailaddress1: `n${i}@x.pl`, provenance: { origin: 'import', capturedAt: '2026-11-27T12:00:00.000Z', fields: {} } });
const keysOf = async () => (await storedDedupeKeys()).map(([k]) => k).sort();
/** getAll() calls on the lead store from here on. */
function countLeadReads() {
  const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
  return () => getAll.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'leads').length;
}

describe("the stored leads' duplicate keys for the next file", () => {
  beforeEach(() => resetDbForTests());
  afterEach(() => vi.restoreAllMocks());

  it('are not read from every stored lead again once an import was applied (issue #15)', async () => {
    await saveLead({ subject: 'Old', lastname: 'Zięba', emailaddress1: 'z@x.pl' });
    expect(await keysOf()).toEqual(['e:z@x.pl']);
    const id = crypto.randomUUID();
    for (let b = 0; b < 3; b++) await stageBatch(id, [lead(2 * b), lead(2 * b + 1)], [], deps);
    await commitImport(id);
    await applyImportJournal({ deps: async () => deps });
    const reads = countLeadReads();
    expect(await keysOf()).toEqual(['e:n0@x.pl', 'e:n1@x.pl', 'e:n2@x.pl', 'e:n3@x.pl', 'e:n4@x.pl', 'e:n5@x.pl', 'e:z@x.pl']);
    expect(reads()).toBe(0);
  });

  it('follow every other change to the stored leads', async () => {
    const a = await saveLead({ subject: 'A', lastname: 'Zięba', emailaddress1: 'z@x.pl' });
    const b = await saveLead({ subject: 'B', lastname: 'Kos', emailaddress1: 'k@x.pl' });
    expect(await keysOf()).toEqual(['e:k@x.pl', 'e:z@x.pl']);
    await changeLead(a.id, (l) => ({ lead: { ...l, emailaddress1: 'zz@x.pl' } }), deps);
    expect(await keysOf()).toEqual(['e:k@x.pl', 'e:zz@x.pl']);
    await deleteLead(b.id);
    expect(await keysOf()).toEqual(['e:zz@x.pl']);
    // An import that updates a stored lead changes its keys when applied.
    const id = crypto.randomUUID();
    await stageBatch(id, [lead(1)], [{ id: a.id, lead: { subject: 'A', lastname: 'Zięba', emailaddress1: 'new@x.pl' } }], deps);
    await commitImport(id);
    await applyImportJournal({ deps: async () => deps });
    expect(await keysOf()).toEqual(['e:n1@x.pl', 'e:new@x.pl']);
  });
});
