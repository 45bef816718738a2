// A bare Chromium for evaluation: page scripts off, every request but local files refused, so
// third-party pages run none of their own code and reach no network.
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
    if (req.isNavigationRequest() && (u.startsWith('file:') || u.startsWith('data:') || u.startsWith('about:'))) void req.continue();
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
