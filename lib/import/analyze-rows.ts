// Runs every row through mapping and validation and keeps what the preview needs: counts, the
// first rows as they will be stored, every problem, and duplicates within the file and against
// leads already stored. Rows arrive in batches so a worker can report progress.
import type { LeadDraft } from '../leads/schema';
import { leadDedupeKey } from '../leads/lead-dedupe-key';
import { rowToLead, type ConvertOptions, type ConvertedRow, type RowIssue } from './row-to-lead';
import type { TableRow } from './table';

export interface DuplicateRow {
  row: number;
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
  /** Dedupe key → id of the stored lead with that key. */
  storedKeys?: ReadonlyMap<string, string>;
  previewRows?: number;
}

export type LeadSink = (lead: LeadDraft, row: number, dup: DuplicateRow | undefined) => void;

export class ImportAnalyzer {
  private readonly seen = new Map<string, number>();
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
      const key = leadDedupeKey(c.lead);
      let dup: DuplicateRow | undefined;
      if (key) {
        const firstRow = this.seen.get(key);
        const storedId = this.o.storedKeys?.get(key);
        if (firstRow === undefined) this.seen.set(key, r.n);
        if (firstRow !== undefined || storedId) {
          dup = { row: r.n, key, firstRow, storedId };
          res.duplicates.push(dup);
        }
      }
      sink?.(c.lead, r.n, dup);
    }
  }
}

export function analyzeRows(rows: readonly TableRow[], o: AnalyzeOptions, sink?: LeadSink): ImportAnalysis {
  const a = new ImportAnalyzer(o);
  a.add(rows, sink);
  return a.result;
}
