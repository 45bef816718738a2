// Runs inside Chromium (bundled by bench/pipeline.ts): real IndexedDB, the real pipeline code.
// No default export, so bench/run.ts skips it.
import { openDB } from 'idb';
import { getDb, resetDbForTests, DB_NAME } from '../lib/store/open';
import { openTx } from '../lib/store/tx';
import { dedupeKeys } from '../lib/leads/dedupe-keys';
import { findDuplicates } from '../lib/leads/dedupe';
import { dbSource } from '../lib/store/duplicate-index';
import { normalizeLead } from '../lib/leads/normalize';
import { saveLeads } from '../lib/store/save-pipeline';
import { leadDraft, leadRecord, type LeadDraftInput, type LeadRecord } from '../lib/leads/schema';
import { testSettings } from '../lib/leads/test-helpers';

const FIRST = ['Anna', 'Jan', 'Piotr', 'Katarzyna', 'Tomasz', 'Agnieszka', 'Paweł', 'Magdalena', 'Michał', 'Ewa', 'Krzysztof', 'Joanna', 'Marcin', 'Monika', 'Łukasz', 'Zofia', 'Grzegorz', 'Aleksandra', 'Adam', 'Natalia', 'John', 'Mary', 'Pieter', 'Sophie'];
const LAST = ['Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Krawczyk', 'Piotrowski', 'Grabowski', 'Nowakowski', 'Pawłowski', 'Michalski', 'Nowicki', 'Adamczyk', 'Dudek', 'Zając', 'Wieczorek', 'Jabłoński', 'Król', 'Majewski', 'Olszewski', 'Jaworski', 'Wróbel', 'Malinowski', 'Pawlak', 'Witkowski', 'Walczak', 'Stępień', 'Górski', 'Rutkowski', 'Michalak', 'van der Berg', 'de Vries', 'Smith', 'Kowalska-Nowak'];
const CO1 = ['Acme', 'Budo', 'Tech', 'Info', 'Euro', 'Poli', 'Agro', 'Med', 'Trans', 'Eko', 'Net', 'Data', 'Soft', 'Metal', 'Energo', 'Chem', 'Bio', 'Auto', 'Elektro', 'Geo'];
const CO2 = ['Serwis', 'System', 'Projekt', 'Handel', 'Logistyka', 'Invest', 'Group', 'Polska', 'Consulting', 'Media', 'Lab', 'Park', 'Service', 'Trade', 'Plast', 'Bud', 'Tel', 'Pol', 'Mar', 'Tex'];
const CITIES = ['Warszawa', 'Kraków', 'Łódź', 'Wrocław', 'Poznań', 'Gdańsk', 'Szczecin', 'Bydgoszcz', 'Lublin', 'Katowice'];

/** Deterministic so every run measures the same data. */
function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function makeLead(i: number, r: () => number): LeadDraftInput {
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const first = pick(FIRST), last = pick(LAST);
  const company = `${pick(CO1)}${pick(CO2)} ${Math.floor(r() * 500)} Sp. z o.o.`;
  return {
    subject: 'Bench', firstname: first, lastname: last, companyname: company,
    emailaddress1: `${first}.${last}.${i}@${company.split(' ')[0]}.pl`.toLowerCase().replace(/\s/g, ''),
    telephone1: `${22 + Math.floor(r() * 70)} ${String(1_000_000 + i).slice(-7).replace(/(\d{3})(\d{2})(\d{2})/, '$1 $2 $3')}`,
    address1_city: pick(CITIES), budgetstatus: Math.floor(r() * 4), need: Math.floor(r() * 4),
  };
}

/** A stored record as the pipeline would write it, built without the pipeline (fast seeding). */
function toRecord(input: LeadDraftInput, at: string): LeadRecord {
  const { lead } = normalizeLead(leadDraft.parse(input), { defaultCountry: 'PL' });
  return leadRecord.parse({ ...lead, id: crypto.randomUUID(), provenance: { origin: 'import', capturedAt: at, fields: {} }, sync: { state: 'synced' }, createdAt: at, updatedAt: at });
}

async function deleteDb(name: string) {
  await new Promise<void>((res, rej) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => res();
    req.onerror = () => rej(req.error);
    req.onblocked = () => res();
  });
}

