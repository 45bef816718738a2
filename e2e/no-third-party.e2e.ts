// Issue #8: no telemetry, no third-party calls. Every page of the extension (popup, options and
// each of its routes, any other HTML page it ships) and its service worker are exercised with a
// network witness attached; any request to anything but 127.0.0.1 fails the test.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { isAllowed, netLogArgs, netLogRequests, recordCdp } from './support/network-recorder';
import { startServer, type TestServer } from './support/server';

const richPage = `<!doctype html><html lang="pl"><head><title>Klient SA – kontakt</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Zofia Wiśniewska","email":"zofia@klient.example","jobTitle":"Dyrektor","worksFor":{"@type":"Organization","name":"Klient SA","url":"https://www.klient.example","logo":"https://cdn.klient.example/logo.png"}}</script>
</head><body><div class="h-card"><span class="p-name">Zofia Wiśniewska</span> <a class="u-email" href="mailto:zofia@klient.example">zofia@klient.example</a>
<a class="u-url" href="https://www.klient.example">www</a> tel. +48 22 123 45 67</div></body></html>`;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runSession(ext: ExtensionHarness, server: TestServer, recorder: ReturnType<typeof recordCdp>) {
  // Data that tempts a page into fetching: websites, addresses, a note with a link.
  const seeded = await message<{ lead: { id: string } }>(ext, 'leads/save', {
    lead: {
      subject: 'Targi', firstname: 'Zofia', lastname: 'Wiśniewska', emailaddress1: 'zofia@klient.example', websiteurl: 'https://www.klient.example',
      companyname: 'Klient SA', donotemail: true,
      timeline: [{ kind: 'note', id: crypto.randomUUID(), createdAt: new Date().toISOString(), notetext: 'Zobacz https://www.klient.example/oferta' }],
    },
  });
  const id = seeded.lead.id;

  const site = await ext.browser.newPage();
  await recorder.settle();
  await site.goto(server.url('/kontakt'), { waitUntil: 'networkidle0' });
  const tabId = await ext.tabIdOf(site);

  // Every HTML page the extension ships, then every options route its navigation offers.
  const htmlPages = (await readdir(EXTENSION_DIR)).filter((f) => f.endsWith('.html'));
  const visited: string[] = [];
  const visit = async (path: string) => {
    const page = await ext.browser.newPage();
    await recorder.settle();
    await page.goto(ext.pageUrl(path), { waitUntil: 'networkidle0' });
    await wait(300);
    visited.push(path);
    return page;
  };
  for (const f of htmlPages) await (await visit(f)).close();
  const popup = await visit(`popup.html?tabId=${tabId}`);
  await popup.close();
  const options = await visit('options.html');
  const routes = await options.$$eval('nav a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')!));
  await options.close();
  for (const r of [...routes, `#/lead/${id}`]) {
    const page = await visit(`options.html${r}`);
    if (r === '#/privacy') {
      await page.type('[name="personEmail"]', 'zofia@klient.example');
      await page.click('[data-action="find-person"]');
      await page.waitForSelector('[data-testid="person-requests"] [data-lead-id]');
    }
    await page.close();
  }

  // The worker's own jobs (its start-up is in the NetLog from launch on; an attached CDP session
  // keeps a worker alive, so it is not stopped here).
  const worker = await ext.worker();
  await worker.evaluate(() => chrome.alarms.create('leadclip-privacy-retention', { when: Date.now() + 50, periodInMinutes: 60 }));
  await wait(1000);
  await message(ext, 'leads/list');
  await site.close();
  return { visited, routes };
}

describe('no telemetry, no third-party calls', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({ '/kontakt': richPage });
    dir = await mkdtemp(join(tmpdir(), 'leadclip-netlog-'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the witnesses see a forbidden request when one is made (control)', async () => {
    const log = join(dir, 'control.json');
    const ext = await launchExtension({ args: netLogArgs(log) });
    const recorder = recordCdp(ext.browser);
    await recorder.settle();
    const page = await ext.openOptions('#/privacy');
    await recorder.settle();
    await page.evaluate(() => fetch('https://canary-page.example/x').catch(() => undefined));
    // The CSP stops a remote image (a tracking pixel in a lead's notes, say) before any request.
    const blocked = await page.evaluate(() => new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`));
      const img = document.createElement('img');
      img.src = 'https://pixel.example/p.gif';
      document.body.append(img);
    }));
    expect(blocked).toBe('img-src https://pixel.example/p.gif');
    await (await ext.worker()).evaluate(() => fetch('https://canary-worker.example/y').then(() => undefined, () => undefined));
    await wait(500);
    await ext.close();
    const fromLog = (await netLogRequests(log, [`chrome-extension://${ext.extensionId}`])).map((r) => r.url);
    expect(fromLog).toEqual(expect.arrayContaining(['https://canary-page.example/x', 'https://canary-worker.example/y']));
    expect(recorder.requests.map((r) => r.url)).toEqual(expect.arrayContaining(['https://canary-page.example/x', 'https://canary-worker.example/y']));
    // The pixel never reached the network; CDP saw it stopped by the CSP.
    expect(fromLog.filter((u) => u.includes('pixel.example'))).toEqual([]);
    expect(recorder.requests.filter((r) => r.url.includes('pixel.example')).map((r) => r.blocked)).toEqual(['csp']);
  });

  it('no page or worker of the extension requests anything but 127.0.0.1', async () => {
    const log = join(dir, 'run.json');
    const ext = await launchExtension({ args: netLogArgs(log) });
    const recorder = recordCdp(ext.browser);
    await recorder.settle();
    const { visited, routes } = await runSession(ext, server, recorder);
    await ext.close();

    expect(routes).toEqual(expect.arrayContaining(['#/leads', '#/privacy']));
    expect(visited.length).toBeGreaterThanOrEqual(routes.length + 3);
    expect(recorder.attached.some((a) => a.type === 'service_worker')).toBe(true);
    // The page witness was listening: it saw the test page load from 127.0.0.1.
    expect(recorder.requests.some((r) => r.url === server.url('/kontakt'))).toBe(true);

    const cdpBad = recorder.requests.filter((r) => !isAllowed(r.url, ext.extensionId));
    expect(cdpBad).toEqual([]);
    // NetLog: anything the extension, or a content script in the test page, asked for.
    const fromLog = await netLogRequests(log, [`chrome-extension://${ext.extensionId}`, server.origin]);
    expect(fromLog.length).toBeGreaterThan(0);
    expect(fromLog.filter((r) => !isAllowed(r.url, ext.extensionId))).toEqual([]);
  });
});
