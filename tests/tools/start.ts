// `npm start`: builds the extension, serves a demo page (and the Dataverse sandbox when present)
// on 127.0.0.1, and opens Chromium with LeadClip loaded. Ctrl+C stops everything.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';
import { startServer } from '../../e2e/support/server';

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chrome)) {
  console.error(`Chromium not found at ${chrome}. Install it (Debian: apt-get install chromium) or set CHROME_PATH.`);
  process.exit(1);
}

console.log('Building LeadClip…');
// LEADCLIP_SANDBOX=1 lets this build ask for http://127.0.0.1 (the sandbox) as an optional host.
execSync('npx wxt build', { stdio: 'inherit', env: { ...process.env, LEADCLIP_SANDBOX: '1' } });
const extensionDir = resolve('.output/chrome-mv3');

const demo = await startServer({ '/': readFileSync('tests/tools/demo/team.html', 'utf8') });
console.log(`Demo page: ${demo.url('/')}`);

// The Dataverse sandbox lets a new user try sync without a CRM (tests/sandbox, when present).
const sandboxModule = resolve('tests/sandbox/index.ts');
let stopSandbox: (() => Promise<void>) | undefined;
if (existsSync(sandboxModule)) {
  const { startSandbox } = (await import(sandboxModule)) as { startSandbox?: (o?: object) => Promise<{ url: string; close: () => Promise<void> }> };
  if (startSandbox) {
    const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0) });
    stopSandbox = sandbox.close;
    console.log(`Dataverse sandbox: ${sandbox.url} (options page → Connection: cloud "Local sandbox" with this address, then Sign in with Microsoft; or enter it as the environment URL)`);
  }
}

const headless = !process.env.DISPLAY;
const browser = await puppeteer.launch({
  executablePath: chrome,
  headless,
  enableExtensions: true,
  userDataDir: mkdtempSync(join(tmpdir(), 'leadclip-start-')),
  defaultViewport: null,
  args: [
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
  ],
});
const [page] = await browser.pages();
await page.goto(demo.url('/'));
console.log(headless
  ? 'No display found: Chromium runs headless. Set DISPLAY (or run under xvfb-run) to see the window.'
  : 'Chromium is open with LeadClip loaded: click the LeadClip toolbar button (or Alt+Shift+L) on the demo page.');
console.log('Press Ctrl+C to stop.');

const stop = async () => {
  await browser.close().catch(() => {});
  await demo.close();
  await stopSandbox?.();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
browser.on('disconnected', () => void stop());