async function fresh() {
  const db = await getDb().catch(() => undefined);
  db?.close();
  resetDbForTests();
  await deleteDb(DB_NAME);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function bareDb(name: string) {
  await deleteDb(name);
  return openDB(name, 1, { upgrade: (db) => void db.createObjectStore('leads', { keyPath: 'id' }) });
}

export async function benchDuplicateCheck(stored: number, probes: number) {
  await fresh();
  const r = rng(42);
  const at = new Date().toISOString();
  const seeded: LeadRecord[] = [];
  const db = await getDb();
  for (let start = 0; start < stored; start += 10_000) {
    const tx = openTx(db, ['leads'], 'readwrite');
    for (let i = start; i < Math.min(stored, start + 10_000); i++) {
      const rec = toRecord(makeLead(i, r), at);
      if (i % Math.floor(stored / probes) === 0) seeded.push(rec);
      void tx.objectStore('leads').put({ ...rec, dedupe: dedupeKeys(rec.id, rec) });
    }
    await tx.done;
  }
  // Probes: a quarter each exact email, same phone, typo in surname + company, brand new.
  const pr = rng(7);
  const probeLeads = seeded.slice(0, probes).map((s, k) => {
    const kind = k % 4;
    const base = { subject: 'Probe', firstname: s.firstname, lastname: s.lastname, companyname: s.companyname };
    if (kind === 0) return { ...base, lastname: 'Inny', companyname: 'Inna', emailaddress1: s.emailaddress1!.toUpperCase() };
    if (kind === 1) return { ...base, lastname: 'Inny', companyname: 'Inna', telephone1: `+48 ${s.phoneE164!.telephone1!.slice(3)}` };
    if (kind === 2) return { ...base, lastname: s.lastname.slice(0, -1) + 'x', companyname: s.companyname!.slice(0, 2) + s.companyname!.slice(3) }; // one typo in each
    return makeLead(10_000_000 + k, pr);
  });
  const times: number[] = [];
  let found = [0, 0, 0, 0];
  for (const [k, p] of probeLeads.entries()) {
    const t0 = performance.now();
    const { lead } = normalizeLead(leadDraft.parse(p), { defaultCountry: 'PL' });
    const tx = openTx(db, ['leads'], 'readonly');
    const matches = await findDuplicates(dbSource(tx), 'probe', lead);
    times.push(performance.now() - t0);
    if (matches.some((m) => m.lead.id === seeded[k].id)) found[k % 4]++;
  }
  found = found.map((f) => f / (probes / 4));
  // The same records, each put on its own into a bare store (what "just saving" costs).
  const bare = await bareDb('bench-bare-single');
  const putTimes: number[] = [];
  for (const p of probeLeads) {
    const rec = toRecord(p, at);
    const t0 = performance.now();
    await bare.put('leads', rec);
    putTimes.push(performance.now() - t0);
  }
  bare.close();
  // An import on top of the stored leads: 10,000 more through the pipeline.
  const onTop = Array.from({ length: 10_000 }, (_, i) => ({ lead: makeLead(20_000_000 + i, pr), onDuplicate: 'ask' as const }));
  const t1 = performance.now();
  const outcomes = await saveLeads(onTop, { settings: testSettings });
  const importMs = performance.now() - t1;
  const importDuplicates = outcomes.filter((o) => o.status === 'duplicates').length;
  return { stored, probes, importMs, importDuplicates, median: median(times), p95: p95(times), bareMedian: median(putTimes), recall: { email: found[0], phone: found[1], fuzzy: found[2], newLeadMatchedItsSeed: found[3] } };
}

export async function benchSave(n: number) {
  await fresh();
  const r = rng(99);
  const inputs = Array.from({ length: n }, (_, i) => makeLead(i, r));
  // Opened (created) before the clock starts, as the bare database is below.
  await getDb();
  const t0 = performance.now();
  const outcomes = await saveLeads(inputs.map((lead) => ({ lead, onDuplicate: 'save' as const })), { settings: testSettings });
  const pipelineMs = performance.now() - t0;
  const saved = outcomes.filter((o) => o.status === 'saved');
  const records = saved.map((o) => (o.status === 'saved' ? o.lead : undefined)!);
  const bare = await bareDb('bench-bare-batch');
  const t1 = performance.now();
  const tx = bare.transaction('leads', 'readwrite');
  for (const rec of records) void tx.store.put(rec);
  await tx.done;
  const bareMs = performance.now() - t1;
  bare.close();
  const db = await getDb();
  // The same stored rows (lead, outbox job, duplicate keys) put into a store with the lead
  // store's indexes, nothing else: what the indexes themselves cost.
  const rows = await db.getAll('leads');
  await deleteDb('bench-bare-indexed');
  const indexed = await openDB('bench-bare-indexed', 1, {
    upgrade: (d) => {
      const s = d.createObjectStore('leads', { keyPath: 'id' });
      s.createIndex('by-outbox', ['outbox.state', 'outbox.dueAt']);
      s.createIndex('by-match', 'dedupe.match', { multiEntry: true });
    },
  });
  const t2 = performance.now();
  const itx = indexed.transaction('leads', 'readwrite');
  for (const row of rows) void itx.store.put(row);
  await itx.done;
  const indexedMs = performance.now() - t2;
  indexed.close();
  return { n, saved: saved.length, pipelineMs, bareMs, indexedMs, outbox: await db.countFromIndex('leads', 'by-outbox'), audit: await db.count('audit') };
}
