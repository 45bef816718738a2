// The background half of the side panel (issue #13). The toolbar button opens the popup or, when
// the rep chose the panel, fires action.onClicked: that click (or the shortcut, or the page's
// context menu item) grants activeTab, opens the panel and asks it to read the tab. Chrome's own
// openPanelOnActionClick would open the panel without granting activeTab, so it stays off.
import { browser, type Browser } from '#imports';
import { t } from '../i18n/t';
import { requestPanelRead } from './panel-read';
import { readToolbarOpens, TOOLBAR_OPENS_KEY, asToolbarOpens, type ToolbarOpens } from './toolbar-setting';

export const READ_PAGE_MENU_ID = 'leadclip-read-page';

/** Sets what the toolbar button does: with no popup set, a click fires action.onClicked. */
export async function applyToolbarBehaviour(opens: ToolbarOpens): Promise<void> {
  // A browser without a side panel keeps the popup whatever the setting says.
  const panel = opens === 'panel' && !!browser.sidePanel;
  await browser.action.setPopup({ popup: panel ? '' : 'popup.html' });
  await browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false });
}

/** Opens the side panel on the rep's gesture and asks it to read `tab`. Call without awaiting
 * anything first: Chrome drops the gesture at the first await. */
export function openPanelFor(tab: Browser.tabs.Tab | undefined): Promise<void> {
  const opened = tab?.windowId === undefined || !browser.sidePanel ? Promise.resolve() : browser.sidePanel.open({ windowId: tab.windowId }).catch(() => {});
  return Promise.all([opened, tab?.id === undefined ? undefined : requestPanelRead(tab.id)]).then(() => {});
}

/** Call synchronously in the background's main(). */
export function registerToolbarBehaviour(): void {
  browser.action.onClicked.addListener((tab) => void openPanelFor(tab));
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: READ_PAGE_MENU_ID, title: t('menu_read_page'), contexts: ['page'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === READ_PAGE_MENU_ID) void openPanelFor(tab);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && TOOLBAR_OPENS_KEY in changes) void applyToolbarBehaviour(asToolbarOpens(changes[TOOLBAR_OPENS_KEY].newValue));
  });
  // The popup setting does not outlive a browser restart: set it on every start of the worker.
  void readToolbarOpens().then(applyToolbarBehaviour).catch(() => {});
}
