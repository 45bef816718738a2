import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onPanelRead, pendingPanelRead, requestPanelRead } from './panel-read';
import { applyToolbarBehaviour, openPanelFor, registerToolbarBehaviour } from './toolbar-behaviour';
import { readToolbarOpens, saveToolbarOpens } from './toolbar-setting';

// fakeBrowser has no side panel and no action.setPopup: stand-ins that record the calls.
let setPopup: ReturnType<typeof vi.fn>;
let sidePanel: { open: ReturnType<typeof vi.fn>; setPanelBehavior: ReturnType<typeof vi.fn> };
beforeEach(() => {
  setPopup = vi.fn(async () => {});
  sidePanel = { open: vi.fn(async () => {}), setPanelBehavior: vi.fn(async () => {}) };
  Object.assign(fakeBrowser.action, { setPopup });
  Object.assign(fakeBrowser, { sidePanel });
});

describe('the toolbar button (issue #13)', () => {
  it('opens the popup unless the rep chose the panel; Chrome never opens the panel by itself', async () => {
    expect(await readToolbarOpens()).toBe('popup');
    await applyToolbarBehaviour('panel');
    expect(setPopup).toHaveBeenLastCalledWith({ popup: '' });
    expect(sidePanel.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: false });
    await applyToolbarBehaviour('popup');
    expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
  });

  it('keeps the popup in a browser without a side panel', async () => {
    Object.assign(fakeBrowser, { sidePanel: undefined });
    try {
      await applyToolbarBehaviour('panel');
      expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
    } finally {
      Object.assign(fakeBrowser, { sidePanel }); // fakeBrowser.reset() walks every namespace
    }
  });

  it('follows the setting at start and when it changes', async () => {
    await saveToolbarOpens('panel');
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
    registerToolbarBehaviour();
    await vi.waitFor(() => expect(setPopup).toHaveBeenLastCalledWith({ popup: '' }));
    await saveToolbarOpens('popup');
    await vi.waitFor(() => expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' }));
  });

  it('a click opens the panel before anything is awaited (the gesture would be lost) and asks it to read that tab', async () => {
    const reads: number[] = [];
    const stop = onPanelRead((r) => reads.push(r.tabId));
    const done = openPanelFor({ id: 7, windowId: 3 } as never);
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
    await done;
    expect((await pendingPanelRead())?.tabId).toBe(7);
    await vi.waitFor(() => expect(reads).toEqual([7]));
    stop();
  });

  it('a read request is for the panel opening now, not one opened much later', async () => {
    await requestPanelRead(5, 1_000);
    expect((await pendingPanelRead(20_000))?.tabId).toBe(5);
    expect(await pendingPanelRead(40_000)).toBeUndefined();
  });
});
