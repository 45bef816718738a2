// Pins what the extension may do (issue #8). The manifest is built for real (content scripts'
// matches included), so a new permission, host or content-script site fails here until someone
// adds it below AND explains it in docs/security.md.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { extensionPagesCsp } from '@/lib/privacy/csp';
import { CLOUDS } from '@/lib/sync/clouds';

/** Every API permission, each explained in docs/security.md. */
export const PINNED_PERMISSIONS = ['activeTab', 'alarms', 'contextMenus', 'identity', 'notifications', 'scripting', 'sidePanel', 'storage'];
/** Optional API permissions (asked for at run time). */
export const PINNED_OPTIONAL_PERMISSIONS: string[] = [];
/** The only sites content scripts may run on, and the only granted host permissions. */
export const WEBMAIL_HOSTS = ['https://mail.google.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'];
/**
 * Asked for when the rep connects the CRM, never at install, and then only for the one origin
 * configured: the Dynamics environment, or its cloud's discovery service when the rep signs in
 * to pick one (issue #17). Microsoft's public and US Government (GCC) clouds, GCC High, China.
 * (A webhook receiver allows CORS from the extension instead.)
 */
export const CRM_HOSTS = ['https://*.dynamics.com/*', 'https://*.microsoftdynamics.us/*', 'https://*.dynamics.cn/*'];
/** Microsoft Graph (issue #17): asked for when the rep first imports Outlook contacts, never at install. */
export const GRAPH_HOSTS = ['https://graph.microsoft.com/*'];
/** The test build alone may reach the test's own server. */
export const TEST_BUILD_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  [k: string]: unknown;
}

async function builtManifest(testBuild: boolean): Promise<Manifest> {
  // npm test has just made both builds (build:test, build:store-e2e) from these sources: read them.
  if (process.env.LEADCLIP_FRESH_BUILDS === '1') return JSON.parse(await readFile(testBuild ? '.output/chrome-mv3/manifest.json' : '.output/store/chrome-mv3/manifest.json', 'utf8')) as Manifest;
  const dir = await mkdtemp(join(tmpdir(), 'leadclip-pin-'));
  try {
    const out = join(dir, 'manifest.json');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/tools/built-manifest.ts', 'chrome', out], {
      env: { ...process.env, LEADCLIP_TEST_BUILD: testBuild ? '1' : '' },
      timeout: 120_000,
    });
    return JSON.parse(await readFile(out, 'utf8')) as Manifest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const sorted = (a: string[] | undefined) => [...(a ?? [])].sort();
const outside = (list: string[] | undefined, allowed: string[]) => (list ?? []).filter((x) => !allowed.includes(x));

describe('the manifest asks for nothing unpinned', () => {
  let prod: Manifest;
  let test: Manifest;
  beforeAll(async () => {
    [prod, test] = [await builtManifest(false), await builtManifest(true)];
  }, 240_000);

  it('API permissions are exactly the pinned ones', () => {
    expect(sorted(prod.permissions)).toEqual(sorted(PINNED_PERMISSIONS));
    expect(sorted(prod.optional_permissions)).toEqual(sorted(PINNED_OPTIONAL_PERMISSIONS));
  });

  it('host permissions: webmail only; the CRM host and Microsoft Graph only as optional', () => {
    expect(outside(prod.host_permissions, WEBMAIL_HOSTS)).toEqual([]);
    expect(sorted(prod.optional_host_permissions)).toEqual(sorted([...CRM_HOSTS, ...GRAPH_HOSTS]));
    // Every cloud's environments and discovery service fall under an optional host permission.
    for (const c of CLOUDS) {
      expect(prod.optional_host_permissions, c.id).toContain(c.hostPermission);
      expect(new URL(c.discovery).hostname.endsWith(c.hostPermission.slice('https://*'.length, -2)), c.id).toBe(true);
    }
    const scriptSites = (prod.content_scripts ?? []).flatMap((c) => c.matches ?? []);
    expect(outside(scriptSites, WEBMAIL_HOSTS)).toEqual([]);
  });

  it('nothing outside can talk to the extension or load its files', () => {
    expect(prod.externally_connectable).toBeUndefined();
    expect(prod.web_accessible_resources ?? []).toEqual([]);
  });

  it('extension pages and the worker run under the strict CSP: own scripts only, no plugins, no remote images, network over https only', () => {
    const csp = prod.content_security_policy?.extension_pages;
    expect(csp).toBe(extensionPagesCsp({ loopback: false }));
    const directives = Object.fromEntries(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
      'img-src': "'self' data: blob:",
      // The webhook may be any https address (docs/security.md); no plain http, no loopback.
      'connect-src': "'self' https:",
    });
  });

  it('the test build differs only by the loopback hosts', () => {
    expect(sorted(test.permissions)).toEqual(sorted(prod.permissions));
    expect(outside(test.host_permissions, [...WEBMAIL_HOSTS, ...TEST_BUILD_HOSTS])).toEqual([]);
    expect(outside(test.optional_host_permissions, [...CRM_HOSTS, ...GRAPH_HOSTS, ...TEST_BUILD_HOSTS])).toEqual([]);
    // Its worker may also reach the local sandbox and the tests' servers.
    expect(test.content_security_policy?.extension_pages).toBe(extensionPagesCsp({ loopback: true }));
    expect(test.content_security_policy?.extension_pages?.replace(' http://127.0.0.1:* http://localhost:*', '')).toBe(prod.content_security_policy?.extension_pages);
  });

  it('docs/security.md explains every permission and host the manifest has', async () => {
    const doc = await readFile('docs/security.md', 'utf8');
    const all = [...(prod.permissions ?? []), ...(prod.optional_permissions ?? []), ...(prod.host_permissions ?? []), ...(prod.optional_host_permissions ?? [])];
    for (const p of all) expect(doc, `docs/security.md must explain ${p}`).toContain(`\`${p}\``);
  });
});
