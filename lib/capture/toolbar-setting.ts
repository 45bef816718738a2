// What the toolbar button opens (issue #13): the popup, or the side panel that stays open while the
// rep moves between tabs. A plain storage.local value, read with a plain get (small bundles).
import { browser } from '#imports';

export type ToolbarOpens = 'popup' | 'panel';
export const TOOLBAR_OPENS_KEY = 'toolbarOpens';

export const asToolbarOpens = (value: unknown): ToolbarOpens => (value === 'panel' ? 'panel' : 'popup');

export async function readToolbarOpens(): Promise<ToolbarOpens> {
  return asToolbarOpens((await browser.storage.local.get(TOOLBAR_OPENS_KEY))[TOOLBAR_OPENS_KEY]);
}

export async function saveToolbarOpens(value: ToolbarOpens): Promise<void> {
  await browser.storage.local.set({ [TOOLBAR_OPENS_KEY]: value });
}
