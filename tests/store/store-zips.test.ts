// Issue #16: `npm run zip` makes store-ready Chrome and Edge zips. Built for real (the same
// `wxt zip`, into a throw-away folder), then read back: a valid MV3 manifest, every icon it names
// present and the size it claims, no source maps, and nothing only the test build may carry.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listZipEntries, type ZipEntry } from '@/lib/import/zip-entries';

/** Strings only the test build's hooks contain (checked below to still exist in the sources). */
const TEST_HOOKS = [
  ['leadclipTest', 'entrypoints/background/index.ts'], // the context menu's handler, for e2e
  ['No test endpoint set.', 'lib/queue/http-test-processor.ts'], // the e2e queue recorder
] as const;

function entryBytes(zip: Uint8Array, e: ZipEntry): Uint8Array {
  const raw = zip.subarray(e.dataStart, e.dataEnd);
  return e.method === 0 ? raw : inflateRawSync(raw);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] | undefined {
  if (png.length < 24 || Buffer.from(png.subarray(1, 4)).toString() !== 'PNG') return undefined;
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [v.getUint32(16), v.getUint32(20)];
}

interface StoreZip { name: string; bytes: number; files: Map<string, Uint8Array> }

describe('the store zips', () => {
  let dir: string;
  const zips: StoreZip[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'leadclip-zip-'));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/tools/store-zips.ts', dir], {
      env: { ...process.env, LEADCLIP_TEST_BUILD: '', LEADCLIP_SANDBOX: '' },
      timeout: 180_000,
    });
    for (const path of JSON.parse(stdout.trim().split('\n').pop()!) as string[]) {
      const zip = new Uint8Array(await readFile(path));
      const files = new Map(listZipEntries(zip).filter((e) => !e.name.endsWith('/')).map((e) => [e.name, entryBytes(zip, e)]));
      zips.push({ name: basename(path), bytes: (await stat(path)).size, files });
    }
    for (const z of zips) console.log(`${z.name}: ${(z.bytes / 1024).toFixed(1)} kB zipped, ${z.files.size} files`);
  }, 240_000);
  afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('one for Chrome and one for Edge', () => {
    expect(zips.map((z) => z.name).sort()).toEqual([expect.stringMatching(/-chrome\.zip$/), expect.stringMatching(/-edge\.zip$/)]);
  });

  it('each holds a valid MV3 manifest with the store icons and the toolbar icon at their paths', () => {
    for (const z of zips) {
      const manifest = JSON.parse(new TextDecoder().decode(z.files.get('manifest.json'))) as {
        manifest_version: number; name: string; version: string; default_locale: string;
        icons: Record<string, string>; action: { default_icon: Record<string, string> }; options_ui: { open_in_tab?: boolean };
      };
      expect(manifest.manifest_version, z.name).toBe(3);
      expect(manifest.version).toMatch(/^\d+(\.\d+){0,3}$/);
      expect(z.files.has(`_locales/${manifest.default_locale}/messages.json`)).toBe(true);
      expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
      for (const [size, path] of [...Object.entries(manifest.icons), ...Object.entries(manifest.action.default_icon)]) {
        expect(pngSize(z.files.get(path) ?? new Uint8Array()), `${z.name}: ${path}`).toEqual([Number(size), Number(size)]);
      }
      expect(manifest.options_ui.open_in_tab).toBe(true);
    }
  });

  it('no source maps, no test hosts, no test hooks', async () => {
    for (const [hook, file] of TEST_HOOKS) expect(await readFile(file, 'utf8'), `${file} no longer has "${hook}": update TEST_HOOKS`).toContain(hook);
    for (const z of zips) {
      const names = [...z.files.keys()];
      expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
      const manifest = JSON.parse(new TextDecoder().decode(z.files.get('manifest.json'))) as { host_permissions?: string[]; optional_host_permissions?: string[] };
      const hosts = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
      expect(hosts.filter((h) => /127\.0\.0\.1|localhost|\[::1\]/.test(h))).toEqual([]);
      for (const name of names.filter((n) => /\.(js|html|css)$/.test(n))) {
        const text = new TextDecoder().decode(z.files.get(name));
        expect(text.includes('sourceMappingURL'), `${z.name}: ${name} points to a source map`).toBe(false);
        for (const [hook] of TEST_HOOKS) expect(text.includes(hook), `${z.name}: ${name} carries the test hook "${hook}"`).toBe(false);
      }
    }
  });
});
