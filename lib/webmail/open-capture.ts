// Background side of the webmail button: the message (already parsed by the protocol's schema)
// is kept for the sender's own tab, and the lead form opens for that tab in the one capture
// window (an open one shows the new message and comes forward).
import { browser, type Browser } from '#imports';
import { showCaptureWindow } from './capture-window';
import { webmailClientOf } from './hosts';
import type { WebmailMessageData } from '../messaging/webmail-message';
import { storePendingCapture } from './pending-capture';

export class CaptureRefused extends Error {
  code = 'forbidden';
}

export async function openWebmailCapture(message: WebmailMessageData, sender: Browser.runtime.MessageSender): Promise<{ opened: boolean }> {
  const tabId = sender.tab?.id;
  // The tab comes from Chrome, not from the message; it must be a webmail page of the same client.
  const client = webmailClientOf(sender.tab?.url ?? sender.url);
  if (tabId === undefined || tabId < 0 || !client || client !== message.client || webmailClientOf(message.url) !== client) {
    throw new CaptureRefused('Only a webmail page may capture its own message.');
  }
  await storePendingCapture(tabId, message);
  return { opened: await showCaptureWindow(browser.runtime.getURL(`/popup.html?tabId=${tabId}&capture=webmail`)) };
}
