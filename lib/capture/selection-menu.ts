// The "Create lead from selection" context menu: the same text parser as pages fills the form.
import { browser, type Browser } from '#imports';
import { t } from '../i18n/t';
import { pendingSelection, type PendingSelection } from './pending-selection';
import { unscriptableReason } from './scriptable';
import { pageCaptureRefused } from '../privacy/page-capture';

export const SELECTION_MENU_ID = 'leadclip-selection';

/** Call synchronously in the background's main(). */
export function registerSelectionMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SELECTION_MENU_ID, title: t('menu_capture_selection'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SELECTION_MENU_ID) return;
    void onSelectionMenu(info.selectionText ?? '', tab);
  });
}

/** Chrome flattens line breaks in `selectionText`; the page's own selection keeps them. */
async function selectionWithLines(fallback: string, tab?: Browser.tabs.Tab): Promise<string> {
  if (tab?.id === undefined || unscriptableReason(tab.url)) return fallback;
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: () => String(getSelection() ?? '').slice(0, 20_000) });
    const text = typeof frame?.result === 'string' ? frame.result : '';
    return text.trim() ? text : fallback;
  } catch {
    return fallback;
  }
}

export async function onSelectionMenu(selectionText: string, tab?: Browser.tabs.Tab): Promise<void> {
  // Privacy (issue #8): text from a never-capture site is not read or kept; the popup says why.
  if (!(await pageCaptureRefused(tab?.url))) {
    const text = await selectionWithLines(selectionText, tab);
    await captureSelection(text, tab);
  }
  await openPopup(tab?.id);
}

/** Leaves the selected text for the popup, which parses it with the page parser's text rules. */
export async function captureSelection(text: string, tab?: { id?: number; url?: string; title?: string }): Promise<PendingSelection> {
  const pending: PendingSelection = { tabId: tab?.id, url: tab?.url, title: tab?.title, text: text.slice(0, 20_000), at: Date.now() };
  await pendingSelection.setValue(pending);
  return pending;
}

async function openPopup(tabId?: number): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    // Older browsers allow openPopup only from the toolbar: a small window does the same job.
    await browser.windows.create({ url: browser.runtime.getURL(`/popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`), type: 'popup', width: 440, height: 680 });
  }
}
