import { describe, expect, it } from 'vitest';
import { createPeopleModel, type PeopleBackend, type Person } from './people-model';

const person = (first: string, last: string, email?: string): Person => ({
  label: `${first} ${last}`,
  prefill: { values: { subject: 'Summit', firstname: first, lastname: last, ...(email ? { emailaddress1: email } : {}) }, provenance: {} },
});
const provenance = () => ({ origin: 'page' as const, sourceUrl: 'https://summit.example/speakers', capturedAt: '2026-12-03T10:00:00.000Z', fields: {} });

function backend(over: Partial<PeopleBackend> = {}): PeopleBackend & { sent: number[] } {
  const sent: number[] = [];
  return {
    sent,
    assess: async () => [],
    lookupCrm: async () => [],
    saveBatch: async (drafts) => {
      sent.push(drafts.length);
      return drafts.map((d, i) => ({ status: 'saved' as const, id: `id-${i}-${d.lastname}` }));
    },
    ...over,
  };
}

describe('people model (issue #13)', () => {
  it('marks people saved here or likely duplicates, unticks them, and ticks the rest', async () => {
    const b = backend({
      assess: async (d) => d.lastname === 'Berg' ? [{ lead: { id: 'a1', firstname: 'Lars', lastname: 'Berg' }, rules: ['email'] }]
        : d.lastname === 'Lis' ? [{ lead: { id: 'a2', firstname: 'Ewa', lastname: 'Lis' }, rules: ['fuzzy_name_company'] }] : [],
      lookupCrm: async (d) => (d.lastname === 'Dahl' ? [{ name: 'Olaf Dahl', url: 'https://org.example/contact' }] : []),
    });
    const m = createPeopleModel([person('Anna', 'Kowalska'), person('Lars', 'Berg'), person('Ewa', 'Lis'), person('Olaf', 'Dahl')], provenance, b);
    await m.assess();
    expect(m.statuses.value).toEqual([
      { saved: undefined, duplicate: undefined, inCrm: undefined },
      { saved: { id: 'a1', name: 'Lars Berg' }, duplicate: undefined, inCrm: undefined },
      { saved: undefined, duplicate: { id: 'a2', name: 'Ewa Lis' }, inCrm: undefined },
      { saved: undefined, duplicate: undefined, inCrm: { name: 'Olaf Dahl', url: 'https://org.example/contact' } },
    ]);
    expect(m.selected.value).toEqual([true, false, false, true]);
  });

  it('saves the ticked people in one batch and says what was saved, skipped and why', async () => {
    const b = backend({
      saveBatch: async (drafts) => {
        b.sent.push(drafts.length);
        return drafts.map((d) => d.lastname === 'Berg' ? { status: 'duplicates' as const, matches: [{ id: 'a1' }] }
          : d.lastname === 'Lis' ? { status: 'invalid' as const, error: 'ewa@gmail.com is a private (free-mail) address' }
          : { status: 'saved' as const, id: `id-${d.lastname}` });
      },
    });
    const nameless: Person = { label: 'Acme', prefill: { values: { subject: 'Summit', companyname: 'Acme' }, provenance: {} } };
    const m = createPeopleModel([person('Anna', 'Kowalska'), person('Lars', 'Berg'), person('Ewa', 'Lis', 'ewa@gmail.com'), nameless], provenance, b);
    const results = await m.saveSelected();
    expect(b.sent).toEqual([3]); // one batch; the person without a last name is never sent
    expect(results).toEqual([
      { status: 'saved', id: 'id-Kowalska' },
      { status: 'skipped', reason: 'duplicate', of: '' },
      { status: 'skipped', reason: 'refused', message: 'ewa@gmail.com is a private (free-mail) address' },
      { status: 'skipped', reason: 'invalid', fields: ['lastname'] },
    ]);
    expect(m.selected.value).toEqual([false, true, true, true]);
  });

  it('saves only what is ticked', async () => {
    const b = backend();
    const m = createPeopleModel([person('Anna', 'Kowalska'), person('Lars', 'Berg')], provenance, b);
    m.toggleAll(false);
    m.toggle(1, true);
    expect(await m.saveSelected()).toEqual([{ status: 'saved', id: 'id-0-Berg' }]);
    expect(m.results.value[0]).toBeUndefined();
  });
});
