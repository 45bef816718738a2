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

  it('every paragraph and list item is a claim that names its test', () => {
    expect(claimsWithoutTest('## A\n\nLeadClip is safe.\n\n- It has a test (`lib/x.test.ts`).\n- It has none.\n')).toEqual(['LeadClip is safe.', '- It has none.']);
    expect(claimsWithoutTest(doc)).toEqual([]);
  });
});

/** Paragraphs and list items (tables and headings aside) after the first section that name no test. */
function claimsWithoutTest(text: string): string[] {
  const body = text.slice(Math.max(0, text.indexOf('\n## ')));
  const blocks = body.split(/\n\s*\n/).flatMap((b) => b.split(/\n(?=- )/)).map((b) => b.trim());
  return blocks.filter((b) => b && !b.startsWith('#') && !b.startsWith('|') && !b.startsWith('<!--') && ![...b.matchAll(TEST_REF)].length);
}
