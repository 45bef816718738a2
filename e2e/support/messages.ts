// Messages to the background worker from an extension page, as the UI sends them.
import type { Page } from 'puppeteer';
import type { ExtensionHarness } from './extension';

/** The background's reply envelope. */
export interface Reply<T = unknown> {
  ok: boolean;
  data: T;
  error?: { code: string; message: string };
}

/** Sends one message from `from` (a page, or a fresh options page closed afterwards) and returns
 * the reply as is: for tests that assert a refusal. */
export async function messageReply<T = unknown>(from: ExtensionHarness | Page, type: string, data: unknown = {}): Promise<Reply<T>> {
  const page = 'openOptions' in from ? await from.openOptions() : from;
  try {
    return await page.evaluate((t, d) => chrome.runtime.sendMessage({ type: t, data: d }), type, data as never);
  } finally {
    if (page !== from) await page.close();
  }
}

/** Like `messageReply`, but returns `data` and throws (with the error code) on a refusal, so a
 * failed setup step stops the test where it happened. */
export async function message<T = unknown>(from: ExtensionHarness | Page, type: string, data: unknown = {}): Promise<T> {
  const reply = await messageReply<T>(from, type, data);
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ? `${reply.error.code}: ${reply.error.message}` : 'no reply'}`);
  return reply.data;
}
