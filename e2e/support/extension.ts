// Loads the built extension (.output/chrome-mv3, from `npm run build:test`) into Debian's Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer';

export const EXTENSION_DIR = resolve(process.env.LEADCLIP_EXTENSION_DIR ?? '.output/chrome-mv3');
/** The shipped store build (`npm run build:store-e2e`), built beside the test build. */
export const STORE_EXTENSION_DIR = resolve('.output/store/chrome-mv3');

export interface LaunchOptions {
  lang?: 'en' | 'pl';
  /** The browser's preferred languages (navigator.languages, Accept-Language), from which LeadClip
   * picks the default country on install. The suite's rep works in Poland (PL) unless a test says
   * otherwise; headless Chromium would say en-US whatever --lang is. */
  locales?: string;
  args?: string[];
  /** Another build to load (the store build, say); EXTENSION_DIR by default. */
  extensionDir?: string;
}

export interface ExtensionHarness {
  browser: Browser;
  extensionId: string;
  /** The profile folder (the browser's own files: IndexedDB, extension storage). */
  userDataDir: string;
  /** chrome-extension://ID/<path> */
  pageUrl(path: string): string;
  /** Opens the popup as a page (Puppeteer cannot click the toolbar button). */
  openPopup(tabId?: number): Promise<Page>;
  openOptions(hash?: string): Promise<Page>;
  /** The running service worker (a fresh handle: old ones die when the worker stops). */
  worker(): Promise<WebWorker>;
  /** Stops the service worker the way Chrome does when it is idle. */
  stopServiceWorker(): Promise<void>;
  /** The tab id Chrome gave a page (for popup.html?tabId=N). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'leadclip-e2e-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    enableExtensions: true,
    userDataDir,
    pipe: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
      `--lang=${options.lang ?? 'en'}`,
      `--accept-lang=${options.locales ?? 'pl-PL,pl,en-US,en'}`,
      `--disable-extensions-except=${options.extensionDir ?? EXTENSION_DIR}`, `--load-extension=${options.extensionDir ?? EXTENSION_DIR}`,
      ...(options.args ?? []),
    ],
    env: { ...process.env, LANGUAGE: options.lang ?? 'en' },
  });
  const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
  const extensionId = new URL(sw.url()).host;
  const pageUrl = (path: string) => `chrome-extension://${extensionId}/${path}`;
  // A fresh profile is a fresh install, so LeadClip opens its welcome tab (issue #16). Wait for it:
  // coming up over a test's first page, it would leave that page hidden, without animation frames.
  await browser.waitForTarget((t) => t.url() === pageUrl('welcome.html'), { timeout: 20_000 });

  async function openPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(pageUrl(path), { waitUntil: 'domcontentloaded' });
    return page;
  }

  async function worker(): Promise<WebWorker> {
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
      { timeout: 20_000 },
    );
    const w = await target.worker();
    if (!w) throw new Error('service worker target has no worker');
    return w;
  }

  return {
    browser,
    extensionId,
    userDataDir,
    pageUrl,
    openPopup: (tabId) => openPage(tabId === undefined ? 'popup.html' : `popup.html?tabId=${tabId}`),
    openOptions: (hash = '') => openPage(`options.html${hash}`),
    worker,
    async stopServiceWorker() {
      const page = await openPage('popup.html?stop=1');
      const cdp = await page.createCDPSession();
      const stopped = new Promise<void>((resolve) => {
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'stopped')) resolve();
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      // Wait until Chrome reports the worker stopped, so a test really exercises a restart.
      await Promise.race([stopped, new Promise((_, reject) => setTimeout(() => reject(new Error('service worker did not stop')), 10_000))]);
      await cdp.detach();
      await page.close();
    },
    async tabIdOf(page) {
      const url = page.url();
      const w = await worker();
      const id = await w.evaluate(async (u) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t) => t.url === u)?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`no tab with url ${url}`);
      return id;
    },
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
