// How dependencies are chosen and pinned (issue #8, docs/security.md).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './source-walk';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, { version?: string; resolved?: string; integrity?: string }> };

describe('dependencies', () => {
  it('every direct dependency is pinned to one exact version', () => {
    const loose = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(v));
    expect(loose).toEqual([]);
  });

  it('the lockfile holds exactly those versions, each with an integrity hash from the npm registry', () => {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
    const unhashed = Object.entries(lock.packages).filter(([k, p]) => k && !k.startsWith('node_modules/.') && p.resolved && (!p.integrity || !p.resolved.startsWith('https://registry.npmjs.org/')));
    expect(unhashed.map(([k]) => k)).toEqual([]);
  });

  it('the sheet reader is the patched SheetJS build, not the vulnerable xlsx 0.18 on the registry', () => {
    expect(pkg.dependencies.xlsx).toBeUndefined();
    expect(pkg.dependencies['@e965/xlsx']).toBe('0.20.3');
  });

  it('the runtime bundle depends on nothing that phones home: no analytics or error-reporting SDKs', () => {
    const runtime = Object.keys(pkg.dependencies);
    expect(runtime.filter((n) => /sentry|analytics|segment|mixpanel|amplitude|posthog|datadog|bugsnag|rollbar|gtag|firebase|newrelic|hotjar/i.test(n))).toEqual([]);
  });

  it('Puppeteer never downloads a browser of its own', () => {
    expect(existsSync(join(ROOT, '.puppeteerrc.cjs'))).toBe(true);
    expect(readFileSync(join(ROOT, '.puppeteerrc.cjs'), 'utf8')).toMatch(/skipDownload:\s*true/);
  });
});
