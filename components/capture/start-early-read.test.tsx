// The popup's first script (issue #13) reads only what the popup itself would read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { takeEarlyRead } from '@/lib/capture/early-read';
import { startEarlyRead } from './start-early-read';

afterEach(() => vi.restoreAllMocks());

async function tabAt(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id!;
}

describe('startEarlyRead', () => {
  it('hands over the tab at once and reads a web page once the verdict allows it, waking no worker', async () => {
    const id = await tabAt('https://contoso.example/team');
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: {}, documentId: 'd' }] as never);
    startEarlyRead(`?tabId=${id}`);
    const early = await takeEarlyRead();
    expect(early?.tab?.url).toBe('https://contoso.example/team');
    expect((await early?.read)?.kind).toBe('page');
    expect(inject).toHaveBeenCalledTimes(1);
    expect(takeEarlyRead()).toBeUndefined(); // taken once
    expect(send).not.toHaveBeenCalled(); // the popup judged the page from the never-capture rules
  });

  it('leaves webmail to the popup: no verdict asked, nothing injected', async () => {
    const id = await tabAt('https://mail.google.com/mail/u/0/#inbox');
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    startEarlyRead(`?tabId=${id}`);
    const early = await takeEarlyRead();
    expect(early?.read).toBeUndefined();
    startEarlyRead(`?tabId=${id}&capture=webmail`);
    expect(takeEarlyRead()).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
    expect(inject).not.toHaveBeenCalled();
  });
});
