// Zips built byte by byte whose two descriptions of an entry disagree (issue #18, finding 3).
// SheetJS walks the central directory but trusts each local header and inflates until the deflate
// stream ends, so the guard must read the same bytes, and inflate them with a cap.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table';

const enc = (s: string) => new TextEncoder().encode(s);

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

interface Header {
  method: number;
  flags?: number;
  compressedSize: number;
  size: number;
}
interface HandEntry {
  name: string;
  /** The bytes after the local header, as they are in the file. */
  data: Uint8Array;
  local: Header;
  /** Absent: the entry is only in the local headers, the directory never mentions it. */
  central?: Header;
  /** Bytes written after the data (a data descriptor). */
  trailer?: Uint8Array;
}

const stored = (name: string, data: Uint8Array): HandEntry => {
  const h = { method: 0, compressedSize: data.length, size: data.length };
  return { name, data, local: h, central: h };
};

/** A zip, written by hand so each header can say what a hostile file wants it to say. */
function handZip(entries: readonly HandEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, e.local.flags ?? 0, true);
    lv.setUint16(8, e.local.method, true);
    lv.setUint32(18, e.local.compressedSize, true);
    lv.setUint32(22, e.local.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    if (e.central) {
      const central = new Uint8Array(46 + name.length);
      const cv = new DataView(central.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, 20, true);
      cv.setUint16(6, 20, true);
      cv.setUint16(8, e.central.flags ?? 0, true);
      cv.setUint16(10, e.central.method, true);
      cv.setUint32(20, e.central.compressedSize, true);
      cv.setUint32(24, e.central.size, true);
      cv.setUint16(28, name.length, true);
      cv.setUint32(42, offset, true);
      central.set(name, 46);
      centrals.push(central);
    }
    const trailer = e.trailer ?? new Uint8Array(0);
    parts.push(local, e.data, trailer);
    offset += local.length + e.data.length + trailer.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...centrals, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const contentTypes = stored(
  '[Content_Types].xml',
  enc(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ),
);
const workbookParts = [
  contentTypes,
  stored('_rels/.rels', enc('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')),
  stored('xl/workbook.xml', enc('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>')),
  stored('xl/_rels/workbook.xml.rels', enc('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')),
];
const sheetXml = (cell: string) =>
  enc(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${cell}</t></is></c></row></sheetData></worksheet>`);

/**
 * A workbook whose sheet is deflated while the directory calls it stored, at its packed size. Both
 * headers give the inflated size as 0, so SheetJS grows its buffer for as long as the stream runs.
 */
async function directorySaysStored(sheet: Uint8Array): Promise<Uint8Array> {
  const packed = await deflate(sheet);
  const small = { method: 0, compressedSize: packed.length, size: 0 };
  return handZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', data: packed, local: { ...small, method: 8 }, central: small }]);
}

/** 40 MB of zeros packed into about 40 kB: far past the 1 MB an entry that small may inflate to. */
const bombPayload = async () => deflate(new Uint8Array(40 * 1024 * 1024));

describe('zip guard against headers that disagree', () => {
  it('the trick is real: SheetJS inflates what the local header says, whatever the directory says', async () => {
    const wb = XLSX.read(await directorySaysStored(sheetXml('Ada Lovelace')), { type: 'array' });
    expect(wb.Sheets.Leads.A1.v).toBe('Ada Lovelace');
  });

  it('refuses a bomb the directory calls stored and the local header deflates, as a zip bomb', async () => {
    const zip = await directorySaysStored(new Uint8Array(40 * 1024 * 1024));
    expect(zip.length).toBeLessThan(100_000);
    await expect(readTable(zip, { fileName: 'bomb.xlsx' })).rejects.toMatchObject({ code: 'zip_bomb' });
  });

  it('refuses a small workbook whose headers disagree, as damaged, with nothing imported', async () => {
    await expect(readTable(await directorySaysStored(sheetXml('Ada')), { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'zip_corrupt' });
  });

  it('refuses sizes that differ between the local header and the directory', async () => {
    const packed = await bombPayload();
    const honest = { method: 8, compressedSize: packed.length, size: 40 * 1024 * 1024 };
    const lying = { method: 8, compressedSize: packed.length, size: 1000 };
    const zip = handZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', data: packed, local: honest, central: lying }]);
    await expect(readTable(zip, { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'zip_bomb' });
    const small = await deflate(sheetXml('Ada'));
    const both = { method: 8, compressedSize: small.length, size: sheetXml('Ada').length };
    const zip2 = handZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', data: small, local: { ...both, compressedSize: small.length - 3 }, central: both }]);
    await expect(readTable(zip2, { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'zip_corrupt' });
    // Both headers agree on an inflated size the data never reaches: SheetJS would allocate it up front.
    const huge = { ...both, size: 200 * 1024 * 1024 };
    const zip3 = handZip([...workbookParts, { name: 'xl/worksheets/sheet1.xml', data: small, local: huge, central: huge }]);
    await expect(readTable(zip3, { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'zip_corrupt' });
  });

  it('reads the data descriptor as the parser does: a stored directory entry cannot hide a deflated bomb behind it', async () => {
    const packed = await bombPayload();
    const descriptor = new Uint8Array(16);
    const dv = new DataView(descriptor.buffer);
    dv.setUint32(0, 0x08074b50, true); // with its signature SheetJS only warns about wrong sizes
    dv.setUint32(8, packed.length, true);
    dv.setUint32(12, packed.length, true);
    const small = { method: 0, compressedSize: packed.length, size: packed.length };
    const zip = handZip([
      ...workbookParts,
      { name: 'xl/worksheets/sheet1.xml', data: packed, local: { method: 8, flags: 8, compressedSize: 0, size: 0 }, central: { ...small, flags: 8 }, trailer: descriptor },
    ]);
    await expect(readTable(zip, { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'zip_bomb' });
  });

  it('still reads an honest data descriptor (sizes left at zero in the local header)', async () => {
    const sheet = sheetXml('Ada Lovelace');
    const packed = await deflate(sheet);
    const descriptor = new Uint8Array(16);
    const dv = new DataView(descriptor.buffer);
    dv.setUint32(0, 0x08074b50, true);
    dv.setUint32(8, packed.length, true);
    dv.setUint32(12, sheet.length, true);
    const zip = handZip([
      ...workbookParts,
      { name: 'xl/worksheets/sheet1.xml', data: packed, local: { method: 8, flags: 8, compressedSize: 0, size: 0 }, central: { method: 8, flags: 8, compressedSize: packed.length, size: sheet.length }, trailer: descriptor },
    ]);
    const table = await readTable(zip, { fileName: 'a.xlsx' });
    expect(table.headers).toEqual(['Ada Lovelace']);
  });

  it('refuses entries hidden from the directory, and entries that share bytes', async () => {
    const packed = await bombPayload();
    const hidden = { method: 8, compressedSize: packed.length, size: 40 * 1024 * 1024 };
    const withHidden = handZip([...workbookParts, stored('xl/worksheets/sheet1.xml', sheetXml('Ada')), { name: 'xl/worksheets/sheet2.xml', data: packed, local: hidden }]);
    await expect(readTable(withHidden, { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'zip_corrupt' });
    // Two directory entries pointing at the same local header (an overlapping bomb's trick).
    const zip = handZip([...workbookParts, stored('xl/worksheets/sheet1.xml', sheetXml('Ada'))]);
    const v = new DataView(zip.buffer);
    const eocd = zip.length - 22;
    const cdStart = v.getUint32(eocd + 16, true);
    const cdSize = v.getUint32(eocd + 12, true);
    const firstLen = 46 + v.getUint16(cdStart + 28, true);
    const dup = new Uint8Array(zip.length + firstLen);
    dup.set(zip.subarray(0, cdStart + cdSize));
    dup.set(zip.subarray(cdStart, cdStart + firstLen), cdStart + cdSize);
    dup.set(zip.subarray(eocd), cdStart + cdSize + firstLen);
    const dv = new DataView(dup.buffer);
    const newEocd = dup.length - 22;
    dv.setUint16(newEocd + 8, v.getUint16(eocd + 8, true) + 1, true);
    dv.setUint16(newEocd + 10, v.getUint16(eocd + 10, true) + 1, true);
    dv.setUint32(newEocd + 12, cdSize + firstLen, true);
    await expect(readTable(dup, { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'zip_corrupt' });
  });

  it('reads an honest hand-built workbook', async () => {
    const table = await readTable(handZip([...workbookParts, stored('xl/worksheets/sheet1.xml', sheetXml('Ada Lovelace'))]), { fileName: 'a.xlsx' });
    expect(table.headers).toEqual(['Ada Lovelace']);
  });
});
