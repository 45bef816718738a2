// Excel's "XML Spreadsheet 2003" (.xml): the first worksheet with data, values only. Formulas
// (ss:Formula) are ignored; the cached <Data> value is what Excel last showed.
import { detectBom, detectWideEncoding, decodeWith, type TextEncodingName } from './decode-text';
import { ImportError } from './import-error';
import { importLimits } from './limits';
import { declaredXmlEncoding, readXml } from './safe-xml';
import type { TableRow } from './table';

const SS_NS = 'urn:schemas-microsoft-com:office:spreadsheet';

const XML_ENCODINGS = new Map<string, TextEncodingName>([
  ['utf-8', 'utf-8'], ['utf8', 'utf-8'], ['us-ascii', 'utf-8'], ['ascii', 'utf-8'],
  ['iso-8859-1', 'windows-1252'], ['latin1', 'windows-1252'], ['windows-1252', 'windows-1252'], ['cp1252', 'windows-1252'],
  ['iso-8859-2', 'iso-8859-2'], ['latin2', 'iso-8859-2'], ['windows-1250', 'windows-1250'], ['cp1250', 'windows-1250'],
  ['utf-16', 'utf-16le'], ['utf-16le', 'utf-16le'], ['utf-16be', 'utf-16be'],
]);

/** Decodes an XML file by BOM, zero-byte pattern or declaration; refuses encodings such as
 * UTF-7 that exist mainly to smuggle markup past filters. */
