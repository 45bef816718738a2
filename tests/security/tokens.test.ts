// Where tokens live (issue #8, docs/security.md): in the service worker's own IndexedDB
// database, never in chrome.storage (which every content script of the extension can read),
// and no extension page or content script loads the code that holds them.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { idbTokenStore, resetSecretsDbForTests, SECRETS_DB } from '@/lib/sync/auth/secret-store';
import { importGraph, sourceFiles } from './source-walk';

describe('tokens', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetSecretsDbForTests();
  });

  it('are stored in the leadclip-secrets database and nowhere in chrome.storage', async () => {
    const tokens = { accessToken: 'AT-secret', refreshToken: 'RT-secret', accessTokenExpiresAt: 1, refreshTokenExpiresAt: 2, scope: 's', environmentUrl: 'https://org.crm4.dynamics.com', clientId: 'c', tenant: 't' };
    await idbTokenStore.save(tokens as never);
    await idbTokenStore.setSecret('webhook', 'WH-secret');
    expect(await idbTokenStore.load()).toMatchObject({ accessToken: 'AT-secret' });
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([SECRETS_DB]);
    const everywhere = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null), await fakeBrowser.storage.sync.get(null)]);
    expect(everywhere).not.toMatch(/secret/);
  });

  it('the token store is reached only from the background, never from a page or content script', () => {
    const entries = sourceFiles('entrypoints').filter((f) => /(main\.tsx|index\.tsx?)$/.test(f));
    const reach = (e: string) => importGraph(e).includes('lib/sync/auth/secret-store.ts');
    expect(reach('entrypoints/background/index.ts')).toBe(true);
    expect(entries.filter((e) => !e.startsWith('entrypoints/background/') && reach(e))).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(4);
  });
});
