// The rows that could not be imported, as a CSV the user can fix and import again: the original
// columns unchanged, plus a first column that says what is wrong in each row.
import { toCsv } from './csv-export';
import { issueMessage, type RowIssue } from './row-to-lead';
import type { Table } from './table';

export function failedRowsCsv(
  table: Pick<Table, 'headers' | 'rows'>,
  issues: readonly RowIssue[],
  errorHeader = 'Import errors',
  describe: (i: RowIssue) => string = (i) => `${i.column}: ${issueMessage(i)}`,
  delimiter = ',',
  rowLabel: (n: number) => string = (n) => `Row ${n}`,
): string {
  const byRow = new Map<number, RowIssue[]>();
  for (const i of issues) {
    if (i.severity !== 'error') continue;
    const list = byRow.get(i.row) ?? [];
    list.push(i);
    byRow.set(i.row, list);
  }
  const out: unknown[][] = [[errorHeader, ...table.headers]];
  for (const r of table.rows) {
    const list = byRow.get(r.n);
    if (list) out.push([`${rowLabel(r.n)}: ${list.map(describe).join('; ')}`, ...r.cells]);
  }
  return toCsv(out, delimiter);
}
