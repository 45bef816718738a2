// Issue #8 and #18: no telemetry, no third-party calls. Every page of the extension (popup,
// options and each of its routes, any other HTML page it ships) and its service worker (alarms
// included) are exercised with two network witnesses attached, in the test build with the sign-in
// flow and a sync to the Dataverse sandbox, and in the shipped store build (`npm run
// build:store-e2e`); any request to anything but 127.0.0.1 fails the test.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, STORE_EXTENSION_DIR, launchExtension, type ExtensionHarness } from './support/extension';
import { message } from './support/messages';
import { isAllowed, netLogArgs, netLogHostsSentTo, netLogRequests, recordCdp } from './support/network-recorder';
import { startServer, type TestServer } from './support/server';
import { connectThroughOptions, openSyncView, waitForRowState } from './support/sync';
import { startSandbox, type Sandbox } from '../tests/sandbox';

const richPage = `<!doctype html><html lang="pl"><head><title>Klient SA – kontakt</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Zofia Wiśniewska","email":"zofia@klient.example","jobTitle":"Dyrektor","worksFor":{"@type":"Organization","name":"Klient SA","url":"https://www.klient.example","logo":"https://cdn.klient.example/logo.png"}}</script>
</head><body><div class="h-card"><span class="p-name">Zofia Wiśniewska</span> <a class="u-email" href="mailto:zofia@klient.example">zofia@klient.example</a>
<a class="u-url" href="https://www.klient.example">www</a> tel. +48 22 123 45 67</div></body></html>`;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runSession(ext: ExtensionHarness, server: TestServer, recorder: ReturnType<typeof recordCdp>, extensionDir = EXTENSION_DIR) {
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
  // The store build may not read tab URLs (no host permission on 127.0.0.1): take the active tab.
  const tabId = await ext.tabIdOf(site).catch(async () => {
    await site.bringToFront();
    return (await ext.worker()).evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
  });
  expect(tabId).toBeGreaterThan(0);

  // Every HTML page the extension ships, then every options route its navigation offers.
  const htmlPages = (await readdir(extensionDir)).filter((f) => f.endsWith('.html'));
  const visited: string[] = [];
  // Every page renders under its policies without being refused anything (no inline style or
  // script the CSP would block).
  const violations: string[] = [];
  // Pages stay open to the end of the session and are closed together once none of them has had a
  // request in flight for 500 ms (networkidle0 for each at once, not one after the other): a page
  // that asks for something late still does so in front of both witnesses.
  const open: Page[] = [];
  const visit = async (path: string) => {
    const page = await ext.browser.newPage();
    open.push(page);
    page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && violations.push(`${path}: ${m.text()}`)));
    await recorder.settle();
    await page.goto(ext.pageUrl(path), { waitUntil: 'load' });
    // The page has drawn itself, and a round trip through it comes back after any console message
    // it logged before (one ordered channel): a refusal by its policy would be among them.
    await page.waitForFunction(() => { const app = document.getElementById('app'); return !app || app.childElementCount > 0; });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    visited.push(path);
    return page;
  };
  expect(htmlPages).toEqual(expect.arrayContaining(['popup.html', 'options.html']));
  for (const f of htmlPages) await visit(f);
  await visit(`popup.html?tabId=${tabId}`);
  const options = await visit('options.html');
  const routes = await options.$$eval('nav a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')!));
  for (const r of [...routes, `#/lead/${id}`]) {
    const page = await visit(`options.html${r}`);
    if (r === '#/privacy') {
      await page.waitForSelector('[name="personEmail"]');
      await page.type('[name="personEmail"]', 'zofia@klient.example');
      await page.click('[data-action="find-person"]');
      await page.waitForSelector('[data-testid="person-requests"] [data-lead-id]');
    }
  }

  // The worker's own jobs (its start-up is in the NetLog from launch on; an attached CDP session
  // keeps a worker alive, so it is not stopped here): each alarm fires, then a message answers.
  const worker = await ext.worker();
  await worker.evaluate(async (names) => {
    for (const name of names) {
      const fired = new Promise<void>((resolve) => {
        const heard = (a: chrome.alarms.Alarm) => a.name === name && (chrome.alarms.onAlarm.removeListener(heard), resolve());
        chrome.alarms.onAlarm.addListener(heard);
      });
      await chrome.alarms.create(name, { when: Date.now() + 50 });
      await fired;
    }
  }, ['leadclip-privacy-retention', 'leadclip-queue']);
  await message(ext, 'leads/list');
  await Promise.all(open.map(async (p) => {
    await p.waitForNetworkIdle({ idleTime: 500 });
    // A round trip after any console message (a CSP refusal) the page logged meanwhile.
    await p.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    await p.close();
  }));
  await site.close();
  return { visited, routes, violations };
}

