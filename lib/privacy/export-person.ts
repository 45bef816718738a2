// Everything stored locally about one person, as JSON (a data subject's access request).
import { DB_NAME, findTraces, forEachLeadDatabase, forLeadsSettled } from '../store';
import type { LeadRecord } from '../leads/schema';
import { findDraftTraces } from './draft-traces';

export interface PersonExport {
  format: 'leadclip-person-export';
  version: 1;
  exportedAt: string;
  leadIds: string[];
  /** Per IndexedDB store, every record that refers to one of the leads. */
  stores: Record<string, unknown[]>;
  /** Unsaved form drafts that mention the person. */
  drafts: { area: string; key: string; value: unknown }[];
}

export function exportPerson(leadIds: readonly string[], now: () => Date = () => new Date()): Promise<PersonExport> {
  return forLeadsSettled(leadIds, async (db) => {
  const stores: Record<string, unknown[]> = {};
  const drafts: PersonExport['drafts'] = [];
  const seen = new Set<string>();
  // Every database with lead data; stores outside the main one are named "db/store".
  await forEachLeadDatabase(db, async (d, name) => {
    const label = (store: string) => (name === DB_NAME ? store : `${name}/${store}`);
    for (const store of d.objectStoreNames) stores[label(store)] = [];
    for (const id of leadIds) {
      for (const trace of await findTraces(d, id)) {
        const k = `${label(trace.store)}\u0000${JSON.stringify(trace.key)}`;
        if (seen.has(k)) continue;
        seen.add(k);
        stores[label(trace.store)].push(trace.value);
      }
    }
  });
  for (const id of leadIds) {
    const lead = (await db.get('leads', id)) as LeadRecord | undefined;
    const emails = lead ? [lead.emailaddress1, lead.emailaddress2, lead.emailaddress3].filter((e): e is string => !!e) : [];
    for (const d of await findDraftTraces(id, emails)) {
      if (!drafts.some((x) => x.area === d.area && x.key === d.key)) drafts.push(d);
    }
  }
  return { format: 'leadclip-person-export', version: 1, exportedAt: now().toISOString(), leadIds: [...leadIds], stores, drafts } as const;
  });
}
