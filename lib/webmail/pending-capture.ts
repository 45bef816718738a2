// The message whose button the rep clicked, kept for the lead form of that tab. storage.session:
// gone with the browser, out of reach of content scripts, survives the worker stopping.
import { browser } from '#imports';
import { webmailMessage, type WebmailMessageData } from '../messaging/webmail-message';

const key = (tabId: number) => `webmail:tab:${tabId}`;
/** A click older than this is stale: the form falls back to the message open in the tab. */
const MAX_AGE_MS = 10 * 60_000;

interface Stored {
  message: WebmailMessageData;
  at: number;
}

export async function storePendingCapture(tabId: number, message: WebmailMessageData, now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: { message, at: now } satisfies Stored });
}

export async function readPendingCapture(tabId: number, now = Date.now()): Promise<WebmailMessageData | undefined> {
  const got = (await browser.storage.session.get(key(tabId)))[key(tabId)] as Stored | undefined;
  if (!got || now - got.at > MAX_AGE_MS) return undefined;
  const parsed = webmailMessage.safeParse(got.message);
  return parsed.success ? parsed.data : undefined;
}

export async function clearPendingCapture(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
