import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { localeNames, mergeLocale } from './lib/i18n/merge-locales';
import { extensionPagesCsp, PAGE_ONLY_CSP } from './lib/privacy/csp';
import { serviceWorkerChunks } from './build/service-worker-chunks';

// Tests cannot click the toolbar button to grant activeTab, so the test build (and only it)
// may script local pages served by the test itself.
const testBuild = process.env.LEADCLIP_TEST_BUILD === '1';
const localHosts = ['http://127.0.0.1/*', 'http://localhost/*'];
// The local Dataverse sandbox: test builds, and `npm start` (LEADCLIP_SANDBOX=1).
const sandbox = testBuild || process.env.LEADCLIP_SANDBOX === '1';

// libphonenumber-js's metadata: bundled into pages; a file the background fetches when it first
// parses a phone (lib/text/phone-library-deferred.ts), so the worker does not parse 83 kB at every wake-up.
const phoneMetadata = readFileSync(resolve('node_modules/libphonenumber-js/metadata.min.json'), 'utf8');
const phoneCountries = Object.keys((JSON.parse(phoneMetadata) as { countries: Record<string, unknown> }).countries);

/** The publisher's multi-tenant Entra app (issue #17, docs/sync.md): LEADCLIP_CLIENT_ID, else
 * `clientId` in leadclip.config.json. Sandbox builds (tests, `npm start`) default to the sandbox's app. */
function publisherClientId(): string {
  if (process.env.LEADCLIP_CLIENT_ID) return process.env.LEADCLIP_CLIENT_ID.trim();
  if (existsSync('leadclip.config.json')) {
    const id = (JSON.parse(readFileSync('leadclip.config.json', 'utf8')) as { clientId?: unknown }).clientId;
    if (typeof id === 'string') return id.trim();
  }
  return sandbox ? '11111111-2222-4333-8444-555555555555' : '';
}

/** Every built HTML page gets its own, stricter policy on top of the manifest's (lib/privacy/csp.ts). */
const pageCsp = {
  name: 'leadclip-page-csp',
  apply: 'build' as const,
  transformIndexHtml: (html: string) => html.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="${PAGE_ONLY_CSP}">`),
};

export default defineConfig({
  imports: false,
  // The store build for e2e/no-third-party.e2e.ts goes beside the test build, not over it.
  ...(process.env.LEADCLIP_OUT_DIR ? { outDir: process.env.LEADCLIP_OUT_DIR } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), pageCsp],
    // ES-module workers keep dynamic imports as chunks: the import worker loads SheetJS only
    // when an .xlsx arrives (issue #5).
    worker: { format: 'es' as const },
    // Chrome and Edge preload modules natively; the polyfill would only add to every page's entry.
    build: { modulePreload: { polyfill: false } },
    // Test builds plug a recording sync processor into the queue (issue #4); dropped otherwise.
    // Sandbox builds may connect to http://127.0.0.1 (lib/sync/settings.ts); store builds only to Microsoft.
    define: {
      'import.meta.env.LEADCLIP_TEST_BUILD': JSON.stringify(testBuild),
      'import.meta.env.LEADCLIP_SANDBOX': JSON.stringify(sandbox),
      'import.meta.env.LEADCLIP_PHONE_COUNTRIES': JSON.stringify(phoneCountries),
      'import.meta.env.LEADCLIP_CLIENT_ID': JSON.stringify(publisherClientId()),
    },
  }),
  hooks: {
    // The webmail content script (issue #7) runs on every Gmail/Outlook load and has a 5 ms budget:
    // it uses Chrome's own promise-based `chrome.*` instead of the ~10 kB webextension-polyfill, and
    // a bare abort-signal context instead of WXT's (see lib/webmail/light-content-script-context.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.name === 'background')) {
        const deferred = resolve('lib/text/phone-library-deferred.ts');
        const alias = config.resolve?.alias;
        const kept = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
        config.resolve = { ...config.resolve, alias: [{ find: /^libphonenumber-js\/min$/, replacement: deferred }, { find: /^.*\/phone-metadata-ready$/, replacement: deferred }, ...kept] };
        // Issue #15: sync, import and Exchange load when needed, as chunks (build/service-worker-chunks.ts).
        if (config.build?.lib) config.build.lib.formats = ['cjs'];
        config.build!.rollupOptions!.output = { ...config.build!.rollupOptions!.output, chunkFileNames: 'background/[name]-[hash].js' };
        config.plugins = [...(config.plugins ?? []), serviceWorkerChunks()];
        return;
      }
      // The popup's first script (issue #13) starts the page read: Chrome's own API, no polyfill to load first.
      const light = entrypoints.some((e) => e.name === 'webmail' || e.name === 'popup-start');
      if (!light) return;
      config.resolve ??= {};
      const alias = config.resolve.alias;
      const kept = Array.isArray(alias)
        ? alias.filter((a: { find: unknown }) => a.find !== 'wxt/browser')
        : Object.entries(alias ?? {}).filter(([find]) => find !== 'wxt/browser').map(([find, replacement]) => ({ find, replacement }));
      config.resolve.alias = [
        { find: /^wxt\/utils\/content-script-context$/, replacement: resolve('lib/webmail/light-content-script-context.ts') },
        ...kept,
      ];
    },
    'build:publicAssets': (_wxt, assets) => {
      assets.push({ relativeDest: 'phone-metadata.json', contents: phoneMetadata });
      for (const lang of localeNames('lib/i18n/locales')) {
        assets.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(mergeLocale(`lib/i18n/locales/${lang}`)) });
      }
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'identity', 'notifications'],
    host_permissions: testBuild ? localHosts : [],
    // Sync (issue #6): the org's host (and its cloud's discovery service) is asked for when the rep
    // connects: Microsoft's public and US Government clouds, GCC High, China (lib/sync/clouds.ts).
    // The local Dataverse sandbox (tests/sandbox) only in test builds, or with LEADCLIP_SANDBOX=1.
    // Microsoft Graph (issue #17): asked for when the rep first imports Outlook contacts.
    optional_host_permissions: ['https://*.dynamics.com/*', 'https://*.microsoftdynamics.us/*', 'https://*.dynamics.cn/*', 'https://graph.microsoft.com/*', ...(sandbox ? ['http://127.0.0.1/*'] : [])],
    storage: { managed_schema: 'managed_schema.json' },
    // Pinned by tests/security/manifest-permissions.test.ts; reasons in docs/security.md.
    content_security_policy: { extension_pages: extensionPagesCsp({ loopback: sandbox }) },
    // Drawn in tests/tools/icon.svg, rasterised by tests/tools/make-icons.ts (issue #16).
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: '__MSG_actionTitle__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L', mac: 'Alt+Shift+L' },
        description: '__MSG_commandOpen__',
      },
    },
  },
});
