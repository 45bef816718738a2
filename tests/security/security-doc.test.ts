// docs/security.md may only claim what a test checks: each test it names must exist, and each
// section must name at least one (issue #8).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './source-walk';

const doc = readFileSync(join(ROOT, 'docs/security.md'), 'utf8');
const TEST_REF = /`((?:lib|tests|e2e|components|entrypoints)\/[\w./-]+\.(?:test|e2e)\.tsx?)`/g;

describe('docs/security.md', () => {
  it('names only tests that exist', () => {
    const refs = [...doc.matchAll(TEST_REF)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !existsSync(join(ROOT, r)))).toEqual([]);
  });

  it('every section names at least one test', () => {
    const sections = doc.split(/^## /m).slice(1);
    expect(sections.length).toBeGreaterThanOrEqual(8);
    const bare = sections.filter((s) => ![...s.matchAll(TEST_REF)].length).map((s) => s.split('\n')[0]);
    expect(bare).toEqual([]);
  });
});
