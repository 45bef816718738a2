// Messages to the background worker from an extension page, as the UI sends them.
import type { Page } from 'puppeteer';
import type { ExtensionHarness } from './extension';

/** The background's reply envelope. */
export interface Reply<T = unknown> {
  ok: boolean;
  data: T;
  error?: { code: string; message: string };
}

const senders = new WeakMap<ExtensionHarness, Promise<Page>>();

/** The page that sends a test's messages for it: one per browser, kept open (a fresh page per
 * message cost a third of a second). It is the extension's manifest, not an app page, so it never
 * talks to the worker by itself, and it opens as a background tab: the tab a test works in stays
 * the active one. */
async function senderPage(ext: ExtensionHarness): Promise<Page> {
  const known = await senders.get(ext)?.catch(() => undefined);
  if (known && !known.isClosed()) return known;
  const opened = (async () => {
    const url = ext.pageUrl(`manifest.json#sender-${crypto.randomUUID()}`);
    const cdp = await ext.browser.target().createCDPSession();
    await cdp.send('Target.createTarget', { url, background: true });
    await cdp.detach();
    const page = await (await ext.browser.waitForTarget((t) => t.url() === url)).page();
    if (!page) throw new Error('the message sender page did not open');
    return page;
  })();
  senders.set(ext, opened);
  return opened;
}

/** Sends one message from `from` (a page, or the browser's sender page) and returns the reply as
 * is: for tests that assert a refusal. */
export async function messageReply<T = unknown>(from: ExtensionHarness | Page, type: string, data: unknown = {}): Promise<Reply<T>> {
  const page = 'openOptions' in from ? await senderPage(from) : from;
  return page.evaluate((t, d) => chrome.runtime.sendMessage({ type: t, data: d }), type, data as never);
}

/** Like `messageReply`, but returns `data` and throws (with the error code) on a refusal, so a
 * failed setup step stops the test where it happened. */
export async function message<T = unknown>(from: ExtensionHarness | Page, type: string, data: unknown = {}): Promise<T> {
  const reply = await messageReply<T>(from, type, data);
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ? `${reply.error.code}: ${reply.error.message}` : 'no reply'}`);
  return reply.data;
}
