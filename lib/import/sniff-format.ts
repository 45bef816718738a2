// What a file really is, from its first bytes: the extension is only a tie-breaker (people rename
// .xml to .xls, save CSV as .txt, and Excel's "XML Spreadsheet 2003" is plain text).
import { detectBom, detectWideEncoding, decodeWith } from './decode-text';
import { ImportError } from './import-error';

export type FileFormat = 'csv' | 'xlsx' | 'xls' | 'spreadsheetml' | 'vcard';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);

// Formats people drop by mistake, named so the message can say what it was.
const BINARY_SIGNATURES: readonly [string, readonly number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['gzip', [0x1f, 0x8b]],
  ['7-Zip', [0x37, 0x7a, 0xbc, 0xaf]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['EXE', [0x4d, 0x5a]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
  ['WebAssembly', [0x00, 0x61, 0x73, 0x6d]],
  ['bzip2', [0x42, 0x5a, 0x68]],
];

/** Text at the start of the file, in whatever encoding it is, for the textual checks. */
export function headText(head: Uint8Array): string {
  const bom = detectBom(head);
  const enc = bom?.encoding ?? detectWideEncoding(head) ?? 'utf-8';
  // Cut to whole code units so the last character is not garbled.
  const unit = enc.startsWith('utf-32') ? 4 : enc.startsWith('utf-16') ? 2 : 1;
  const n = head.length - (head.length % unit);
  return decodeWith(head.subarray(0, n), enc, bom?.bomLength ?? 0);
}

/** Share of characters that no text file contains (NUL and other C0 controls but tab/CR/LF/FF). */
export function controlCharShare(text: string): number {
  if (!text.length) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) bad++;
  }
  return bad / text.length;
}

/**
 * Classifies a file from its first bytes (4 kB or more). Throws ImportError('empty' | 'binary' |
 * 'unsupported_format') for what we cannot import.
 */
export function sniffFormat(head: Uint8Array, fileName = '', fileSize = head.length): FileFormat {
  if (fileSize === 0 || head.length === 0) throw new ImportError('empty', 'The file is empty.');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'xlsx';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  for (const [name, sig] of BINARY_SIGNATURES) {
    if (startsWith(head, sig)) throw new ImportError('binary', `This is a ${name} file, not a spreadsheet or CSV.`, [name]);
  }
  const text = headText(head);
  if (controlCharShare(text) > 0.01) throw new ImportError('binary', 'This file is binary, not a spreadsheet or CSV.', ['binary']);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start) throw new ImportError('empty', 'The file is empty.');
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  if (start.startsWith('<')) {
    if (/^<\?xml[\s\S]*?<\??\s*mso-application\s+progid\s*=\s*["']Excel\.Sheet/i.test(start) || /<(?:\w+:)?Workbook[\s>]/.test(start)) {
      return 'spreadsheetml';
    }
    if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(start)) {
      throw new ImportError('unsupported_format', 'This is a web page, not a spreadsheet. Save it from Excel as .xlsx or CSV.', ['HTML']);
    }
    if (start.startsWith('<?xml') || /\.xml$/i.test(fileName)) return 'spreadsheetml'; // its parser gives the precise reason
  }
  return 'csv';
}
