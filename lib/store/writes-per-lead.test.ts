// Issue #15: saving a lead, or applying an imported one, is one request on the lead store; the
// audit entries the batch writes the same for every lead are one request per batch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDbForTests } from './open';
import { saveLeads } from './save-pipeline';
import { commitImport, stageBatch } from './import-staging';
import { applyImportJournal } from './import-journal';
import { draft, testSettings } from '../leads/test-helpers';

const deps = { settings: testSettings };

/** Write requests per object store while `fn` runs (put, add, delete on the native stores). */
async function writesDuring(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const proto = IDBObjectStore.prototype;
  for (const method of ['put', 'add', 'delete'] as const) {
    const original = proto[method] as (...args: unknown[]) => IDBRequest;
    vi.spyOn(proto, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      counts[this.name] = (counts[this.name] ?? 0) + 1;
      return original.apply(this, args);
    });
  }
  try {
    await fn();
  } finally {
    vi.restoreAllMocks();
  }
  return counts;
}

beforeEach(() => resetDbForTests());
afterEach(() => vi.restoreAllMocks());

describe('writes per lead', () => {
  it('a batch save writes each lead with one put, and its audit as two entries', async () => {
    const leads = Array.from({ length: 50 }, (_, i) => ({ lead: draft({ lastname: `Nowak${i}`, companyname: `Acme ${i}`, emailaddress1: `n${i}@acme.pl` }), onDuplicate: 'save' as const }));
    let saved = 0;
    const counts = await writesDuring(async () => {
      saved = (await saveLeads(leads, deps)).filter((o) => o.status === 'saved').length;
    });
    expect(saved).toBe(50);
    // One "captured" and one "queued" entry for the 50 (same origin, same moment, no duplicates).
    expect(counts).toEqual({ leads: 50, audit: 2 });
  });

  it('applying an imported part writes each lead with one put and one audit entry for the part', async () => {
    const id = crypto.randomUUID();
    const rows = Array.from({ length: 40 }, (_, i) => ({ subject: 'Import', lastname: `Nowak${i}`, emailaddress1: `n${i}@x.pl`, provenance: { origin: 'import', capturedAt: '2026-11-27T12:00:00.000Z', fields: {} } }));
    await stageBatch(id, rows, [], deps);
    await commitImport(id);
    const counts = await writesDuring(() => applyImportJournal({ deps: async () => deps }));
    // Its 40 leads arrive (the part leaves the journal through its cursor).
    expect(counts).toEqual({ leads: 40, audit: 1 });
  });
});
