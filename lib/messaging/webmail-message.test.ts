import { describe, expect, it } from 'vitest';
import { webmailMessage } from './webmail-message';

const ok = {
  client: 'gmail', key: '#msg-f:1', sender: { name: 'Anna', email: 'anna@contoso.com' }, to: [], cc: [],
  subject: 'Hi', bodyText: 'Hello', url: 'https://mail.google.com/mail/u/0/#all/1',
};

describe('webmailMessage schema', () => {
  it('accepts a message from a webmail page', () => {
    expect(webmailMessage.safeParse(ok).success).toBe(true);
  });
  it.each([
    ['a link to another site', { ...ok, url: 'https://evil.example/phish' }],
    ['a javascript: link', { ...ok, url: 'javascript:alert(1)' }],
    ['a plain http link', { ...ok, url: 'http://mail.google.com/x' }],
    ['an unknown client', { ...ok, client: 'yahoo' }],
    ['a bad sender address', { ...ok, sender: { email: 'not an address' } }],
    ['a huge body', { ...ok, bodyText: 'x'.repeat(500_001) }],
  ])('refuses %s', (_name, value) => {
    expect(webmailMessage.safeParse(value).success).toBe(false);
  });
});
