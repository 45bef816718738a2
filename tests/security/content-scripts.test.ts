// Content scripts run inside web pages we do not control (issue #8, docs/security.md): they may
// extract and send, never open the database, read settings or tokens, or call the network.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, ROOT, sourceFiles } from './source-walk';

/** Modules that hold or reach stored data, settings or credentials. */
const FORBIDDEN_MODULES = [/^lib\/db\//, /^lib\/leads\/repo\.ts$/, /^lib\/privacy\/(settings|save-gate|forget-person|export-person|retention|lead-traces|draft-traces|handlers)\.ts$/, /^lib\/sync\//, /^lib\/queue\//, /^lib\/audit\//, /^entrypoints\/background\//];
/** APIs a content script must not touch. */
const FORBIDDEN_CODE = [/\bindexedDB\b/, /\bstorage\.(local|session|sync)\b/, /\bfetch\s*\(/, /\bXMLHttpRequest\b/, /\bWebSocket\b/, /\bsendBeacon\b/, /\bidentity\./];

/** Code that runs inside web pages: declared content scripts and the on-demand page extractor. */
const contentEntries = () =>
  sourceFiles('entrypoints', (f) => /\.(ts|tsx)$/.test(f) && !/\.test\./.test(f)).filter(
    (f) => (/\.content(\/|\.)/.test(f) && /(index\.tsx?|\.content\.tsx?)$/.test(f)) || f === 'entrypoints/extractor.ts',
  );

function violations(entry: string): string[] {
  const out: string[] = [];
  for (const file of importGraph(entry)) {
    if (FORBIDDEN_MODULES.some((r) => r.test(file))) out.push(`${entry} imports ${file}`);
    const text = readFileSync(join(ROOT, file), 'utf8').replace(/\/\/.*$/gm, '');
    for (const r of FORBIDDEN_CODE) if (r.test(text)) out.push(`${file} (from ${entry}) uses ${r.source}`);
  }
  return out;
}

describe('content scripts', () => {
  it('reach no storage, settings, tokens or network, through any import', () => {
    const entries = contentEntries();
    expect(entries).toEqual(expect.arrayContaining(['entrypoints/webmail.content/index.ts', 'entrypoints/extractor.ts']));
    expect(entries.flatMap(violations)).toEqual([]);
    // The walk really followed the content script into lib/ (so the check above means something).
    expect(importGraph('entrypoints/webmail.content/index.ts').filter((f) => f.startsWith('lib/webmail/')).length).toBeGreaterThan(3);
  });

  it('the check itself finds such things where they are (the background reaches the store)', () => {
    const found = violations('entrypoints/background/index.ts');
    expect(found.some((v) => v.includes('lib/store/open.ts'))).toBe(true);
    expect(found.some((v) => v.includes('indexedDB') || v.includes('storage.'))).toBe(true);
  });
});
