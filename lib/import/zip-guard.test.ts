import { describe, expect, it } from 'vitest';
import { readTable } from './read-table';
import { writeStoredZip } from './zip-guard';

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const enc = (s: string) => new TextEncoder().encode(s);
const contentTypes = { name: '[Content_Types].xml', data: enc('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') };

describe('zip guard', () => {
  it('refuses a zip bomb, and says so, without inflating it all', async () => {
    const zeros = new Uint8Array(40 * 1024 * 1024);
    const packed = await deflate(zeros);
    expect(packed.length).toBeLessThan(100_000);
    // The directory even lies about the size; the guard counts what really comes out.
    const zip = writeStoredZip([contentTypes, { name: 'xl/worksheets/sheet1.xml', data: packed, method: 8, size: 100 }]);
    await expect(readTable(zip, { fileName: 'bomb.xlsx' })).rejects.toMatchObject({ code: 'zip_bomb' });
  });
  it('refuses a zip that is not a workbook, and a damaged one', async () => {
    await expect(readTable(writeStoredZip([{ name: 'a.txt', data: enc('hi') }]), { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'not_a_workbook' });
    const zip = writeStoredZip([contentTypes]);
    await expect(readTable(zip.subarray(0, zip.length - 30), { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'zip_corrupt' });
  });
  it('refuses an entity declared in any part', async () => {
    const zip = writeStoredZip([contentTypes, { name: 'xl/sharedStrings.xml', data: enc('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><sst/>') }]);
    await expect(readTable(zip, { fileName: 'a.xlsx' })).rejects.toMatchObject({ code: 'xml_dtd' });
  });
});
