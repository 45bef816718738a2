// The walls between the parts of the extension, checked on every run (issue #15). Each rule
// fails with a sentence saying what to do; each rule is also shown to fire on a known case.
import { describe, expect, it } from 'vitest';
import { importGraph, importsOf, sourceFiles } from './security/source-walk';
import { allSources, cyclesIn, fileGraph, folderGraph } from './tools/import-cycles';

/** Where the lead database, the queue and the sync service live: the background's parts. */
const BACKGROUND_ONLY = /^lib\/(db|store|queue)\/|^lib\/sync\/(service|sync-engine|dataverse-client)\.ts$|^idb$/;
const PAGE_ENTRIES = sourceFiles('entrypoints', (f) => f === 'main.tsx');
/** What each content script may run: its own folder and the parsers it needs, nothing that stores or sends. */
const CONTENT_SCRIPTS: Record<string, RegExp> = {
  'entrypoints/extractor.ts': /^(entrypoints\/extractor\.ts|lib\/(extract|text)\/)/,
  'entrypoints/webmail.content/index.ts': /^(entrypoints\/webmail\.content\/|lib\/(webmail|signature|text|i18n)\/|lib\/messaging\/(send|envelope)\.ts$)/,
};
/** Outside lib/store (the lead database), the modules that open an IndexedDB database of their own. */
const IDB_OWNERS = [
  'lib/sync/auth/secret-store.ts', // tokens: their own database, opened by the worker only
  'lib/sync/sync-db.ts', // conflict copies and sync attempts
];
/** What the lead model may run: its option sets, and the readers that clean values at its boundary (issue #18). */
const MODEL_MAY_REACH = ['lib/leads/option-sets.ts', 'lib/leads/lead-columns.ts', 'lib/text/visible-text.ts', 'lib/text/web-url.ts', 'lib/text/email-address.ts', 'lib/text/input-bounds.ts'];

describe('architecture', () => {
  it('keeps the database, the queue and the sync service out of every page and component', () => {
    expect(PAGE_ENTRIES.length).toBeGreaterThanOrEqual(2);
    const offending = PAGE_ENTRIES.flatMap((entry) => importGraph(entry).filter((f) => BACKGROUND_ONLY.test(f)).map((f) => `${entry} reaches ${f}`));
    const components = sourceFiles('components').flatMap((f) => importsOf(f).filter((e) => !e.typeOnly && BACKGROUND_ONLY.test(e.target)).map((e) => `${f} imports ${e.target}`));
    expect([...offending, ...components], 'pages and components ask the background by message (lib/messaging/send.ts)').toEqual([]);
    // The rule fires: the background entry does reach the database.
    expect(importGraph('entrypoints/background/index.ts').some((f) => BACKGROUND_ONLY.test(f))).toBe(true);
  });

  it('lets each content script reach only its allowed modules', () => {
    for (const [entry, allowed] of Object.entries(CONTENT_SCRIPTS)) {
      const outside = importGraph(entry).filter((f) => !allowed.test(f));
      expect(outside, `${entry} runs in pages we do not control: move what it needs into an allowed module, or extract and send instead`).toEqual([]);
    }
    expect(importGraph('entrypoints/options/main.tsx').some((f) => !CONTENT_SCRIPTS['entrypoints/extractor.ts'].test(f))).toBe(true);
  });

  it('opens IndexedDB only in the modules that own a database', () => {
    const importers = allSources().filter((f) => importsOf(f).some((e) => e.target === 'idb' && !e.typeOnly));
    expect(importers.filter((f) => !f.startsWith('lib/store/')).sort(), 'reach the lead database through lib/store/index.ts; a module off this list must not import idb').toEqual([...IDB_OWNERS].sort());
    // The rule fires: the store itself does import idb.
    expect(importers.some((f) => f.startsWith('lib/store/'))).toBe(true);
  });

  it('lets everything outside lib/store reach the lead database through lib/store/index.ts only', () => {
    const outside = allSources().filter((f) => !f.startsWith('lib/store/') && !/\.test\.tsx?$/.test(f));
    const offending = outside.flatMap((f) => importsOf(f).filter((e) => e.target.startsWith('lib/store/') && e.target !== 'lib/store/index.ts').map((e) => `${f} imports ${e.target}`));
    expect(offending, 'import from lib/store (its index.ts): the journal, transactions and stores are the store\'s own business').toEqual([]);
    // The rule fires: the background entry's handlers do reach the store, through its door.
    expect(importsOf('entrypoints/background/handlers.ts').some((e) => e.target === 'lib/store/index.ts')).toBe(true);
  });

  it('keeps the lead model free of everything but zod, its option sets and the pure value readers it checks with', () => {
    const reached = importGraph('lib/leads/schema.ts').filter((f) => f !== 'lib/leads/schema.ts');
    const packages = reached.concat('lib/leads/schema.ts').flatMap((f) => importsOf(f)).filter((e) => !e.target.startsWith('lib/')).map((e) => e.target);
    expect(reached.sort(), 'lib/leads/schema.ts is imported everywhere, content scripts included: keep it pure').toEqual([...MODEL_MAY_REACH].sort());
    expect(packages.every((p) => p === 'zod' || p.startsWith('zod/')), 'the model and its readers import zod and nothing else').toBe(true);
  });

  it('has no import cycle between files', () => {
    expect(cyclesIn(fileGraph()), 'break the cycle: move the shared part into its own module').toEqual([]);
    expect(cyclesIn(fileGraph(['tests/fixtures/import-cycle/ping.ts', 'tests/fixtures/import-cycle/pong.ts']))).toEqual([['tests/fixtures/import-cycle/ping.ts', 'tests/fixtures/import-cycle/pong.ts']]);
  });

  it('has no import cycle between lib/ folders', () => {
    expect(cyclesIn(folderGraph()), 'two lib/ folders import each other: depend in one direction only (move the shared part to the lower folder, or pass it in)').toEqual([]);
    // The rule fires: files without a cycle between them still tie their folders into one.
    const files = new Map([['lib/a/one.ts', ['lib/b/two.ts']], ['lib/b/two.ts', ['lib/a/three.ts']], ['lib/a/three.ts', []]]);
    expect(cyclesIn(files)).toEqual([]);
    expect(cyclesIn(folderGraph(files))).toEqual([['lib/a', 'lib/b']]);
  });
});
