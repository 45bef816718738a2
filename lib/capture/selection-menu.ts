// The "Create lead from selection" context menu: the same text parser as pages fills the form, in
// the popup or, when the rep chose it for the toolbar, the side panel.
import { browser, type Browser } from '#imports';
import { t } from '../i18n/t';
import { pendingSelection, type PendingSelection } from './pending-selection';
import { unscriptableReason } from './scriptable';
import { pageCaptureRefused } from '../privacy/page-capture';
import { openPanelThenRead } from './toolbar-behaviour';
import { asToolbarOpens, readToolbarOpens, TOOLBAR_OPENS_KEY, type ToolbarOpens } from './toolbar-setting';

export const SELECTION_MENU_ID = 'leadclip-selection';
/** The same item while the toolbar opens the side panel (issue #13). Its id tells the click where
 * to go: reading the setting would take an await, and Chrome drops the gesture sidePanel.open needs
 * at the first await. */
export const SELECTION_PANEL_MENU_ID = 'leadclip-selection-panel';

/** Call synchronously in the background's main(). */
export function registerSelectionMenu(): void {
  browser.runtime.onInstalled.addListener(() => void readToolbarOpens().then(applySelectionMenu));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && TOOLBAR_OPENS_KEY in changes) void applySelectionMenu(asToolbarOpens(changes[TOOLBAR_OPENS_KEY].newValue));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onSelectionMenuClick(info, tab));
}

let menuUpdate: Promise<void> = Promise.resolve();
/** Shows the one selection item that matches the setting. One update at a time: creating an id
 * that still exists fails. A browser without a side panel keeps the popup's. */
export function applySelectionMenu(opens: ToolbarOpens): Promise<void> {
  const id = opens === 'panel' && browser.sidePanel ? SELECTION_PANEL_MENU_ID : SELECTION_MENU_ID;
  menuUpdate = menuUpdate.then(async () => {
    for (const old of [SELECTION_MENU_ID, SELECTION_PANEL_MENU_ID]) await browser.contextMenus.remove(old).catch(() => {});
    browser.contextMenus.create({ id, title: t('menu_capture_selection'), contexts: ['selection'] });
  }).catch(() => {});
  return menuUpdate;
}

/** The menu's click. Synchronous up to sidePanel.open: nothing may be awaited before it. */
export function onSelectionMenuClick(info: { menuItemId: string | number; selectionText?: string }, tab?: Browser.tabs.Tab): Promise<void> | undefined {
  if (info.menuItemId === SELECTION_PANEL_MENU_ID) return openPanelThenRead(tab, keepSelection(info.selectionText ?? '', tab));
  if (info.menuItemId === SELECTION_MENU_ID) return onSelectionMenu(info.selectionText ?? '', tab);
  return undefined;
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
  await keepSelection(selectionText, tab);
  await openPopup(tab?.id);
}

/** Leaves the selection for the popup or panel that opens next. Privacy (issue #8): text from a
 * never-capture site is not read or kept; the popup or panel says why. */
async function keepSelection(selectionText: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (await pageCaptureRefused(tab?.url)) return;
  await captureSelection(await selectionWithLines(selectionText, tab), tab);
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
