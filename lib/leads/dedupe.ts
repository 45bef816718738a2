// The duplicate check (issue #4): indexed lookups only, so it stays fast with 100,000 leads.
import { dedupeKeys, emailMatchKey, fuzzyMatchKey, nameCompanyMatchKey, phoneMatchKey, type DedupeKeys, type KeySource } from './dedupe-keys';
import { jaroWinkler } from './match-text';
import type { LeadFieldName, LeadRecord } from './schema';

export type DuplicateRule = 'email' | 'phone' | 'name_company' | 'fuzzy_name_company';

export interface DuplicateMatch {
  lead: LeadRecord;
  rules: DuplicateRule[];
  /** Fields of the new lead that matched the stored one. */
  fields: LeadFieldName[];
  /** 0..1, for the fuzzy rule (1 for exact rules). */
  similarity: number;
}

/** Both names and companies must be at least this similar for a fuzzy match. */
export const FUZZY_THRESHOLD = 0.9;
export const MAX_MATCHES = 10;
export const MAX_FUZZY_CANDIDATES = 200;

const ruleOrder: DuplicateRule[] = ['email', 'phone', 'name_company', 'fuzzy_name_company'];

/** Where duplicates are looked up: the database, or the leads saved earlier in a batch. */
export interface DuplicateSource {
  idsByEmail(email: string): Promise<string[]> | string[];
  idsByPhone(phone: string): Promise<string[]> | string[];
  idsByNameCompany(key: string): Promise<string[]> | string[];
  rowsByFuzzyKey(key: string): Promise<DedupeKeys[]> | DedupeKeys[];
  lead(id: string): Promise<LeadRecord | undefined> | LeadRecord | undefined;
}

/** Index rows held in memory: the leads saved earlier in a batch, or (for a big import) every
 * stored lead's row, read once instead of several lookups per imported row. */
export class BatchSource implements DuplicateSource {
  private readonly byKey = new Map<string, string[]>();
  private readonly rows = new Map<string, DedupeKeys>();
  private readonly records = new Map<string, LeadRecord>();

  /** `fallback` fetches records that are not held in memory (stored leads that matched). */
  constructor(private readonly fallback?: (id: string) => Promise<LeadRecord | undefined>) {}

  add(record: LeadRecord, keys: DedupeKeys): void {
    this.records.set(record.id, record);
    this.addKeys(keys);
  }

  addKeys(keys: DedupeKeys): void {
    this.rows.set(keys.leadId, keys);
    for (const k of keys.match) {
      const ids = this.byKey.get(k);
      if (ids) ids.push(keys.leadId);
      else this.byKey.set(k, [keys.leadId]);
    }
  }
  idsByEmail = (e: string) => (this.byKey.get(emailMatchKey(e)) ?? []).slice(0, MAX_MATCHES);
  idsByPhone = (p: string) => (this.byKey.get(phoneMatchKey(p)) ?? []).slice(0, MAX_MATCHES);
  idsByNameCompany = (k: string) => (this.byKey.get(nameCompanyMatchKey(k)) ?? []).slice(0, MAX_MATCHES);
  rowsByFuzzyKey = (k: string) => (this.byKey.get(fuzzyMatchKey(k)) ?? []).slice(0, MAX_FUZZY_CANDIDATES).map((id) => this.rows.get(id)!);
  lead = (id: string) => this.records.get(id) ?? this.fallback?.(id);
  /** A record held in memory (saved earlier in this batch), without the fallback. */
  held = (id: string) => this.records.get(id);
}

