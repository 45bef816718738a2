// Reads the file a click downloads: Chromium saves it into a fresh folder the test then reads.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';

export async function downloadText(page: Page, click: () => Promise<void>, ext = '.csv'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'leadclip-dl-'));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder });
  await click();
  let files: string[] = [];
  for (let i = 0; i < 50 && !files.some((f) => f.endsWith(ext)); i++) {
    await new Promise((r) => setTimeout(r, 100));
    files = await readdir(folder);
  }
  const file = files.find((f) => f.endsWith(ext));
  if (!file) throw new Error(`no ${ext} file was downloaded`);
  return readFile(join(folder, file), 'utf8');
}
