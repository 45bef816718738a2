// Checks an .xlsx (a zip) before SheetJS sees it, reading the entries SheetJS will read
// (zip-entries.ts: the local headers, checked against the directory): entry count, the size every entry really
// inflates to (declared sizes can lie, so we inflate with a cap and stop early), the compression
// ratio of a zip bomb, and every XML part for a DOCTYPE/entity declaration or an encoding such
// as UTF-7. SheetJS never expands entities either, but a refused file is clearer than a
// half-read one, and the check costs one extra inflate.
import { detectBom, detectWideEncoding, decodeWith } from './decode-text';
import { ImportError } from './import-error';
import { formatBytes, importLimits } from './limits';
import { declaredXmlEncoding } from './safe-xml';
import { listZipEntries, zipCorrupt as corrupt, ZipHeaderMismatch, type ZipEntry } from './zip-entries';

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
  /** The same workbook with UTF-16 XML parts turned into UTF-8 (SheetJS reads only UTF-8), when any were. */
  utf8Copy?: Uint8Array;
}

const isUtf16 = (b: Uint8Array) => {
  const enc = detectBom(b)?.encoding ?? detectWideEncoding(b);
  return enc === 'utf-16le' || enc === 'utf-16be';
};

let crcTable: Uint32Array | undefined;
function crc32(b: Uint8Array): number {
  const t = (crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  }));
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = t[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipFileInput {
  name: string;
  /** The bytes as stored: raw for method 0, already deflated for method 8. */
  data: Uint8Array;
  method?: 0 | 8;
  /** Uncompressed size and CRC, for method 8 (tests build bombs with it). */
  size?: number;
  crc?: number;
}

/** A zip of the given files (stored unless told otherwise). */
export function writeStoredZip(files: readonly ZipFileInput[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = enc.encode(f.name);
    const method = f.method ?? 0;
    const crc = f.crc ?? crc32(f.data);
    const size = f.size ?? f.data.length;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, f.data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, f.data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, f.data);
    centrals.push(central);
    offset += local.length + f.data.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** How much one entry may inflate to: a ratio of what it packs, within what is left of the total. */
const inflateCap = (compressedSize: number, inflatedSoFar: number) =>
  Math.min(importLimits.maxUnzippedBytes - inflatedSoFar, Math.max(1024 * 1024, compressedSize * importLimits.maxZipRatio));

/**
 * An entry whose two headers disagree is refused. The parser would follow the local header and
 * inflate until the stream ends, so inflate that (capped) first: a bomb is named as one.
 */
async function refuseMismatch(b: Uint8Array, m: ZipHeaderMismatch): Promise<never> {
  const { entry: e } = m;
  if (m.localMethod === 8) {
    const cap = inflateCap(Math.min(e.compressedSize, m.localCompressedSize), 0);
    await inflateCapped(b.subarray(e.dataStart, m.directoryStart), 8, cap, e.name).catch((err: unknown) => {
      if (err instanceof ImportError && err.code === 'zip_bomb') throw err;
    });
  }
  throw corrupt(`${e.name} is described two different ways`);
}

/** Runs every check; throws ImportError on the first problem. */
export async function checkXlsxZip(b: Uint8Array, signal?: AbortSignal): Promise<ZipCheck> {
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(b);
  } catch (err) {
    if (err instanceof ZipHeaderMismatch) await refuseMismatch(b, err);
    throw err;
  }
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '').toLowerCase()));
  if (!names.has('[content_types].xml')) throw new ImportError('not_a_workbook', 'This zip file is not an Excel workbook.', []);
  let total = 0;
  const files: { name: string; data: Uint8Array }[] = [];
  let hasUtf16 = false;
  for (const e of entries) {
    if (signal?.aborted) throw new ImportError('cancelled', 'Import cancelled.');
    if (e.name.endsWith('/')) continue;
    if (e.flags & 1) throw new ImportError('legacy_encrypted', 'The workbook is password-protected. Remove the password in Excel and try again.', []);
    const cap = inflateCap(e.compressedSize, total);
    const data = await inflateCapped(b.subarray(e.dataStart, e.dataEnd), e.method, cap, e.name);
    // The declared size is what the parser sizes its buffer by; a real writer never gets it wrong.
    if (data.length !== e.size) throw corrupt(`${e.name} is not the size it claims`);
    total += data.length;
    let part = data;
    if (/\.(xml|rels|vml)$/i.test(e.name)) {
      checkXmlPart(e.name, data);
      if (isUtf16(data)) {
        hasUtf16 = true;
        const bom = detectBom(data);
        const text = decodeWith(data, bom?.encoding ?? detectWideEncoding(data)!, bom?.bomLength ?? 0);
        part = new TextEncoder().encode(text.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])utf-16(?:le|be)?(["'])/i, '$1UTF-8$2'));
      }
    }
    files.push({ name: e.name, data: part });
  }
  return { entries, unzippedBytes: total, utf8Copy: hasUtf16 ? writeStoredZip(files) : undefined };
}
