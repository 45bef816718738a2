// @vitest-environment happy-dom
// Quote stripping on real replies from Gmail, Outlook 2003-2016, Office 365, Hotmail, Thunderbird,
// Apple Mail, Windows Mail, Yandex and Mail.ru (fixtures: __fixtures__/reply-quotes/SOURCE.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailHtmlToText } from './html-to-text';
import { stripQuotes } from './split-thread';

const dir = join(__dirname, '__fixtures__/reply-quotes');
const read = (p: string) => readFileSync(join(dir, p), 'utf8');
const body = (html: string) => new DOMParser().parseFromString(html, 'text/html').body as unknown as Element;

describe('planer fixtures: the reply stays, the quote goes', () => {
  const expected = JSON.parse(read('planer/expected.json')) as Record<string, { reply_snippet: string; quoted_snippet: string }>;
  const cases = Object.entries(expected).filter(([k]) => !k.startsWith('_'));
  it.each(cases)('%s', (file, exp) => {
    const reply = stripQuotes(mailHtmlToText(body(read(`planer/${file.replace(/^html\//, '')}`)))).replace(/\s+/g, ' ');
    expect(reply).toContain(exp.reply_snippet);
    expect(reply).not.toContain(exp.quoted_snippet);
  });
});

describe('talon fixtures: exactly the reply', () => {
  const expected = JSON.parse(read('talon/expected.json')) as Record<string, { expected_reply: string }>;
  const files = readdirSync(join(dir, 'talon')).filter((f) => f.endsWith('.html'));
  it('has a fixture for every expectation', () => {
    expect(files.sort()).toEqual(Object.keys(expected).filter((k) => !k.startsWith('_')).sort());
  });
  it.each(files)('%s', (file) => {
    const reply = stripQuotes(mailHtmlToText(body(read(`talon/${file}`))));
    expect(reply.replace(/\s+/g, '')).toBe(expected[file].expected_reply.replace(/\s+/g, ''));
  });
});
