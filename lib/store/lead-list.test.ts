import { beforeEach, describe, expect, it } from 'vitest';
import { resetDbForTests } from './open';
import { commitImport, stageBatch } from './import-staging';
import { applyImportJournal } from './import-journal';
import { leadPage } from './lead-list';
import { deleteLead, saveLead } from './lead-repo';
import { testSettings } from '../leads/test-helpers';

const deps = { settings: testSettings };
/** Saves a minute apart, so the newest-first order is certain. */
const at = (minute: number) => () => new Date(Date.UTC(2026, 10, 27, 10, minute));

describe('the lead list, a page at a time', () => {
  beforeEach(() => resetDbForTests());

  it('pages, searches and counts in the background', async () => {
    for (let i = 0; i < 5; i++) await saveLead({ subject: 'Targi', lastname: `Nowak${i}`, companyname: i % 2 ? 'Łódź Sp.' : 'ACME' }, at(i));
    const first = await leadPage({}, 0, 2);
    expect(first.total).toBe(5);
    expect(first.leads.map((l) => l.lastname)).toEqual(['Nowak4', 'Nowak3']);
    expect((await leadPage({}, 4, 2)).leads.map((l) => l.lastname)).toEqual(['Nowak0']);
    const lodz = await leadPage({ text: 'lodz' }, 0, 10);
    expect([lodz.total, lodz.leads.map((l) => l.lastname)]).toEqual([2, ['Nowak3', 'Nowak1']]);
  });

  it('shows every change at once: a save, a delete, a committed import and its apply', async () => {
    const kept = await saveLead({ subject: 'Targi', lastname: 'Kept' }, at(1));
    expect((await leadPage({}, 0, 10)).total).toBe(1);
    const gone = await saveLead({ subject: 'Targi', lastname: 'Gone' }, at(2));
    expect((await leadPage({}, 0, 10)).leads.map((l) => l.id)).toEqual([gone.id, kept.id]);
    await deleteLead(gone.id);
    expect((await leadPage({}, 0, 10)).leads.map((l) => l.id)).toEqual([kept.id]);
    const importId = crypto.randomUUID();
    await stageBatch(importId, [{ subject: 'Plik', lastname: 'Imported' }], [], deps);
    await commitImport(importId);
    expect((await leadPage({ text: 'imported' }, 0, 10)).total).toBe(1);
    await applyImportJournal({ deps: async () => deps });
    expect((await leadPage({}, 0, 10)).leads.map((l) => l.lastname)).toEqual(['Imported', 'Kept']);
  });
});
