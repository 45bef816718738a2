// "Read this tab" for the side panel (issue #13): the toolbar button, the shortcut and the context
// menu are the rep's explicit act (they grant activeTab); the background leaves the tab here and the
// panel, open or opening, reads it. Session storage: survives the worker stopping, never on disk.
import { browser } from '#imports';

export interface PanelRead {
  tabId: number;
  at: number;
}

const KEY = 'panelRead';
/** A request older than this was for a panel that has since closed. */
const FRESH_MS = 30_000;

export async function requestPanelRead(tabId: number, now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [KEY]: { tabId, at: now } satisfies PanelRead });
}

/** The request waiting for a panel that is just opening, if fresh. */
export async function pendingPanelRead(now = Date.now()): Promise<PanelRead | undefined> {
  const value = (await browser.storage.session.get(KEY))[KEY] as PanelRead | undefined;
  return value && now - value.at <= FRESH_MS ? value : undefined;
}

/** Calls `onRead` for each new request; returns the way to stop listening. */
export function onPanelRead(onRead: (request: PanelRead) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = changes[KEY]?.newValue as PanelRead | undefined;
    if (area === 'session' && next && typeof next.tabId === 'number') onRead(next);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
