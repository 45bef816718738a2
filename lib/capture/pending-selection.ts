// "Create lead from selection" hands its parsed text to the popup through session storage:
// it survives the worker stopping, and never touches disk.
// Plain storage.session calls (not WXT's storage helper): the popup reads this, and its bundle
// stays small.
import { browser } from '#imports';

export interface PendingSelection {
  tabId?: number;
  url?: string;
  title?: string;
  /** The selected text, parsed in the popup (the worker stays small). */
  text: string;
  at: number;
}

const KEY = 'pendingSelection';

export const pendingSelection = {
  async getValue(): Promise<PendingSelection | null> {
    return ((await browser.storage.session.get(KEY))[KEY] as PendingSelection | undefined) ?? null;
  },
  async setValue(value: PendingSelection): Promise<void> {
    await browser.storage.session.set({ [KEY]: value });
  },
  async removeValue(): Promise<void> {
    await browser.storage.session.remove(KEY);
  },
};

/** A selection is for the popup that opens right after the click, for that tab. */
const FRESH_MS = 5 * 60_000;

/** Takes (and removes) the pending selection for `tabId`, if one is fresh. `stored` may have been
 * read before the tab was known (the popup's first script reads it beside the tab lookup). */
export async function takePendingSelection(tabId: number | undefined, now = Date.now(), stored: Promise<PendingSelection | null> = pendingSelection.getValue()): Promise<PendingSelection | undefined> {
  const pending = await stored;
  if (!pending) return undefined;
  if (now - pending.at > FRESH_MS) {
    await pendingSelection.removeValue();
    return undefined;
  }
  if (tabId !== undefined && pending.tabId !== undefined && pending.tabId !== tabId) return undefined;
  await pendingSelection.removeValue();
  return pending;
}
