// Runs every row through mapping and validation and keeps what the preview needs: counts, the
// first rows as they will be stored, every problem, and duplicates within the file and against
// leads already stored. Rows arrive in batches so a worker can report progress.
import type { CountryCode } from 'libphonenumber-js/min';
import type { LeadDraft } from '../leads/schema';
import { dedupeKeys, exactMatchKeys } from '../leads/dedupe-keys';
import { phoneE164Of } from '../leads/normalize';
import { rowToLead, type ConvertOptions, type ConvertedRow, type RowIssue } from './row-to-lead';
import type { TableRow } from './table';

export interface DuplicateRow {
  row: number;
  /** The group's key: the first key of the earliest row of the same person (email, phone or
   * name + company: the save pipeline's exact rules). */
  key: string;
  /** Earlier row of the same file with the same person. */
  firstRow?: number;
  /** Stored lead with the same person. */
  storedId?: string;
}

export interface ImportAnalysis {
  total: number;
  valid: number;
  invalid: number;
  /** Valid rows with a warning (e.g. text cut to the column's limit). */
  warned: number;
  issues: RowIssue[];
  preview: ConvertedRow[];
  duplicates: DuplicateRow[];
  /** Valid rows that got the file-wide default Topic because they had none. */
  defaultedRows: number[];
}

export interface AnalyzeOptions extends ConvertOptions {
  /** Exact duplicate key (exactMatchKeys) → id of the stored lead with that key. */
  storedKeys?: ReadonlyMap<string, string>;
  /** For phone numbers written without a country code, as in the save pipeline (PL by default). */
  defaultCountry?: CountryCode;
  previewRows?: number;
}

/** `group`: the key every row of the same person shares (see DuplicateRow.key). */
export type LeadSink = (lead: LeadDraft, row: number, dup: DuplicateRow | undefined, group: string | undefined) => void;

export class ImportAnalyzer {
  /** Each key seen so far → the earliest row with it and that row's group key. */
  private readonly seen = new Map<string, { row: number; group: string }>();
  readonly result: ImportAnalysis = { total: 0, valid: 0, invalid: 0, warned: 0, issues: [], preview: [], duplicates: [], defaultedRows: [] };

  constructor(private readonly o: AnalyzeOptions) {}

  add(rows: readonly TableRow[], sink?: LeadSink): void {
    const res = this.result;
    const previewRows = this.o.previewRows ?? 20;
    for (const r of rows) {
      const c = rowToLead(r, this.o);
      res.total++;
      if (c.issues.length) for (const i of c.issues) res.issues.push(i);
      if (res.preview.length < previewRows) res.preview.push(c);
      if (!c.lead) {
        res.invalid++;
        continue;
      }
      res.valid++;
      if (c.issues.length) res.warned++;
      if (c.defaulted?.includes('subject')) res.defaultedRows.push(r.n);
      const keys = exactMatchKeys(dedupeKeys('', { ...c.lead, phoneE164: phoneE164Of(c.lead, this.o.defaultCountry ?? 'PL') }));
      const earlier = keys.map((k) => this.seen.get(k)).find(Boolean);
      const group = earlier?.group ?? keys[0];
      for (const k of keys) if (!this.seen.has(k)) this.seen.set(k, { row: earlier?.row ?? r.n, group });
      const storedId = keys.map((k) => this.o.storedKeys?.get(k)).find(Boolean);
      let dup: DuplicateRow | undefined;
      if (group && (earlier || storedId)) {
        dup = { row: r.n, key: group, firstRow: earlier?.row, storedId };
        res.duplicates.push(dup);
      }
      sink?.(c.lead, r.n, dup, group);
    }
  }
}

export function analyzeRows(rows: readonly TableRow[], o: AnalyzeOptions, sink?: LeadSink): ImportAnalysis {
  const a = new ImportAnalyzer(o);
  a.add(rows, sink);
  return a.result;
}
