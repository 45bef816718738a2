// Everything stored locally about one person, as JSON (a data subject's access request).
import type { IDBPDatabase } from 'idb';
import { getDb } from '../db/open';
import type { LeadRecord } from '../leads/schema';
import { findDraftTraces } from './draft-traces';
import { findTraces } from './lead-traces';

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

export async function exportPerson(leadIds: readonly string[], now: () => Date = () => new Date()): Promise<PersonExport> {
  const db = (await getDb()) as unknown as IDBPDatabase<unknown>;
  const stores: Record<string, unknown[]> = Object.fromEntries([...db.objectStoreNames].map((n) => [n, []]));
  const drafts: PersonExport['drafts'] = [];
  const seen = new Set<string>();
  for (const id of leadIds) {
    for (const trace of await findTraces(db, id)) {
      const k = `${trace.store}\u0000${JSON.stringify(trace.key)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      stores[trace.store].push(trace.value);
    }
    const lead = (await db.get('leads', id)) as LeadRecord | undefined;
    const emails = lead ? [lead.emailaddress1, lead.emailaddress2, lead.emailaddress3].filter((e): e is string => !!e) : [];
    for (const d of await findDraftTraces(id, emails)) {
      if (!drafts.some((x) => x.area === d.area && x.key === d.key)) drafts.push(d);
    }
  }
  return { format: 'leadclip-person-export', version: 1, exportedAt: now().toISOString(), leadIds: [...leadIds], stores, drafts };
}
