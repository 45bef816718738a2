// A bare Chromium for evaluation: page scripts off, every request but local files refused, so
// third-party pages run none of their own code and reach no network.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import type { Extraction } from '../../lib/extract/types';

export async function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function preparePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const u = req.url();
    if (req.isNavigationRequest() && (u.startsWith('http://127.0.0.1:') || u.startsWith('data:') || u.startsWith('about:'))) void req.continue();
    else void req.abort();
  });
  return page;
}

/** Runs the bundled extractor in the page and returns its result (and how long it took). */
export async function runExtractor(page: Page, bundle: string, url?: string): Promise<{ result: Extraction; ms: number }> {
  return page.evaluate(
    (code, pageUrl) => {
      const g = globalThis as unknown as { LeadClipExtract?: { extractPage: (d: Document, u: string) => Extraction } };
      if (!g.LeadClipExtract) (0, eval)(code);
      const t0 = performance.now();
      const result = g.LeadClipExtract!.extractPage(document, pageUrl ?? location.href);
      return { result, ms: performance.now() - t0 };
    },
    bundle,
    url ?? null,
  );
}

/**
 * Serves fixture files from `root` on 127.0.0.1. Meta refreshes are dropped so a saved page
 * stays put instead of redirecting to its live site.
 */
export async function serveFiles(root: string, baseFor: (path: string) => string | undefined = () => undefined): Promise<{ url(file: string): string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      let html = (await readFile(join(root, path), 'utf8')).replace(/<meta[^>]+http-equiv=["']?refresh[^>]*>/gi, '');
      const base = baseFor(path);
      if (base && !/<base\s/i.test(html)) html = `<base href="${base}">${html}`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (file) => `http://127.0.0.1:${port}/${file.split('/').map(encodeURIComponent).join('/')}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
