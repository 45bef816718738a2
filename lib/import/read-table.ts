// Any supported file to a Table: sniff the format from the bytes, decode, parse, find the header.
import { headerScore } from './auto-map';
import { csvDelimiters, streamCsv } from './csv-parse';
import { decodeText, type TextEncodingName } from './decode-text';
import { tableFromRows } from './headers';
import { ImportError } from './import-error';
import { checkSize, importLimits } from './limits';

export { checkSize };
import { sniffFormat, type FileFormat } from './sniff-format';
import { readSpreadsheetMl } from './spreadsheetml';
import type { Table, TableRow } from './table';
import { readVcard } from './vcard';

export interface ReadOptions {
  fileName: string;
  signal?: AbortSignal;
  /** Overrides for a wrong guess, chosen by the user. */
  encoding?: TextEncodingName;
  delimiter?: (typeof csvDelimiters)[number];
  /** Worksheet to read (workbooks); the first with data by default. */
  sheet?: string;
  onProgress?: (done: number) => void;
}

export async function readTable(bytes: Uint8Array, o: ReadOptions): Promise<Table> {
  checkSize(bytes.length);
  const format: FileFormat = sniffFormat(bytes.subarray(0, 8192), o.fileName, bytes.length);
  let rows: TableRow[];
  const warnings: string[] = [];
  let extra: Partial<Table> = {};
  let encoding: string | undefined;
  let delimiter: string | undefined;
  switch (format) {
    case 'csv': {
      const decoded = decodeText(bytes, o.encoding);
      encoding = decoded.encoding;
      rows = [];
      const r = await streamCsv(decoded.text, { onRows: (b) => { for (const row of b) rows.push(row); }, signal: o.signal, delimiter: o.delimiter, onProgress: o.onProgress });
      delimiter = r.delimiter;
      break;
    }
    case 'vcard': {
      const decoded = decodeText(bytes, o.encoding);
      encoding = decoded.encoding;
      rows = readVcard(decoded.text);
      break;
    }
    case 'spreadsheetml': {
      const r = readSpreadsheetMl(bytes, o.signal, o.sheet);
      rows = r.rows;
      encoding = r.encoding;
      extra = { sheet: r.sheet, sheetNames: r.sheetNames };
      break;
    }
    case 'xlsx':
    case 'xls': {
      const { readWorkbook } = await import('./xlsx');
      const r = await readWorkbook(bytes, format, o.signal, o.sheet);
      rows = r.rows;
      warnings.push(...r.warnings);
      extra = { sheet: r.sheet, sheetNames: r.sheetNames };
      break;
    }
  }
  const table = tableFromRows(rows, { format, encoding, delimiter, warnings }, headerScore);
  if (table.rows.length > importLimits.maxRows) {
    throw new ImportError('too_many_rows', `The file has ${table.rows.length} rows; the limit is ${importLimits.maxRows}.`, [String(importLimits.maxRows)]);
  }
  return { ...table, ...extra };
}
