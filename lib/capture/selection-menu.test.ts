import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onPanelRead, pendingPanelRead } from './panel-read';
import { takePendingSelection } from './pending-selection';
import { applySelectionMenu, onSelectionMenuClick, SELECTION_MENU_ID, SELECTION_PANEL_MENU_ID } from './selection-menu';

// fakeBrowser has no side panel, no action.openPopup and no contextMenus: stand-ins that record the calls.
let sidePanel: { open: ReturnType<typeof vi.fn> };
let openPopup: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fakeBrowser.reset();
  sidePanel = { open: vi.fn(async () => {}) };
  openPopup = vi.fn(async () => {});
  Object.assign(fakeBrowser, { sidePanel });
  Object.assign(fakeBrowser.action, { openPopup });
});

const tab = { id: 12, windowId: 4, url: 'https://harbor-events.example/speakers', title: 'Speakers' } as never;
const card = 'Ingrid Solberg\nHead of Procurement\nFjord Shipping AS\ningrid.solberg@fjord-shipping.example';

describe('"Create lead from selection" in side-panel mode (issue #13)', () => {
  it('opens the side panel before anything is awaited, then asks it to read the selection; no popup', async () => {
    const reads: number[] = [];
    const stop = onPanelRead((r) => reads.push(r.tabId));
    const done = onSelectionMenuClick({ menuItemId: SELECTION_PANEL_MENU_ID, selectionText: card }, tab);
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 4 });
    await done;
    expect(openPopup).not.toHaveBeenCalled();
    expect((await pendingPanelRead())?.tabId).toBe(12);
    await vi.waitFor(() => expect(reads).toEqual([12]));
    // The panel's read takes the selection, as the popup's does.
    expect((await takePendingSelection(12))?.text).toBe(card);
    stop();
  });

  it('the popup\'s item still opens the popup with the selection', async () => {
    await onSelectionMenuClick({ menuItemId: SELECTION_MENU_ID, selectionText: card }, tab);
    expect(openPopup).toHaveBeenCalled();
    expect(sidePanel.open).not.toHaveBeenCalled();
    expect((await takePendingSelection(12))?.text).toBe(card);
  });

  it('shows the one item that matches the setting; the popup\'s without a side panel', async () => {
    const created: string[] = [];
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(() => 'Create lead from selection');
    vi.spyOn(fakeBrowser.contextMenus, 'remove').mockImplementation(async () => {});
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((p: { id: string }) => void created.push(p.id)) as never);
    await applySelectionMenu('panel');
    await applySelectionMenu('popup');
    Object.assign(fakeBrowser, { sidePanel: undefined });
    await applySelectionMenu('panel');
    expect(created).toEqual([SELECTION_PANEL_MENU_ID, SELECTION_MENU_ID, SELECTION_MENU_ID]);
  });
});
