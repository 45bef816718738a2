import { beforeEach, describe, expect, it } from 'vitest';
import { resetDbForTests } from './open';
import { deleteLead, getLead, listLeads, restoreLead, saveLead } from './lead-repo';

describe('lead repository (fake-indexeddb)', () => {
  beforeEach(() => resetDbForTests());

  it('saves with a client GUID, lists newest first, deletes and restores exactly', async () => {
    let tick = 0;
    const clock = () => new Date(Date.UTC(2026, 10, 27, 10, 0, tick++));
    const a = await saveLead({ subject: 'A', lastname: 'Alpha' }, clock);
    const b = await saveLead({ subject: 'B', lastname: 'Beta' }, clock);
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.sync.state).toBe('ready');
    expect((await listLeads()).map((l) => l.lastname)).toEqual(['Beta', 'Alpha']);
    expect((await listLeads()).filter((l) => l.sync.state !== 'synced')).toHaveLength(2);

    const updated = await saveLead({ ...a, jobtitle: 'CEO' }, clock);
    expect(updated.createdAt).toBe(a.createdAt);
    expect(updated.updatedAt > a.updatedAt).toBe(true);

    const deleted = await deleteLead(b.id);
    expect(await getLead(b.id)).toBeUndefined();
    await restoreLead(deleted!);
    expect(await getLead(b.id)).toEqual(b);
  });

  it('refuses an invalid draft and stores nothing', async () => {
    await expect(saveLead({ subject: '', lastname: 'x' })).rejects.toThrow();
    expect(await listLeads()).toHaveLength(0);
  });
});
