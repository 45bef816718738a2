// Issue #15: the worker parses background.js at every wake-up, so sync, Exchange and the phone
// parser load when needed (build/service-worker-chunks.ts; budget in bench/bundle-size.ts).
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { importGraph, importsOf } from './security/source-walk';
import { REGISTER_CHUNK, serviceWorkerChunks } from '../build/service-worker-chunks';

const ENTRY = 'entrypoints/background/index.ts';
/** Loaded on demand: the sync engine and its sign-in library, Exchange, the sync messages' wording. */
const LAZY = ['lib/sync/service.ts', 'lib/sync/sync-engine.ts', 'lib/sync/auth/pkce.ts', 'lib/sync/auth/session.ts', 'lib/sync/translate.ts', 'lib/exchange/exchange-service.ts', 'lib/text/phone-parse-core.ts'];

describe('the background entry', () => {
  const wakeUp = importGraph(ENTRY, { dynamic: false });

  it('does not load sync, Exchange or the phone parser statically', () => {
    const packages = wakeUp.flatMap((f) => importsOf(f).filter((e) => !e.typeOnly && /^(oauth4webapi|libphonenumber-js\/core)$/.test(e.target)).map((e) => `${f} imports ${e.target}`));
    expect([...wakeUp.filter((f) => LAZY.includes(f)), ...packages], 'reach these through import() where they are used (entrypoints/background/handlers.ts, lib/sync/activation.ts)').toEqual([]);
  });

  it('still reaches them on demand', () => {
    const onDemand = [...importGraph(ENTRY), ...importGraph('lib/text/phone-library-deferred.ts')];
    for (const f of LAZY) expect(onDemand).toContain(f);
    expect(wakeUp).toContain('lib/sync/activation.ts');
  });
});

type Bundle = Record<string, Rollup.OutputChunk | Rollup.OutputAsset>;
const chunk = (fileName: string, code: string, imports: string[] = [], isEntry = false) => ({ type: 'chunk', fileName, code, imports, isEntry }) as unknown as Rollup.OutputChunk;

/** A CommonJS build as rolldown writes it: an entry, a chunk it imports, a chunk it import()s. */
function build(): Bundle {
  const bundle: Bundle = {
    'background.js': chunk('background.js', 'const shared = require("./background/shared-1.js"); log.push("entry"); globalThis.loadSync = () => Promise.resolve().then(() => require("./background/sync-1.js")).then((m) => m.run(shared.value));', ['background/shared-1.js'], true),
    'background/shared-1.js': chunk('background/shared-1.js', 'log.push("shared"); exports.value = 41;'),
    'background/sync-1.js': chunk('background/sync-1.js', 'const s = require("./shared-1.js"); log.push("sync"); exports.run = (v) => v + 1 + s.value - s.value;'),
  };
  const plugin = serviceWorkerChunks();
  (plugin.generateBundle as (this: unknown, o: unknown, b: Bundle) => void).call({}, { format: 'cjs' }, bundle);
  return bundle;
}

/** A service worker as the spec has it: importScripts() of a new script only while installing. */
function worker(bundle: Bundle, installed: Set<string>) {
  const log: string[] = [];
  const imported: string[] = [];
  const listeners = new Map<string, () => void>();
  let installing = false;
  const context: Record<string, unknown> = {
    log, URL,
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    importScripts: (...urls: string[]) => {
      for (const url of urls) {
        if (!installing && !installed.has(url)) throw new Error(`importScripts() of new scripts after service worker installation is not allowed: ${url}`);
        if (installing) installed.add(url);
        imported.push(url);
        runInNewContext((bundle[url.slice(1)] as Rollup.OutputChunk).code, context);
      }
    },
  };
  context.globalThis = context;
  runInNewContext((bundle['background.js'] as Rollup.OutputChunk).code, context);
  return {
    log, imported, context,
    install() {
      installing = true;
      listeners.get('install')?.();
      installing = false;
    },
    loadSync: () => (context.loadSync as () => Promise<number>)(),
    loaded: () => (context[REGISTER_CHUNK] as { loaded(): string[] }).loaded(),
  };
}

describe('the service worker chunk loader', () => {
  it('puts what the entry imports into background.js and leaves what it import()s in its own file', () => {
    const bundle = build();
    expect(Object.keys(bundle).sort()).toEqual(['background.js', 'background/sync-1.js']);
  });

  it('registers every chunk at install without running it, and runs it when first needed', async () => {
    const bundle = build();
    const installed = new Set<string>();
    const sw = worker(bundle, installed);
    expect(sw.log).toEqual(['shared', 'entry']);
    sw.install();
    expect(sw.imported).toEqual(['/background/sync-1.js']);
    expect(sw.log).toEqual(['shared', 'entry']);
    expect(await sw.loadSync()).toBe(42);
    expect(sw.log).toEqual(['shared', 'entry', 'sync']);
    expect(sw.loaded().sort()).toEqual(['background.js', 'background/shared-1.js', 'background/sync-1.js']);
  });

  it('loads a chunk in a worker woken later, from the scripts imported at install', async () => {
    const bundle = build();
    const installed = new Set<string>();
    worker(bundle, installed).install();
    const woken = worker(bundle, installed);
    expect(woken.loaded()).not.toContain('background/sync-1.js');
    expect(await woken.loadSync()).toBe(42);
    expect(woken.imported).toEqual(['/background/sync-1.js']);
    expect(woken.log).toEqual(['shared', 'entry', 'sync']);
  });
});
