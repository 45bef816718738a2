// Checks an .xlsx (a zip) before SheetJS sees it: entry count, the size every entry really
// inflates to (declared sizes can lie, so we inflate with a cap and stop early), the compression
// ratio of a zip bomb, and every XML part for a DOCTYPE/entity declaration or an encoding such
// as UTF-7. SheetJS never expands entities either, but a refused file is clearer than a
// half-read one, and the check costs one extra inflate.
import { detectBom, detectWideEncoding, decodeWith } from './decode-text';
import { ImportError } from './import-error';
import { formatBytes, importLimits } from './limits';
import { declaredXmlEncoding } from './safe-xml';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  flags: number;
}

const corrupt = (why: string) => new ImportError('zip_corrupt', `The workbook is damaged (${why}).`, [why]);

/** Lists entries from the central directory. */
export function listZipEntries(b: Uint8Array): ZipEntry[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory: last 22..65557 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no zip directory');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  if (count > importLimits.maxZipEntries) throw new ImportError('zip_bomb', `The workbook holds ${count} files; the limit is ${importLimits.maxZipEntries}.`, [String(count)]);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || v.getUint32(p, true) !== 0x02014b50) throw corrupt('bad directory entry');
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const compressedSize = v.getUint32(p + 20, true);
    const size = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const offset = v.getUint32(p + 42, true);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, '/');
    entries.push({ name, method, compressedSize, size, offset, flags });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (e.offset + 30 > b.length || v.getUint32(e.offset, true) !== 0x04034b50) throw corrupt(`bad local header for ${e.name}`);
  const start = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
  const end = start + e.compressedSize;
  if (end > b.length) throw corrupt(`${e.name} is cut short`);
  return b.subarray(start, end);
}

/** Inflates one entry, stopping as soon as it passes `cap` bytes. */
export async function inflateCapped(data: Uint8Array, method: number, cap: number, name: string): Promise<Uint8Array> {
  if (method === 0) {
    if (data.length > cap) throw bomb(name, cap);
    return data;
  }
  if (method !== 8) throw new ImportError('unsupported_format', `The workbook uses a compression method (${method}) Excel does not write.`, [String(method)]);
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        void reader.cancel();
        throw bomb(name, cap);
      }
      parts.push(value);
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw corrupt(`${name} does not inflate`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const bomb = (name: string, cap: number) =>
  new ImportError('zip_bomb', `The workbook unpacks to more than ${formatBytes(cap)} (${name}); it looks like a zip bomb.`, [formatBytes(cap)]);

/** Refuses DOCTYPE/ENTITY declarations and encodings other than UTF-8/16 in an XML part. */
export function checkXmlPart(name: string, bytes: Uint8Array): void {
  const bom = detectBom(bytes);
  const enc = bom?.encoding ?? detectWideEncoding(bytes) ?? 'utf-8';
  const text = decodeWith(bytes, enc, bom?.bomLength ?? 0);
  const declared = declaredXmlEncoding(text.slice(0, 300));
  if (declared && !/^(utf-8|utf8|utf-16(le|be)?|us-ascii)$/.test(declared)) {
    throw new ImportError('xml_encoding', `Part ${name} of the workbook is in ${declared}, which is refused.`, [declared]);
  }
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) {
    throw new ImportError('xml_dtd', `Part ${name} of the workbook declares a DOCTYPE or entities; such files are refused for safety.`, [name]);
  }
}

export interface ZipCheck {
  entries: ZipEntry[];
  unzippedBytes: number;
}

/** Runs every check; throws ImportError on the first problem. */
export async function checkXlsxZip(b: Uint8Array, signal?: AbortSignal): Promise<ZipCheck> {
  const entries = listZipEntries(b);
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '').toLowerCase()));
  if (!names.has('[content_types].xml')) throw new ImportError('not_a_workbook', 'This zip file is not an Excel workbook.', []);
  let total = 0;
  for (const e of entries) {
    if (signal?.aborted) throw new ImportError('cancelled', 'Import cancelled.');
    if (e.name.endsWith('/')) continue;
    if (e.flags & 1) throw new ImportError('legacy_encrypted', 'The workbook is password-protected. Remove the password in Excel and try again.', []);
    const budget = importLimits.maxUnzippedBytes - total;
    const cap = Math.min(budget, Math.max(1024 * 1024, e.compressedSize * importLimits.maxZipRatio));
    const data = await inflateCapped(entryData(b, e), e.method, cap, e.name);
    total += data.length;
    if (/\.(xml|rels|vml)$/i.test(e.name)) checkXmlPart(e.name, data);
  }
  return { entries, unzippedBytes: total };
}
