// The entries of a zip as SheetJS (@e965/xlsx 0.20.3, cfb's parse_zip) will read them: it finds
// the last end-of-directory signature, walks the central directory, then trusts each LOCAL header
// for the method, sizes, name and where the data starts, and inflates until the deflate stream
// ends. A hostile file can make the two headers disagree (directory "stored, 100 bytes", local
// "deflate"), so we read both and refuse any disagreement, a hidden gap or an overlap (issue #18).
import { ImportError } from './import-error';
import { importLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** The local header. */
  offset: number;
  /** Where the bytes the parser inflates (or copies) start and, by the agreed size, end. */
  dataStart: number;
  dataEnd: number;
  /** Past the data descriptor, when there is one. */
  end: number;
}

/** How the central directory and the local header each describe an entry, when they disagree. */
export class ZipHeaderMismatch extends Error {
  constructor(
    readonly entry: ZipEntry,
    /** The local header's compressed size, what the parser believes. */
    readonly localCompressedSize: number,
    /** The local header's method, what the parser uses. */
    readonly localMethod: number,
    /** Where the central directory starts: the parser inflates up to the stream's end, at most this far. */
    readonly directoryStart: number,
  ) {
    super(`${entry.name}: the directory and the local header disagree`);
  }
}

export const zipCorrupt = (why: string) => new ImportError('zip_corrupt', `The workbook is damaged (${why}).`, [why]);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** Flags: 1 encrypted, 8 sizes in a data descriptor, 0x40 strong encryption, 0x2000 masked headers. */
const ENCRYPTED = 0x2041;
const HAS_DESCRIPTOR = 8;
const ZIP64_EXTRA = 0x0001;

function hasZip64Extra(v: DataView, at: number, len: number): boolean {
  for (let p = at; p + 4 <= at + len; p += 4 + v.getUint16(p + 2, true)) if (v.getUint16(p, true) === ZIP64_EXTRA) return true;
  return false;
}

const latin1 = (b: Uint8Array) => String.fromCharCode(...b);

/**
 * Lists the entries the parser will read, checked: every entry's directory record and local
 * header agree, entries follow each other with no gap or overlap from the first byte to the
 * directory. Throws ZipHeaderMismatch when the two headers of an entry disagree (the caller
 * decides if it is a bomb), ImportError otherwise.
 */
export function listZipEntries(b: Uint8Array): ZipEntry[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The last signature in the file, searched the way the parser does (not only in the last 64 kB).
  let eocd = -1;
  for (let i = b.length - 4; i >= 0; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0 || eocd + 22 > b.length || v.getUint32(eocd, true) !== EOCD) throw zipCorrupt('no zip directory');
  const count = v.getUint16(eocd + 8, true); // the parser counts this disk's entries...
  if (count !== v.getUint16(eocd + 10, true)) throw zipCorrupt('split archive'); // ...we also want the total to agree
  if (count > importLimits.maxZipEntries) throw new ImportError('zip_bomb', `The workbook holds ${count} files; the limit is ${importLimits.maxZipEntries}.`, [String(count)]);
  const directoryStart = v.getUint32(eocd + 16, true);
  if (directoryStart > eocd) throw zipCorrupt('bad directory offset');
  const entries: ZipEntry[] = [];
  let p = directoryStart;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || v.getUint32(p, true) !== CENTRAL) throw zipCorrupt('bad directory entry');
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen + commentLen > eocd) throw zipCorrupt('bad directory entry');
    // Excel never writes ZIP64 and our size limit keeps us far below it; the parser would take
    // its sizes from the extra field instead of the headers.
    if (hasZip64Extra(v, p + 46 + nameLen, extraLen)) throw zipCorrupt('ZIP64 entry');
    const central = {
      flags: v.getUint16(p + 8, true),
      method: v.getUint16(p + 10, true),
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      offset: v.getUint32(p + 42, true),
      rawName: latin1(b.subarray(p + 46, p + 46 + nameLen)),
    };
    entries.push(readLocal(b, v, central, directoryStart));
    p += 46 + nameLen + extraLen + commentLen;
  }
  // Entry after entry, from the first byte to the directory: nothing hidden, nothing shared.
  let at = 0;
  for (const e of [...entries].sort((x, y) => x.offset - y.offset)) {
    if (e.offset !== at) throw zipCorrupt(e.offset < at ? 'entries overlap' : 'hidden data between entries');
    at = e.end;
  }
  if (at !== directoryStart) throw zipCorrupt('hidden data before the directory');
  return entries;
}

interface CentralRecord {
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  rawName: string;
}

function readLocal(b: Uint8Array, v: DataView, c: CentralRecord, directoryStart: number): ZipEntry {
  const o = c.offset;
  if (o + 30 > directoryStart || v.getUint32(o, true) !== LOCAL) throw zipCorrupt('bad local header');
  const flags = v.getUint16(o + 6, true);
  const method = v.getUint16(o + 8, true);
  const compressedSize = v.getUint32(o + 18, true);
  const size = v.getUint32(o + 22, true);
  const nameLen = v.getUint16(o + 26, true);
  const extraLen = v.getUint16(o + 28, true);
  const dataStart = o + 30 + nameLen + extraLen;
  if (dataStart > directoryStart) throw zipCorrupt('bad local header');
  if (hasZip64Extra(v, o + 30 + nameLen, extraLen)) throw zipCorrupt('ZIP64 entry');
  const rawName = latin1(b.subarray(o + 30, o + 30 + nameLen));
  const name = new TextDecoder().decode(b.subarray(o + 30, o + 30 + nameLen)).replace(/\\/g, '/');
  const entry: ZipEntry = {
    name,
    method: c.method,
    flags: c.flags,
    compressedSize: c.compressedSize,
    size: c.size,
    offset: o,
    dataStart,
    dataEnd: dataStart + c.compressedSize,
    end: dataStart + c.compressedSize,
  };
  if ((flags | c.flags) & ENCRYPTED) throw new ImportError('legacy_encrypted', 'The workbook is password-protected. Remove the password in Excel and try again.', []);
  // A deflated entry with a data descriptor may leave local sizes at zero (Java, LibreOffice);
  // the descriptor, checked below, then carries them.
  const later = flags & HAS_DESCRIPTOR && method === 8;
  const same = (local: number, central: number) => local === central || (later && local === 0);
  const agree =
    method === c.method &&
    (flags & HAS_DESCRIPTOR) === (c.flags & HAS_DESCRIPTOR) &&
    rawName === c.rawName &&
    same(compressedSize, c.compressedSize) &&
    same(size, c.size);
  if (!agree) throw new ZipHeaderMismatch(entry, compressedSize, method, directoryStart);
  if (entry.dataEnd > directoryStart) throw zipCorrupt(`${name} is cut short`);
  if (flags & HAS_DESCRIPTOR) entry.end = readDescriptor(v, entry, directoryStart);
  return entry;
}

/** The data descriptor after the data must repeat the directory's sizes; returns where it ends. */
function readDescriptor(v: DataView, e: ZipEntry, directoryStart: number): number {
  let p = e.dataEnd;
  if (p + 4 <= directoryStart && v.getUint32(p, true) === DESCRIPTOR) p += 4;
  if (p + 12 > directoryStart) throw zipCorrupt(`${e.name} has no data descriptor`);
  if (v.getUint32(p + 4, true) !== e.compressedSize || v.getUint32(p + 8, true) !== e.size) throw zipCorrupt(`${e.name} has a wrong data descriptor`);
  return p + 12;
}
