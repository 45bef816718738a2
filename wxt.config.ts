import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { localeNames, mergeLocale } from './lib/i18n/merge-locales';

// Tests cannot click the toolbar button to grant activeTab, so the test build (and only it)
// may script local pages served by the test itself.
const testBuild = process.env.LEADCLIP_TEST_BUILD === '1';
const localHosts = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    define: { __LEADCLIP_TEST_BUILD__: JSON.stringify(testBuild) },
  }),
  hooks: {
    'build:publicAssets': (_wxt, assets) => {
      for (const lang of localeNames('lib/i18n/locales')) {
        assets.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(mergeLocale(`lib/i18n/locales/${lang}`)) });
      }
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms'],
    host_permissions: testBuild ? localHosts : [],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L', mac: 'Alt+Shift+L' },
        description: '__MSG_commandOpen__',
      },
    },
  },
});
