// Privacy costs (issue #8), on fake-indexeddb in Node (browser IndexedDB is faster still):
// "forget this person" and the JSON export walk every record of every store, so their time grows
// with the whole database; the save guard runs once per imported row.
import 'fake-indexeddb/auto';
import type { IDBPDatabase } from 'idb';
import { getDb } from '../lib/store/open';
import { saveLeads } from '../lib/store/save-pipeline';
import { defaultScoringRules } from '../lib/leads/score';
import { eraseTraces, findTraces } from '../lib/store';
import { guardSave } from '../lib/privacy/save-gate';
import { privacySettings } from '../lib/privacy/settings-schema';
import { resetDbForTests } from '../lib/store/open';

const ms = (t0: number) => `${(performance.now() - t0).toFixed(1)} ms`;

export default async function bench(): Promise<void> {
  const settings = privacySettings.parse({ neverDomains: ['intranet.example', 'partner.example'], neverEmails: ['ceo@klient.example'], repIdentity: 'jan@firma.pl' });
  const rows = Array.from({ length: 10_000 }, (_, i) => ({
    subject: `Lead ${i}`, firstname: 'Anna', lastname: `Nowak${i}`, emailaddress1: `anna${i}@klient${i % 300}.example`,
    provenance: { origin: 'import' as const, capturedAt: '2026-11-27T10:00:00.000Z' },
  }));
  for (const input of rows.slice(0, 1000)) guardSave({ input, existing: undefined, settings, now: new Date(), translate: (k) => k }); // warm-up
  let t0 = performance.now();
  for (const input of rows) guardSave({ input, existing: undefined, settings, now: new Date(), translate: (k) => k });
  console.log(`privacy: save guard, 10,000 import rows: ${ms(t0)}`);

  for (const n of [1_000, 5_000]) {
    indexedDB.deleteDatabase('leadclip');
    resetDbForTests();
    const saved = await saveLeads(rows.slice(0, n).map((lead) => ({ lead, onDuplicate: 'save' as const })), { settings: { rules: defaultScoringRules, defaultCountry: 'PL' } });
    const id = (saved[Math.floor(n / 2)] as { lead: { id: string } }).lead.id;
    const db = (await getDb()) as unknown as IDBPDatabase<unknown>;
    let records = 0;
    for (const s of db.objectStoreNames) records += await db.count(s);
    t0 = performance.now();
    const found = await findTraces(db, id);
    console.log(`privacy: export one person among ${n} leads (${records} records in ${db.objectStoreNames.length} stores): ${ms(t0)}, ${found.length} records`);
    t0 = performance.now();
    const { removed } = await eraseTraces(db, id, { store: 'audit', value: { leadId: id, at: new Date().toISOString(), kind: 'erased', details: {} } });
    console.log(`privacy: forget one person among ${n} leads: ${ms(t0)}, removed ${Object.values(removed).reduce((a, b) => a + b, 0)}`);
    db.close();
  }
}
