// @vitest-environment happy-dom
// Tiny hostile pages once hung the captured tab for minutes (issue #18, finding 4). Each must now
// be read in a bounded number of steps; when a budget runs out the extraction stops, keeps what
// it found and says it was cut short.
import { describe, expect, it } from 'vitest';
import { hostilePages } from './__fixtures__/hostile-pages';
import { defaultBudget } from './dom-walk';
import { extractPage } from './extract-page';

const load = (html: string) => new DOMParser().parseFromString(html, 'text/html');
// Generous: happy-dom is far slower than a browser, and the machine is shared. Before the fix the
// microdata and RDFa pages ran for minutes.
const GENEROUS_MS = 15_000;

describe('extractPage on small hostile pages', () => {
  for (const [name, html] of Object.entries(hostilePages)) {
    it(`${name} (${html.length} bytes) is read to the end or cut short, never hangs`, { timeout: GENEROUS_MS }, () => {
      expect(html.length).toBeLessThan(8_000);
      const out = extractPage(load(html), 'http://127.0.0.1/hostile');
      expect(out.title).toBe('Hostile');
      expect(typeof out.truncated).toBe('boolean');
    });
  }

  it('stops when the shared step budget runs out, keeps what it found and flags the cut', () => {
    const out = extractPage(load(hostilePages.microdataNames), 'http://127.0.0.1/hostile', defaultBudget, { maxSteps: 60, maxMs: 60_000 });
    expect(out.truncated).toBe(true);
    expect(out.title).toBe('Hostile');
    const full = extractPage(load(hostilePages.microdataNames), 'http://127.0.0.1/hostile');
    expect(full.truncated).toBe(false);
  });

  it('stops at the deadline too', () => {
    const out = extractPage(load(hostilePages.deepElements), 'http://127.0.0.1/hostile', defaultBudget, { maxSteps: 1e9, maxMs: 0 });
    expect(out.truncated).toBe(true);
  });
});
