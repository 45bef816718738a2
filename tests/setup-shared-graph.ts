// Test files of the 'unit' project share one module graph per worker (vitest.config.ts). This runs
// before each file, so the file starts as it would in a graph of its own: the fake browser as
// first loaded (a file may have swapped a namespace or a method), no database connection cached.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbForTests } from '../lib/store/open';
import { resetSyncDbForTests } from '../lib/sync/sync-db';
import { resetSecretsDbForTests } from '../lib/sync/auth/secret-store';

type Namespaces = Map<string, { api: Record<string, unknown>; own: Record<string, unknown> }>;
const fake = fakeBrowser as unknown as Record<string, unknown>;
const kept = globalThis as { leadclipFakeBrowserAsLoaded?: Namespaces };
const asLoaded = (kept.leadclipFakeBrowserAsLoaded ??= new Map(
  Object.entries(fake).flatMap(([name, api]) => (api && typeof api === 'object' ? [[name, { api: api as Record<string, unknown>, own: { ...api } }]] : [])),
));
for (const name of Object.keys(fake)) if (name !== 'reset' && !asLoaded.has(name)) delete fake[name];
for (const [name, { api, own }] of asLoaded) {
  for (const key of Object.keys(api)) if (!(key in own)) delete api[key];
  Object.assign(api, own);
  fake[name] = api;
}

resetDbForTests();
resetSyncDbForTests();
resetSecretsDbForTests();