export function decodeXml(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const bom = detectBom(bytes);
  const wide = bom?.encoding ?? detectWideEncoding(bytes);
  const headBytes = bytes.subarray(0, 512);
  const head = wide ? decodeWith(headBytes.subarray(0, headBytes.length & ~3), wide, bom?.bomLength ?? 0) : new TextDecoder('windows-1252').decode(headBytes);
  const declared = declaredXmlEncoding(head);
  let encoding: TextEncodingName;
  if (wide) {
    encoding = wide;
    if (declared && !declared.startsWith('utf-16') && !declared.startsWith('utf-32') && !declared.startsWith('ucs')) {
      throw new ImportError('xml_encoding', `The XML says it is ${declared} but is written as ${wide}.`, [declared]);
    }
  } else if (declared) {
    const known = XML_ENCODINGS.get(declared);
    if (!known || known.startsWith('utf-16')) throw new ImportError('xml_encoding', `The XML encoding ${declared} is not supported.`, [declared]);
    encoding = known;
  } else encoding = 'utf-8';
  return { text: decodeWith(bytes, encoding, bom?.bomLength ?? 0), encoding };
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Reads ss:Index-style attributes whatever prefix the file gave the namespace. */
function ssAttr(attrs: Map<string, string>, name: string): string | undefined {
  for (const [k, v] of attrs) if (local(k) === name) return v;
  return undefined;
}

function positiveInt(v: string | undefined, what: string, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new ImportError('xml_malformed', `The XML is malformed: ${what} "${v}" is not a positive whole number.`, [what]);
  if (n > max) throw new ImportError('too_many_columns', `A cell claims ${what} ${n}; Excel stops at ${max}.`, [what, String(n), String(max)]);
  return n;
}

export interface SpreadsheetMlResult {
  rows: TableRow[];
  sheet: string;
  sheetNames: string[];
  encoding: TextEncodingName;
}

/** Parses the workbook; returns the named worksheet, or else the first that has any value. */
export function readSpreadsheetMl(bytes: Uint8Array, signal?: AbortSignal, sheet?: string): SpreadsheetMlResult {
  const { text, encoding } = decodeXml(bytes);
  const sheetNames: string[] = [];
  let chosen: { name: string; rows: TableRow[] } | undefined;
  let current: { name: string; rows: TableRow[] } | undefined;
  let rootChecked = false;
  let rowIndex = 0;
  let colIndex = 0;
  let row: string[] | undefined;
  let rowHasData = false;
  let cellCols = 0;
  let inData = 0;
  let dataType = '';
  let dataText = '';
  let depth = 0;
  let tableDepth = -1;
  let rows = 0;
  let commentDepth = 0; // <Comment> holds its own <ss:Data>: the note, not the value

  readXml(text, {
    open(name, attrs) {
      depth++;
      const el = local(name);
      if (!rootChecked) {
        rootChecked = true;
        const isSs = [...attrs].some(([k, v]) => (k === 'xmlns' || k.startsWith('xmlns:')) && v === SS_NS);
        if (el !== 'Workbook' || !isSs) throw new ImportError('not_spreadsheetml', 'This XML file is not an Excel XML Spreadsheet 2003 workbook.', []);
        return;
      }
      if (inData || commentDepth) return; // rich text inside <Data>: keep only its text
      if (el === 'Comment') {
        commentDepth = depth;
        return;
      }
      if (el === 'Worksheet') {
        const sheetName = ssAttr(attrs, 'Name') ?? `Sheet${sheetNames.length + 1}`;
        sheetNames.push(sheetName);
        current = chosen || (sheet !== undefined && sheet !== sheetName) ? undefined : { name: sheetName, rows: [] };
        rowIndex = 0;
      } else if (el === 'Table' && current) {
        tableDepth = depth;
      } else if (el === 'Row' && current && tableDepth > 0) {
        rowIndex = positiveInt(ssAttr(attrs, 'Index'), 'row', Number.MAX_SAFE_INTEGER) ?? rowIndex + 1;
        if (rowIndex <= 0) rowIndex = 1;
        row = [];
        rowHasData = false;
        colIndex = 0;
      } else if (el === 'Cell' && row) {
        colIndex = positiveInt(ssAttr(attrs, 'Index'), 'column', importLimits.maxSheetColumnIndex) ?? colIndex + 1;
        const across = Number(ssAttr(attrs, 'MergeAcross') ?? 0);
        cellCols = Number.isInteger(across) && across > 0 ? Math.min(across, importLimits.maxSheetColumnIndex) : 0;
      } else if (el === 'Data' && row) {
        inData = depth;
        dataType = ssAttr(attrs, 'Type') ?? 'String';
        dataText = '';
      }
    },
    text(t) {
      if (inData) {
        if (dataText.length + t.length > importLimits.maxCellChars) throw new ImportError('too_large', `A cell holds more than ${importLimits.maxCellChars} characters.`, [String(importLimits.maxCellChars)]);
        dataText += t;
      }
    },
    close(name) {
      const el = local(name);
      if (commentDepth) {
        if (depth === commentDepth) commentDepth = 0;
        depth--;
        return;
      }
      if (inData) {
        if (depth === inData && el === 'Data' && row) {
          inData = 0;
          const value = cellValue(dataType, dataText);
          if (colIndex > importLimits.maxColumns) {
            throw new ImportError('too_many_columns', `Row ${rowIndex} has data in column ${colIndex}; the limit is ${importLimits.maxColumns}.`, [String(rowIndex), String(colIndex), String(importLimits.maxColumns)]);
          }
          while (row.length < colIndex - 1) row.push('');
          row[colIndex - 1] = value;
          if (value.trim()) rowHasData = true;
        }
        depth--;
        return;
      }
      if (el === 'Cell') colIndex += cellCols;
      else if (el === 'Row' && row && current) {
        if (rowHasData) {
          if (rowIndex > importLimits.maxSheetRowIndex) {
            throw new ImportError('too_many_rows', `Row ${rowIndex} is beyond Excel's last row ${importLimits.maxSheetRowIndex}.`, [String(importLimits.maxSheetRowIndex)]);
          }
          if (++rows > importLimits.maxRows + 1) throw new ImportError('too_many_rows', `The file has more than ${importLimits.maxRows} rows.`, [String(importLimits.maxRows)]);
          current.rows.push({ n: rowIndex, cells: row });
        }
        row = undefined;
      } else if (el === 'Table') tableDepth = -1;
      else if (el === 'Worksheet' && current) {
        if (current.rows.length && !chosen) chosen = current;
        current = undefined;
      }
      depth--;
    },
  }, signal);

  if (!sheetNames.length) throw new ImportError('not_spreadsheetml', 'The workbook has no worksheets.', []);
  return { rows: chosen?.rows ?? [], sheet: chosen?.name ?? sheetNames[0], sheetNames, encoding };
}

function cellValue(type: string, raw: string): string {
  switch (type) {
    case 'Boolean':
      return raw.trim() === '1' ? 'true' : raw.trim() === '0' ? 'false' : raw;
    case 'DateTime': {
      // Excel writes 1960-12-19T00:00:00.000; a midnight time means a date.
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(raw.trim());
      if (!m) return raw.trim();
      return m[2] === '00:00:00' ? m[1] : `${m[1]}T${m[2]}`;
    }
    case 'Number':
      return raw.trim();
    default:
      return raw;
  }
}