/** What both witnesses saw that is not 127.0.0.1 or the extension itself. */
async function forbidden(ext: ExtensionHarness, recorder: ReturnType<typeof recordCdp>, log: string, origins: string[]) {
  const fromLog = await netLogRequests(log, [`chrome-extension://${ext.extensionId}`, ...origins]);
  expect(fromLog.length).toBeGreaterThan(0);
  return {
    cdp: recorder.requests.filter((r) => !isAllowed(r.url, ext.extensionId)),
    netLog: fromLog.filter((r) => !isAllowed(r.url, ext.extensionId)),
  };
}

describe('no telemetry, no third-party calls', () => {
  let server: TestServer;
  let sandbox: Sandbox;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({ '/kontakt': richPage });
    sandbox = await startSandbox();
    dir = await mkdtemp(join(tmpdir(), 'leadclip-netlog-'));
  });
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the witnesses see a forbidden request when one is made (control)', async () => {
    const log = join(dir, 'control.json');
    const ext = await launchExtension({ args: netLogArgs(log) });
    const recorder = recordCdp(ext.browser);
    await recorder.settle();
    const page = await ext.openOptions('#/privacy');
    const consoleSaw: string[] = [];
    page.on('console', (m) => void consoleSaw.push(m.text()));
    await recorder.settle();
    // The CSP stops a remote image (a tracking pixel in a lead's notes, say) and a page's own
    // fetch before any request leaves.
    const blocked = await page.evaluate(() => new Promise<string[]>((resolve) => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(`${e.effectiveDirective} ${e.blockedURI}`);
        if (seen.length === 2) resolve(seen.sort());
      });
      const img = document.createElement('img');
      img.src = 'https://pixel.example/p.gif';
      document.body.append(img);
      void fetch('https://canary-fetch.example/x').catch(() => undefined);
    }));
    expect(blocked).toEqual(['connect-src https://canary-fetch.example/x', 'img-src https://pixel.example/p.gif']);
    // The console shows such refusals (how every page visit below is checked for them).
    for (const host of ['pixel.example', 'canary-fetch.example']) expect(consoleSaw.some((t) => /Content Security Policy/.test(t) && t.includes(host)), host).toBe(true);
    // A page can still navigate away (no CSP covers that), and the worker may reach https hosts
    // (the webhook): both witnesses must see such requests.
    await (await ext.worker()).evaluate(() => fetch('https://canary-worker.example/y').then(() => undefined, () => undefined));
    await page.evaluate(() => void (location.href = 'https://canary-page.example/x'));
    // Wait until the page witness has seen the navigation leave.
    for (let i = 0; i < 200 && !recorder.requests.some((r) => r.url === 'https://canary-page.example/x'); i++) await wait(50);
    await ext.close();
    const fromLog = (await netLogRequests(log, [`chrome-extension://${ext.extensionId}`])).map((r) => r.url);
    expect(fromLog).toEqual(expect.arrayContaining(['https://canary-page.example/x', 'https://canary-worker.example/y']));
    expect(recorder.requests.map((r) => r.url)).toEqual(expect.arrayContaining(['https://canary-page.example/x', 'https://canary-worker.example/y']));
    // The pixel and the page's fetch never reached the network: CDP saw the pixel stopped by the
    // CSP, and the fetch was refused before it became a request at all.
    expect(fromLog.filter((u) => /pixel\.example|canary-fetch/.test(u))).toEqual([]);
    expect(recorder.requests.filter((r) => /pixel\.example/.test(r.url)).map((r) => r.blocked)).toEqual(['csp']);
    expect(recorder.requests.filter((r) => /canary-fetch/.test(r.url) && r.blocked !== 'csp')).toEqual([]);
  });

  it('no page or worker of the test build requests anything but 127.0.0.1, sign-in and sync included', async () => {
    const log = join(dir, 'run.json');
    const ext = await launchExtension({ args: netLogArgs(log) });
    const recorder = recordCdp(ext.browser);
    await recorder.settle();
    const { visited, routes, violations } = await runSession(ext, server, recorder);
    expect(violations).toEqual([]);
    // Sign-in (chrome.identity.launchWebAuthFlow, PKCE) against the sandbox, Test connection,
    // then a lead synced.
    const connection = await connectThroughOptions(ext, sandbox);
    expect(await connection.$eval('[data-testid="connection-status"]', (e) => e.textContent)).toMatch(/signed in/i);
    await connection.click('[data-action="test"]');
    await connection.waitForFunction(() => /works/i.test(document.querySelector('[data-testid="connection-status"]')?.textContent ?? ''));
    await connection.close();
    const syncView = await openSyncView(ext);
    const id = crypto.randomUUID();
    await message(syncView, 'leads/save', { lead: { id, subject: 'Webinar', firstname: 'Ewa', lastname: 'Nowak', companyname: 'Nowak SA', emailaddress1: 'ewa@nowak-sa.example' } });
    await syncView.click('[data-action="sync-now"]');
    expect(await waitForRowState(syncView, id, ['synced', 'needs_attention', 'failed'])).toBe('synced');
    await syncView.close();
    await ext.close();

    expect(routes).toEqual(expect.arrayContaining(['#/leads', '#/privacy', '#/connection', '#/sync']));
    expect(visited.length).toBeGreaterThanOrEqual(routes.length + 3);
    expect(recorder.attached.some((a) => a.type === 'service_worker')).toBe(true);
    // The witnesses were listening: they saw the test page, the sign-in and the sync.
    expect(recorder.requests.some((r) => r.url === server.url('/kontakt'))).toBe(true);
    expect(sandbox.oauth.tokenRequests.some((r) => r.grantType === 'authorization_code' && r.ok)).toBe(true);
    expect(recorder.requests.some((r) => r.url.startsWith(sandbox.url) && r.url.includes('token'))).toBe(true);
    // NetLog: anything the extension, a content script in the test page, or the sign-in window
    // asked for. One exception, Chrome's own: launchWebAuthFlow lets the sandbox's redirect to
    // https://<id>.chromiumapp.org/?code=… start loading, then cancels it when it sees the address.
    // It may look the host name up, but no request is ever sent there (and the code is useless
    // without the PKCE verifier, which stays in the worker).
    const redirect = `${ext.extensionId}.chromiumapp.org`;
    const { cdp, netLog } = await forbidden(ext, recorder, log, [server.origin, sandbox.url]);
    expect(cdp).toEqual([]);
    expect(netLog.filter((r) => new URL(r.url).hostname !== redirect)).toEqual([]);
    const sentTo = await netLogHostsSentTo(log);
    expect(sentTo).toContain('127.0.0.1');
    expect(sentTo.filter((h) => h !== '127.0.0.1')).toEqual([]);
  });

  it('the shipped store build requests nothing, from any page or its worker (alarms included)', async () => {
    const log = join(dir, 'store.json');
    const ext = await launchExtension({ args: netLogArgs(log), extensionDir: STORE_EXTENSION_DIR });
    const recorder = recordCdp(ext.browser);
    await recorder.settle();
    // It is the store build: no loopback host, and its pages carry the page-only policy.
    const manifest = await (await ext.worker()).evaluate(() => chrome.runtime.getManifest());
    expect(manifest.host_permissions ?? []).not.toContain('http://127.0.0.1/*');
    const { visited, routes, violations } = await runSession(ext, server, recorder, STORE_EXTENSION_DIR);
    expect(violations).toEqual([]);
    // Its pages may not fetch anything themselves: a request to any host is refused by the CSP.
    const page = await ext.openPopup();
    await recorder.settle();
    const sent = async () => {
      while (!recorder.requests.some((r) => r.url.includes('collector.example') && !r.blocked)) await wait(50);
      return 'sent';
    };
    const refused = await Promise.race([sent(), page.evaluate(() => new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`));
      void fetch('https://collector.example/beacon', { method: 'POST', body: 'x' }).catch(() => undefined);
    }))]);
    expect(refused).toBe('connect-src https://collector.example/beacon');
    await page.close();
    await ext.close();

    expect(routes).toEqual(expect.arrayContaining(['#/leads', '#/privacy']));
    expect(visited.length).toBeGreaterThanOrEqual(routes.length + 3);
    expect(recorder.attached.some((a) => a.type === 'service_worker')).toBe(true);
    expect(recorder.requests.some((r) => r.url.startsWith(`chrome-extension://${ext.extensionId}/`))).toBe(true);
    expect(await forbidden(ext, recorder, log, [server.origin])).toEqual({ cdp: [], netLog: [] });
    expect((await netLogHostsSentTo(log)).filter((h) => h !== '127.0.0.1')).toEqual([]);
  });
});
