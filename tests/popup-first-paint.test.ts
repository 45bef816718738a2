// The popup's entry chunk carries the quick form and nothing the first paint does not need
// (issue #13, budget in bench/bundle-size.ts): the lead schema and zod load for the save and the
// page read, through import().
import { describe, expect, it } from 'vitest';
import { importGraph, importsOf } from './security/source-walk';

const ENTRY = 'entrypoints/popup/main.tsx';
const firstPaint = () => importGraph(ENTRY, { dynamic: false });

describe('the popup first paint', () => {
  it('loads without zod or the lead schema', () => {
    const files = firstPaint();
    const zod = files.flatMap((f) => importsOf(f).filter((e) => !e.typeOnly && /^zod(\/|$)/.test(e.target)).map((e) => `${f} imports ${e.target}`));
    const schema = files.filter((f) => f === 'lib/leads/schema.ts');
    expect([...zod, ...schema], 'import the schema with import() where it is used (the save, the page read), or take plain data from lib/leads/lead-columns.ts').toEqual([]);
  });

  it('still reaches them on demand', () => {
    // The rule can fire: the schema is there once import() is followed.
    expect(importGraph(ENTRY)).toContain('lib/leads/schema.ts');
    expect(firstPaint()).toContain('components/lead-form/quick-fields.tsx');
  });
});
