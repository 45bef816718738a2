// Hostile text (a page's markup, an email, a file) is only ever shown as text (issue #8,
// docs/security.md): no HTML injection sinks, no code from strings, anywhere in our sources.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, ROOT, sourceFiles } from './source-walk';

const SINKS: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML/outerHTML assignment', /\.(inner|outer)HTML\s*[+]?=(?!=)/],
  ['insertAdjacentHTML', /insertAdjacentHTML\s*\(/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['eval', /(^|[^\w.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timers', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['javascript: URLs', /['"`]javascript:/i],
];

/** What ships: every file reachable from an entrypoint (test helpers and fixtures do not). */
const files = () => [...new Set(sourceFiles('entrypoints').flatMap((e) => importGraph(e)))];

export function sinksIn(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return SINKS.filter(([, r]) => r.test(code)).map(([name]) => name);
}

describe('no HTML or code injection sinks', () => {
  it('none in any code the extension ships', () => {
    const found = files().flatMap((f) => sinksIn(readFileSync(join(ROOT, f), 'utf8')).map((s) => `${f}: ${s}`));
    expect(found).toEqual([]);
    expect(files().length).toBeGreaterThan(20);
  });

  it('the rules catch what they are meant to', () => {
    expect(sinksIn('el.innerHTML = html')).toEqual(['innerHTML/outerHTML assignment']);
    expect(sinksIn('<div dangerouslySetInnerHTML={{ __html: x }} />')).toEqual(['dangerouslySetInnerHTML']);
    expect(sinksIn('const f = new Function("a", body)')).toEqual(['new Function']);
    expect(sinksIn('eval(x)')).toEqual(['eval']);
    expect(sinksIn("a.href = 'javascript:void 0'")).toEqual(['javascript: URLs']);
    expect(sinksIn('if (el.innerHTML === "") {}')).toEqual([]);
  });
});
