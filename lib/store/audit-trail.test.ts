// Batch audit entries (issue #15): one record for what a batch did the same to many leads, read
// by each lead as its own entry, and erased for one lead without touching the others' history.
import { beforeEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { getDb, resetDbForTests } from './open';
import { listAudit } from './audit-trail';
import { saveLeads } from './save-pipeline';
import { eraseTraces, findTraces } from './lead-traces';
import { commitImport, stageBatch } from './import-staging';
import { applyImportJournal } from './import-journal';
import { draft, testSettings } from '../leads/test-helpers';
import type { LeadRecord } from '../leads/schema';

const deps = { settings: testSettings, now: () => new Date('2026-11-27T12:00:00.000Z') };
const anyDb = async () => (await getDb()) as unknown as IDBPDatabase<unknown>;

async function saveThree(): Promise<LeadRecord[]> {
  const out = await saveLeads([1, 2, 3].map((i) => ({ lead: draft({ lastname: `Nowak${i}`, companyname: `Acme ${i}` }), onDuplicate: 'save' as const })), deps);
  return out.map((o) => (o.status === 'saved' ? o.lead : undefined)!);
}

beforeEach(() => resetDbForTests());

describe('batch audit entries', () => {
  it('a batch save writes one entry per step, and each lead reads its own history as before', async () => {
    const leads = await saveThree();
    expect(await (await getDb()).count('audit')).toBe(2);
    for (const lead of leads) {
      const trail = await listAudit(lead.id);
      expect(trail.map((e) => e.kind)).toEqual(['captured', 'queued']);
      expect(trail[0]).toMatchObject({ leadId: lead.id, at: '2026-11-27T12:00:00.000Z', details: { origin: 'manual', duplicatesIgnored: [] } });
      expect(trail[1]).toMatchObject({ leadId: lead.id, details: { key: `${lead.id}:1`, op: 'create' } });
    }
  });

  it('an imported part is one entry; each lead still shows it was imported and queued', async () => {
    const id = crypto.randomUUID();
    const rows = [1, 2, 3].map((i) => ({ subject: 'Import', lastname: `Nowak${i}`, emailaddress1: `n${i}@x.pl`, provenance: { origin: 'import', capturedAt: '2026-11-27T11:00:00.000Z', fields: {} } }));
    await stageBatch(id, rows, [], deps);
    await commitImport(id);
    await applyImportJournal({ deps: async () => deps });
    const db = await getDb();
    expect(await db.count('audit')).toBe(1);
    for (const lead of await db.getAll('leads')) {
      expect(await listAudit(lead.id)).toEqual([
        expect.objectContaining({ leadId: lead.id, kind: 'captured', details: expect.objectContaining({ origin: 'import', queued: { key: `${lead.id}:1`, op: 'create' } }) }),
      ]);
    }
  });

  it('erasing one lead takes it out of a batch entry; the others keep their history', async () => {
    const [anna, jan, ewa] = await saveThree();
    const db = await anyDb();
    // Export: the lead's own view of the batch entries, naming no other lead.
    const traces = (await findTraces(db, anna.id)).filter((t) => t.store === 'audit');
    expect(traces.map((t) => t.value)).toEqual([
      expect.objectContaining({ leadId: anna.id, kind: 'captured' }),
      expect.objectContaining({ leadId: anna.id, kind: 'queued', details: { key: `${anna.id}:1`, op: 'create' } }),
    ]);
    expect(JSON.stringify(traces)).not.toContain(jan.id);
    await eraseTraces(db, anna.id);
    expect(await listAudit(anna.id)).toEqual([]);
    expect(JSON.stringify(await (await getDb()).getAll('audit'))).not.toContain(anna.id);
    for (const other of [jan, ewa]) expect((await listAudit(other.id)).map((e) => e.kind)).toEqual(['captured', 'queued']);
  });
});
