import { describe, expect, it } from 'vitest';
import { webmailClientAt, webmailClientOf } from './hosts';

describe('webmail hosts', () => {
  it('tells the client from a URL, HTTPS only', () => {
    expect(webmailClientOf('https://mail.google.com/mail/u/0/#inbox')).toBe('gmail');
    expect(webmailClientOf('https://outlook.office365.com/mail/inbox')).toBe('outlook');
    expect(webmailClientOf('https://outlook.live.com/mail/0/')).toBe('outlook');
    expect(webmailClientOf('http://mail.google.com/mail/')).toBeUndefined();
    expect(webmailClientOf('https://mail.google.com.evil.test/')).toBeUndefined();
    expect(webmailClientOf('not a url')).toBeUndefined();
    expect(webmailClientOf(undefined)).toBeUndefined();
  });

  it('reads a location the same way', () => {
    expect(webmailClientAt({ protocol: 'https:', hostname: 'outlook.office.com' })).toBe('outlook');
    expect(webmailClientAt({ protocol: 'http:', hostname: 'outlook.office.com' })).toBeUndefined();
    expect(webmailClientAt(null)).toBeUndefined();
  });
});
