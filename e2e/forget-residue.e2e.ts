// Issue #18, finding 8: what "forget this person" can and cannot promise about the disk.
// IndexedDB deletes are appended to LevelDB's log; the old bytes stay in the browser's files until
// Chromium compacts them, which an extension cannot force (overwriting first adds one more version
// and removes nothing). What docs/security.md and the Privacy page say instead, checked here on
// the profile's real files: the copy is there after forgetting, and gone once LeadClip is removed.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchExtension } from './support/extension';
import { message } from './support/messages';

/** Files under the profile's storage folders that contain `marker` (as UTF-8 or UTF-16LE, both of which IndexedDB uses). */
async function filesHolding(userDataDir: string, marker: string): Promise<string[]> {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  const hits: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else {
        const bytes = await readFile(path).catch(() => Buffer.alloc(0));
        if (needles.some((n) => bytes.includes(n))) hits.push(path.slice(userDataDir.length));
      }
    }
  };
  await walk(join(userDataDir, 'Default'));
  return hits;
}

describe('forget this person, on disk', () => {
  it('a forgotten name stays in the browser\'s database log until compaction; removing LeadClip deletes it', async () => {
    const ext = await launchExtension();
    try {
      const marker = `Residua${Date.now()}`;
      const { lead } = await message<{ lead: { id: string } }>(ext, 'leads/save', { lead: { subject: 'Targi', lastname: marker, emailaddress1: 'residua@klient.example' } });
      await message(ext, 'privacy/forget', { id: lead.id });
      // Through every API LeadClip has, the person is gone.
      expect(await message<{ leads: unknown[] }>(ext, 'privacy/person', { email: 'residua@klient.example' })).toEqual({ leads: [] });
      // The profile's files were written (the witness can see the extension's own database).
      const extensionStorage = (await readdir(join(ext.userDataDir, 'Default', 'IndexedDB'))).filter((d) => d.includes(ext.extensionId));
      expect(extensionStorage.length).toBeGreaterThan(0);

      // On disk, the name is still in the database's log: what the Privacy page warns about. If
      // Chromium ever wipes on delete, this fails: update docs/security.md and privacy_forget_*.
      expect((await filesHolding(ext.userDataDir, marker)).some((f) => f.includes(ext.extensionId))).toBe(true);

      // Removing the extension, as the rep would from chrome://extensions.
      const worker = await ext.worker();
      void worker.evaluate(() => chrome.management.uninstallSelf({ showConfirmDialog: false })).catch(() => undefined);
      // Chromium deletes the extension's storage in the background: wait for it, then look.
      const gone = async () => (await readdir(join(ext.userDataDir, 'Default', 'IndexedDB'))).every((d) => !d.includes(ext.extensionId));
      for (let i = 0; !(await gone()) && i < 300; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await gone()).toBe(true);
      expect(await filesHolding(ext.userDataDir, marker)).toEqual([]);
    } finally {
      await ext.close();
    }
  }, 120_000);
});
