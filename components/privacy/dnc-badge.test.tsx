// @vitest-environment happy-dom
// Do-not-contact is shown wherever leads are listed (issue #8): the badge itself, and a check
// that every component rendering lead rows (marked data-lead-id) also renders the badge.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, sourceFiles } from '@/tests/security/source-walk';

vi.mock('@/lib/i18n/t', () => ({ t: (k: string) => k }));
const { DncBadge } = await import('./dnc-badge');

describe('DncBadge', () => {
  it('shows which do-not-* flags are set', () => {
    const el = document.createElement('div');
    render(<DncBadge lead={{ donotemail: true, donotphone: false, donotbulkemail: true }} />, el);
    const badge = el.querySelector('[data-testid="dnc-badge"]')!;
    expect(badge.textContent).toBe('⛔ dnc_badge');
    expect(badge.getAttribute('title')).toBe('field_donotemail · field_donotbulkemail');
  });

  it('shows nothing for a lead that may be contacted', () => {
    const el = document.createElement('div');
    render(<DncBadge lead={{ donotemail: false }} />, el);
    expect(el.innerHTML).toBe('');
  });
});

describe('every list of leads shows do-not-contact', () => {
  it('each component with lead rows renders the badge', () => {
    const files = ['components', 'entrypoints'].flatMap((d) => sourceFiles(d, (f) => f.endsWith('.tsx') && !f.includes('.test.')));
    // Lead rows carry data-lead-id (lists) or data-duplicate-id (possible duplicates).
    const lists = files.filter((f) => /data-(lead|duplicate)-id=/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(lists).toEqual(expect.arrayContaining(['components/options/leads-list.tsx', 'components/privacy/privacy-page.tsx', 'components/pipeline/duplicate-panel.tsx']));
    expect(lists.filter((f) => !/<DncBadge\b/.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
