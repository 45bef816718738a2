// Messages between the options page and the import worker (a dedicated Web Worker, so parsing
// and validating a 100,000-row file never blocks the page).
import type { LeadDraft, LeadFieldName } from '../leads/schema';
import type { ImportAnalysis } from './analyze-rows';
import type { ColumnMapping } from './auto-map';
import type { TextEncodingName } from './decode-text';
import type { ImportErrorCode } from './import-error';
import type { RowIssue } from './row-to-lead';
import type { Table, TableMeta } from './table';

/** What to do with a row that repeats an earlier row or a stored lead. */
export type DuplicatePolicy = 'skip' | 'update' | 'create';

export interface AnalyzeRequest {
  mapping: ColumnMapping;
  defaults: Partial<Record<LeadFieldName, string>>;
  storedKeys: [string, string][];
  /** The settings' country for numbers without a country code (the duplicate rules compare E.164). */
  defaultCountry?: string;
  dayFirst: boolean;
}

export type ToWorker =
  | { type: 'open'; file: Blob; fileName: string; encoding?: TextEncodingName; delimiter?: string; sheet?: string }
  /** Rows that come from elsewhere than a file (Microsoft Exchange, issue #17): the same steps from here on. */
  | { type: 'rows'; table: Table; fileName: string }
  | ({ type: 'analyze' } & AnalyzeRequest)
  | { type: 'failedCsv'; errorHeader: string; templates: Record<string, string>; rowTemplate: string; fieldLabels: Record<string, string> }
  | { type: 'run'; inFile: DuplicatePolicy; stored: DuplicatePolicy; batchSize: number }
  | { type: 'next' }
  | { type: 'cancel' };

export interface Opened {
  headers: string[];
  /** First rows as read, for the mapping editor. */
  sample: string[][];
  meta: TableMeta;
  rowCount: number;
  mapping: ColumnMapping;
  /** Issue #16: the primary Email column was empty and this other column (header) holds the addresses. */
  emailProposal?: { from?: string; to: string };
  sheet?: string;
  sheetNames?: string[];
}

/** The analysis without the full issue list (which can be long): the first ones to show. */
export type AnalysisSummary = Omit<ImportAnalysis, 'issues'> & { issues: RowIssue[]; issueCount: number; errorRows: number };

export type FromWorker =
  | ({ type: 'opened' } & Opened)
  | { type: 'progress'; phase: 'read' | 'analyze' | 'import'; done: number }
  | { type: 'analysis'; result: AnalysisSummary }
  | { type: 'failedCsv'; csv: string }
  | { type: 'batch'; creates: LeadDraft[]; updates: { id: string; lead: LeadDraft }[]; done: number; total: number }
  | { type: 'runDone'; created: number; updated: number; skipped: number }
  | { type: 'error'; code: ImportErrorCode | 'failed'; message: string; params: string[] };
