import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPipelineSettings, saveDefaultCountry } from '../leads/pipeline-settings';
import { firstRun, listenForInstall } from './first-run';

const welcomeTabs = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.endsWith('/welcome.html'));

describe('first run', () => {
  beforeEach(() => fakeBrowser.reset());

  it('on install: the default country follows the browser and the welcome page opens', async () => {
    listenForInstall(() => ['en-US', 'en']);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await expect.poll(welcomeTabs).toHaveLength(1);
    expect((await loadPipelineSettings()).defaultCountry).toBe('US');
  });

  it('an update or a browser update opens nothing and keeps the country', async () => {
    listenForInstall(() => ['en-US']);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    expect(await welcomeTabs()).toHaveLength(0);
    expect((await loadPipelineSettings()).defaultCountry).toBe('PL');
  });

  it('keeps a country the rep already chose, and leaves the default when the language says nothing', async () => {
    await saveDefaultCountry('DE');
    await firstRun(['en-US']);
    expect((await loadPipelineSettings()).defaultCountry).toBe('DE');
    fakeBrowser.reset();
    await firstRun([]);
    expect((await loadPipelineSettings()).defaultCountry).toBe('PL');
    expect(await welcomeTabs()).toHaveLength(1);
  });
});
