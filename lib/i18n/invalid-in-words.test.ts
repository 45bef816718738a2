import { describe, expect, it } from 'vitest';
import { leadDraft } from '../leads/schema';
import { invalidInWords } from './invalid-in-words';

describe('invalidInWords (issue #16)', () => {
  it('names each refused field as the form does and says what is wrong, without logical names', () => {
    const r = leadDraft.safeParse({ subject: 'Expo', lastname: '', emailaddress1: 'a@b.pl c@d.pl', jobtitle: 'x'.repeat(200) });
    expect(r.success).toBe(false);
    const text = invalidInWords(r.error!.issues);
    expect(text).toContain('Last Name: Provide a value.');
    expect(text).toContain('Job Title: Too long: at most 100 characters.');
    expect(text).not.toMatch(/lastname|jobtitle|emailaddress1|✖|→/);
  });

  it('finds the field under a message\u2019s own path (lead.lastname)', () => {
    expect(invalidInWords([{ path: ['lead', 'lastname'], message: 'required' }])).toBe('Last Name: Provide a value.');
  });
});
