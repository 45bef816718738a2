// @vitest-environment happy-dom
// Security issue #18: every signature and thread parser takes time linear in its input, however
// the text is shaped. Each entry point gets long and hostile text (up to 200 kB) and must answer
// within a CPU budget, with a well-formed result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileLine, hostileText, runs, withinBudget } from '../text/hostile-text.test-helper';
import { classifyLine } from './classify-line';
import { analyzeEmail } from './extract-signature';
import { findSignature } from './find-signature';
import { mailHtmlToText } from './html-to-text';
import { parseSignature } from './parse-signature';
import { parseParty, splitThread } from './split-thread';

const sender = { name: 'Jan Kowalski', email: 'jan.kowalski@acme.pl' };
const KINDS = ['blank', 'separator', 'device', 'signoff', 'contact', 'name', 'title', 'company', 'address', 'short', 'disclaimer', 'prose'];

describe('signature parsers stay linear on hostile text (#18)', () => {
  it('parseSignature: a block of long hostile lines', () => {
    fc.assert(
      fc.property(fc.array(hostileLine(1, 40_000), { minLength: 1, maxLength: 5 }), (block) => {
        const f = withinBudget(() => parseSignature(['Jan Kowalski', ...block], sender));
        expect(Array.isArray(f.phones) && Array.isArray(f.emails) && Array.isArray(f.address)).toBe(true);
      }),
      runs(25),
    );
  });

  it('parseSignature: a short line of labels that once took exponential time ("p.p.p.…p.#")', () => {
    const f = withinBudget(() => parseSignature(['Jan Kowalski', `${'p.'.repeat(40)}#`, `${'e-mail.'.repeat(30)}#`], sender));
    expect(f.name).toBeUndefined(); // no title, company or contact data: a sign-off
    expect(f.closingName).toBe('Jan Kowalski');
  });

  it('classifyLine: one line of up to 200 kB', () => {
    fc.assert(
      fc.property(hostileLine(1, 200_000), (line) => {
        expect(KINDS).toContain(withinBudget(() => classifyLine(line, { senderTokens: ['jan'] })));
      }),
      runs(20),
    );
  });

  it('findSignature: up to 200 kB of lines, the footer and list shapes included', () => {
    const footer = `CONFIDENTIAL: this message is intended only for the named recipient and may be privileged.\n${'This is text.\n'.repeat(15_000)}`;
    const names = 'Jan Kowalski\ntel. 600 100 200\n'.repeat(5_000);
    fc.assert(
      fc.property(fc.oneof(hostileText(200_000), fc.constant(footer), fc.constant(names)), (text) => {
        const lines = text.split('\n');
        const span = withinBudget(() => findSignature(lines, sender));
        if (span) expect(span.start <= span.end && span.end <= lines.length).toBe(true);
      }),
      runs(20),
    );
  });

  it('splitThread and parseParty: up to 200 kB', () => {
    fc.assert(
      fc.property(hostileText(200_000), (text) => {
        const parts = withinBudget(() => splitThread(text));
        expect(parts[0].kind).toBe('own');
        expect(withinBudget(() => parseParty(text))).toBeTypeOf('object');
      }),
      runs(20),
    );
  });

  it('analyzeEmail: up to 200 kB, as a header, a quote or the body', () => {
    fc.assert(
      fc.property(hostileText(200_000), fc.constantFrom('', 'On Mon, 5 Jan 2026 at 10:00 ', '> ', 'From: ', '12:30 2026 a@b.pl '), (text, prefix) => {
        const a = withinBudget(() => analyzeEmail(`Hi,\n${prefix}${text}\n\nRegards,\nJan Kowalski`, sender));
        expect(a.parts.length).toBeGreaterThan(0);
      }),
      runs(20),
    );
  });

  it('mailHtmlToText: long runs of spaces and of empty cells, nested quote headers', () => {
    const doc = document.implementation.createHTMLDocument('');
    const body = doc.createElement('div');
    const spaces = `<p>a${'&nbsp;'.repeat(100_000)}b</p><table><tr>${'<td></td>'.repeat(2_000)}<td>x</td></tr></table>`;
    // 500 deep: Chromium's HTML parser nests no deeper than 512.
    const nested = `${'<div style="border:none;border-top:solid #E1E1E1 1.0pt"><hr>'.repeat(500)}${'y'.repeat(100_000)}${'</div>'.repeat(500)}`;
    for (const html of [spaces, nested]) {
      body.innerHTML = html; // test input built here, never page content
      const text = withinBudget(() => mailHtmlToText(body));
      expect(text.length).toBeGreaterThan(0);
    }
  });
});
