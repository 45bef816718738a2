import { browser, type Browser } from '#imports';

/** The tab the popup captures from: `?tabId=N` (tests, the context menu, webmail), else the active tab. */
export async function targetTab(search = location.search): Promise<Browser.tabs.Tab | undefined> {
  const param = new URLSearchParams(search).get('tabId');
  if (param && /^\d+$/.test(param)) return browser.tabs.get(Number(param)).catch(() => undefined);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}
