// Popup side: the message a webmail tab shows, whether the rep clicked our button (the pending
// capture) or opened the popup from the toolbar (ask the tab's content script). Both paths give
// the same message, so the form fills the same way (issue #7).
import { browser, type Browser } from '#imports';
import { webmailClientOf } from './hosts';
import { webmailMessage, type WebmailMessageData } from '../messaging/webmail-message';
import { OPEN_MESSAGE_REQUEST } from './capture-for-tab-request';
import { readPendingCapture } from './pending-capture';

/** `fromButton`: the popup was opened by our button (popup.html?tabId=N&capture=webmail). */
export async function webmailMessageForTab(tab: Browser.tabs.Tab | undefined, fromButton: boolean): Promise<WebmailMessageData | undefined> {
  // Without the "tabs" permission Chrome hides a tab's URL; our content script only runs on the
  // webmail hosts, so a tab that answers is one. A known non-webmail URL is not asked at all.
  if (!tab?.id || (tab.url && !webmailClientOf(tab.url))) return undefined;
  if (fromButton) {
    const pending = await readPendingCapture(tab.id);
    if (pending) return pending;
  }
  try {
    const raw: unknown = await browser.tabs.sendMessage(tab.id, { type: OPEN_MESSAGE_REQUEST });
    const parsed = webmailMessage.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // no content script (page still loading, or opened before install)
  }
}