/** Finds leads in `source` (the store's indexes, or a batch in memory) that look like `lead`. */
export async function findDuplicates(source: DuplicateSource, leadId: string, lead: KeySource, excludeIds: readonly string[] = [], keys: DedupeKeys = dedupeKeys(leadId, lead)): Promise<DuplicateMatch[]> {
  const found = new Map<string, { rules: Set<DuplicateRule>; fields: Set<LeadFieldName>; similarity: number }>();
  const skip = new Set([leadId, ...excludeIds]);
  const hit = (id: string, rule: DuplicateRule, fields: LeadFieldName[], similarity = 1) => {
    if (skip.has(id)) return;
    const m = found.get(id) ?? { rules: new Set(), fields: new Set(), similarity: 0 };
    m.rules.add(rule);
    for (const f of fields) m.fields.add(f);
    m.similarity = Math.max(m.similarity, similarity);
    found.set(id, m);
  };

  const emailField = (e: string): LeadFieldName[] =>
    (['emailaddress1', 'emailaddress2', 'emailaddress3'] as const).filter((f) => lead[f]?.trim().toLowerCase() === e);
  const phoneField = (p: string): LeadFieldName[] => (['telephone1', 'mobilephone'] as const).filter((f) => lead.phoneE164?.[f] === p);

  const lookups: Promise<void>[] = [];
  // A batch in memory answers at once: no promise per lookup (a 10,000-lead save makes 80,000).
  const each = <T,>(value: Promise<T[]> | T[], fn: (v: T) => void) => {
    if (Array.isArray(value)) value.forEach(fn);
    else lookups.push(value.then((vs) => vs.forEach(fn)));
  };
  for (const e of keys.emails) each(source.idsByEmail(e), (id) => hit(id, 'email', emailField(e)));
  for (const p of keys.phones) each(source.idsByPhone(p), (id) => hit(id, 'phone', phoneField(p)));
  if (keys.nameCompany) each(source.idsByNameCompany(keys.nameCompany), (id) => hit(id, 'name_company', ['firstname', 'lastname', 'companyname']));
  // Fuzzy: gather candidates sharing a blocking key, then compare names and companies.
  const candidates = new Map<string, DedupeKeys>();
  for (const k of keys.fuzzy) each(source.rowsByFuzzyKey(k), (r) => candidates.set(r.leadId, r));
  await Promise.all(lookups);

  for (const c of candidates.values()) {
    if (found.get(c.leadId)?.rules.has('name_company')) continue;
    const similarity = fuzzySimilarity(keys, c);
    if (similarity >= FUZZY_THRESHOLD) hit(c.leadId, 'fuzzy_name_company', ['firstname', 'lastname', 'companyname'], similarity);
  }

  const ranked = [...found.entries()]
    .map(([id, m]) => ({ id, ...m }))
    .sort((a, b) => strength(b.rules) - strength(a.rules) || b.similarity - a.similarity)
    .slice(0, MAX_MATCHES);
  const records = await Promise.all(ranked.map((m) => source.lead(m.id)));
  return ranked.flatMap((m, i) => {
    const record = records[i];
    if (!record) return []; // index row of a lead deleted meanwhile
    return [{
      lead: record,
      rules: ruleOrder.filter((r) => m.rules.has(r)),
      fields: [...m.fields],
      similarity: m.similarity,
    }];
  });
}

/** Both lists, strongest first, each lead once. */
export function mergeMatches(a: DuplicateMatch[], b: DuplicateMatch[]): DuplicateMatch[] {
  const byId = new Map<string, DuplicateMatch>();
  for (const m of [...a, ...b]) if (!byId.has(m.lead.id)) byId.set(m.lead.id, m);
  return [...byId.values()].sort((x, y) => strength(new Set(y.rules)) - strength(new Set(x.rules)) || y.similarity - x.similarity).slice(0, MAX_MATCHES);
}

function strength(rules: Set<DuplicateRule>): number {
  return (rules.has('email') ? 8 : 0) + (rules.has('phone') ? 4 : 0) + (rules.has('name_company') ? 2 : 0) + (rules.has('fuzzy_name_company') ? 1 : 0);
}

/** The weaker of name and company similarity: both must be close. */
export function fuzzySimilarity(a: Pick<DedupeKeys, 'name' | 'company'>, b: Pick<DedupeKeys, 'name' | 'company'>): number {
  if (!a.name || !b.name || !a.company || !b.company) return 0;
  // "Oddział 2" is not a typo of "Oddział 3": numbers must agree exactly.
  if (a.company !== b.company && digits(a.company) !== digits(b.company)) return 0;
  return Math.min(jaroWinkler(a.name, b.name), jaroWinkler(a.company, b.company));
}

const digits = (s: string) => s.replace(/\D+/g, ' ').trim();
