// Which tab the side panel's form belongs to, and which tab the rep is on now (issue #13). The
// panel never reads a tab by itself: a new tab is read only on the rep's act (the panel's button,
// or the toolbar button, shortcut or context menu, which the background forwards).
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { browser, type Browser } from '#imports';
import { onPanelRead, pendingPanelRead } from '@/lib/capture/panel-read';

/** `?windowId=N` pins the window (tests open the panel page in a window of its own). */
async function panelWindowId(search: string): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('windowId');
  if (param && /^\d+$/.test(param)) return Number(param);
  return (await browser.windows.getCurrent()).id;
}

export function usePanelTab(search = location.search) {
  /** The tab the form was read from, as the browser lets us see it (no URL without access). */
  const formTab = useSignal<Browser.tabs.Tab | undefined>(undefined);
  /** Counts reads: the capture UI starts afresh for each. */
  const reads = useSignal(0);
  const activeTabId = useSignal<number | undefined>(undefined);
  /** The form's tab went to another page since it was read. */
  const navigated = useSignal(false);

  async function read(tabId: number | undefined) {
    const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
    formTab.value = tab;
    navigated.value = false;
    reads.value++;
  }

  useEffect(() => {
    let windowId: number | undefined;
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) activeTabId.value = info.tabId;
    };
    const onUpdated = (tabId: number, change: { status?: string }) => {
      if (tabId === formTab.peek()?.id && change.status === 'loading') navigated.value = true;
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    const stopReads = onPanelRead((r) => void read(r.tabId));
    void (async () => {
      windowId = await panelWindowId(search);
      const [active] = await browser.tabs.query({ active: true, windowId });
      activeTabId.value = active?.id;
      // Opened by the toolbar button or the menu: that tab; opened from the browser's own side
      // panel menu: the tab in front, as the popup does.
      await read((await pendingPanelRead())?.tabId ?? active?.id);
    })();
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      stopReads();
    };
  }, []);

  return {
    formTab,
    reads,
    /** The rep is on another tab, or another page in the same tab, than the form's. */
    stale: () => reads.value > 0 && (navigated.value || (activeTabId.value !== undefined && activeTabId.value !== formTab.value?.id)),
    readActive: () => read(activeTabId.value),
  };
}
