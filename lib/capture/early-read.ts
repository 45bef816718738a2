// The popup's first script (entrypoints/popup-start.ts, a classic script run while popup.html is
// parsed) starts the page read; the form's modules load meanwhile and pick it up here. The two are
// separate bundles, so they meet on the page's global object.
import type { Browser } from '#imports';
import type { PageRead } from './page-read';

export interface EarlyRead {
  tab: Browser.tabs.Tab | undefined;
  /** Absent when the popup decides itself (webmail, a tab without a readable URL). */
  read?: Promise<PageRead>;
}

const KEY = '__leadclipEarlyRead';
type Holder = { [KEY]?: Promise<EarlyRead> };

export function publishEarlyRead(read: Promise<EarlyRead>): void {
  (globalThis as Holder)[KEY] = read;
}

/** The early read, once (a second caller starts its own). */
export function takeEarlyRead(): Promise<EarlyRead> | undefined {
  const read = (globalThis as Holder)[KEY];
  delete (globalThis as Holder)[KEY];
  return read;
}
