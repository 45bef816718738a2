// The import worker: reads the file, maps and validates every row, and hands valid leads to the
// page in batches (the page forwards them to the background). Keeps the parsed table so a mapping
// change re-validates without reading the file again.
import type { CountryCode } from 'libphonenumber-js/min';
import type { LeadDraft } from '../leads/schema';
import { ImportAnalyzer, type DuplicateRow } from './analyze-rows';
import { autoMap } from './auto-map';
import { proposePrimaryEmail } from './primary-email';
import { failedRowsCsv } from './failed-rows';
import { isImportError } from './import-error';
import { readTable } from './read-table';
import { issueMessage, type RowIssue } from './row-to-lead';
import type { Table } from './table';
import type { AnalyzeRequest, FromWorker, ToWorker } from './worker-protocol';

const ISSUES_SHOWN = 500;

interface WorkerScope {
  postMessage(m: FromWorker): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<ToWorker>) => void): void;
}

export function startImportWorker(scope: WorkerScope): void {
  let table: Table | undefined;
  let fileName = '';
  let request: AnalyzeRequest | undefined;
  let issues: RowIssue[] = [];
  let duplicates: DuplicateRow[] = [];
  // Valid leads of the last analysis, so importing does not validate every row a second time.
  let validLeads: { row: number; lead: LeadDraft; group?: string }[] = [];
  let controller = new AbortController();
  let wake: (() => void) | undefined;
  const post = (m: FromWorker) => scope.postMessage(m);
  const fail = (err: unknown) => {
    if (isImportError(err)) post({ type: 'error', code: err.code, message: err.message, params: err.params });
    else post({ type: 'error', code: 'failed', message: err instanceof Error ? err.message : String(err), params: [] });
  };
  const options = (r: AnalyzeRequest) => ({
    headers: table!.headers, mapping: r.mapping, defaults: r.defaults, fileName, now: new Date().toISOString(), dayFirst: r.dayFirst,
    storedKeys: new Map(r.storedKeys), defaultCountry: r.defaultCountry as CountryCode | undefined,
  });

  async function open(m: Extract<ToWorker, { type: 'open' }>) {
    controller = new AbortController();
    fileName = m.fileName;
    const bytes = new Uint8Array(await m.file.arrayBuffer());
    table = await readTable(bytes, {
      fileName, signal: controller.signal, encoding: m.encoding, delimiter: m.delimiter as ',' | undefined, sheet: m.sheet,
      onProgress: (done) => post({ type: 'progress', phase: 'read', done }),
    });
    opened();
  }

  function opened() {
    const auto = autoMap(table!.headers);
    const proposal = proposePrimaryEmail(auto, table!.rows);
    post({
      type: 'opened', headers: table!.headers, sample: table!.rows.slice(0, 5).map((r) => r.cells), meta: table!.meta,
      rowCount: table!.rows.length, mapping: proposal?.mapping ?? auto, sheet: table!.sheet, sheetNames: table!.sheetNames,
      emailProposal: proposal && { from: proposal.from === undefined ? undefined : table!.headers[proposal.from], to: table!.headers[proposal.to] },
    });
  }

  function analyze(r: AnalyzeRequest) {
    request = r;
    const a = new ImportAnalyzer(options(r));
    const rows = table!.rows;
    const step = 5000;
    validLeads = [];
    const keep = (lead: LeadDraft, row: number, _dup: DuplicateRow | undefined, group: string | undefined) => void validLeads.push({ row, lead, group });
    for (let i = 0; i < rows.length; i += step) {
      a.add(rows.slice(i, i + step), keep);
      post({ type: 'progress', phase: 'analyze', done: Math.min(1, (i + step) / rows.length) });
    }
    issues = a.result.issues;
    duplicates = a.result.duplicates;
    const errorRows = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.row)).size;
    post({ type: 'analysis', result: { ...a.result, issues: issues.slice(0, ISSUES_SHOWN), issueCount: issues.length, errorRows } });
  }

  async function run(m: Extract<ToWorker, { type: 'run' }>) {
    if (!table || !request) throw new Error('Nothing to import.');
    controller = new AbortController();
    const signal = controller.signal;
    const dupByRow = new Map(duplicates.map((d) => [d.row, d]));
    // With "update", repeats within the file merge into one lead (later non-empty values win).
    const merged = new Map<string, LeadDraft>();
    const repeatedKeys = new Set(duplicates.filter((d) => d.firstRow !== undefined).map((d) => d.key));
    let creates: LeadDraft[] = [];
    let updates: { id: string; lead: LeadDraft }[] = [];
    let done = 0;
    let skipped = 0;
    let created = 0;
    let updated = 0;
    const total = table.rows.length;
    // Two batches in flight: the worker prepares the next while the background stages one.
    let inFlight = 0;
    let waiters: (() => void)[] = [];
    wake = () => {
      inFlight--;
      waiters.shift()?.();
    };
    const flush = async (last = false) => {
      if (creates.length || updates.length) {
        inFlight++;
        post({ type: 'batch', creates, updates, done, total });
        creates = [];
        updates = [];
      }
      while (inFlight >= (last ? 1 : 2)) await new Promise<void>((resolve) => waiters.push(resolve));
      if (signal.aborted) throw Object.assign(new Error('Import cancelled.'), { name: 'ImportError', code: 'cancelled', params: [] });
    };
    signal.addEventListener('abort', () => {
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    });
    const place = (lead: LeadDraft, storedId: string | undefined) => {
      if (storedId && m.stored === 'skip') return void skipped++;
      if (storedId && m.stored === 'update') {
        updates.push({ id: storedId, lead });
        updated++;
      } else {
        creates.push(lead);
        created++;
      }
    };
    for (const { row, lead, group } of validLeads) {
      const dup = dupByRow.get(row);
      const key = m.inFile === 'update' ? group : undefined;
      done = row;
      if (key && repeatedKeys.has(key)) {
        const prev = merged.get(key);
        merged.set(key, prev ? mergeDrafts(prev, lead) : lead);
      } else if (dup?.firstRow !== undefined && m.inFile === 'skip') skipped++;
      else place(lead, dup?.storedId);
      if (creates.length + updates.length >= m.batchSize) await flush();
    }
    // A merged group matches a stored lead through any of its rows' keys.
    const storedOf = new Map(duplicates.filter((d) => d.storedId).map((d) => [d.key, d.storedId]));
    for (const [key, lead] of merged) {
      place(lead, storedOf.get(key));
      if (creates.length + updates.length >= m.batchSize) await flush();
    }
    // Rows merged into an earlier one are not imported on their own.
    if (m.inFile === 'update') skipped += duplicates.filter((d) => d.firstRow !== undefined).length;
    done = total;
    await flush(true);
    post({ type: 'runDone', created, updated, skipped });
  }

  scope.addEventListener('message', (e) => {
    const m = e.data;
    const guard = (p: Promise<void> | void) => Promise.resolve(p).catch(fail);
    switch (m.type) {
      case 'open':
        void guard(open(m));
        break;
      case 'rows':
        // Already a table (Exchange contacts): straight to the mapping, preview and duplicates.
        controller = new AbortController();
        table = m.table;
        fileName = m.fileName;
        opened();
        break;
      case 'analyze':
        void guard(Promise.resolve().then(() => analyze(m)));
        break;
      case 'failedCsv': {
        // Issue #16: in the UI's language, the file's column or the field's display name, never a logical name.
        const describe = (i: RowIssue) => `${i.column === i.field ? (m.fieldLabels[i.field] ?? i.column) : i.column}: ${(m.templates[i.code] ?? issueMessage(i)).replace('$1', i.detail ?? '')}`;
        const row = (n: number) => m.rowTemplate.replace('$1', String(n));
        post({ type: 'failedCsv', csv: table ? failedRowsCsv(table, issues, m.errorHeader, describe, table.meta.delimiter ?? ',', row) : '' });
        break;
      }
      case 'run':
        void guard(run(m));
        break;
      case 'next':
        wake?.();
        break;
      case 'cancel':
        controller.abort();
        break;
    }
  });
}

function mergeDrafts(a: LeadDraft, b: LeadDraft): LeadDraft {
  const out = { ...a } as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) if (v !== undefined && v !== '' && v !== false && k !== 'provenance') out[k] = v;
  return out as LeadDraft;
}
