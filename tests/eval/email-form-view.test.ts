import { describe, expect, it } from 'vitest';
import { signatureReadPolicy } from '../../lib/signature/read-policy';
import { chooseEmailPolicy, crossValidateEmails, EMAIL_POLICY_GRID, foldsBySender, samePhone, scoreEmailForms, senderGroup, type EmailRecord } from './email-form-view';

describe('scoring the phone the email form shows', () => {
  it('the same line with an extension or a "(0)" trunk prefix is right; another number is not', () => {
    expect(samePhone('(619) 555-0130 ext. 238', '619-555-0130')).toBe(true);
    expect(samePhone('+44 20 7946 0123', '+44 (0)20 7946 0123')).toBe(true);
    expect(samePhone('(619) 555-0130', '619-555-0131')).toBe(false);
    expect(samePhone('(619) 555-0130 ext. 238', '619-555-0238')).toBe(false);
  });
});

// Invented senders and emails: a short reply above the sender's own earlier, signed message.
const people = ['Lena Nowacki', 'Oskar Brandt', 'Maja Lindqvist', 'Piet de Wit', 'Ines Okafor', 'Tomas Reyes', 'Ada Kowal', 'Rui Santos'];
const recordOf = (name: string, i: number): EmailRecord => {
  const [first, last] = [name.split(' ')[0], name.split(' ').slice(1).join(' ')];
  const email = `${first}.${last.replace(/\s+/g, '')}@firm${i % 3}.example`.toLowerCase();
  const phone = `310-555-01${String(10 + i).padStart(2, '0')}`;
  const body = `Friday works.

${first[0]}${last[0]}

-----Original Message-----
From: ${last}, ${first}
Sent: Monday, November 2, 2026 4:10 PM
To: Someone, Else
Subject: Review

The review is on Thursday.

${name}
Regional Buyer
Phone ${phone}`;
  return { id: `${i}`, sender: { name, email }, body, signatures: [{ name, position: 'Regional Buyer', phone: [phone], mail: [] }] };
};
const records = people.flatMap((p, i) => [recordOf(p, i), { ...recordOf(p, i), id: `${i}b` }]);

describe('cross-validating the email form by sender', () => {
  it('puts every sender in exactly one fold', () => {
    const folds = foldsBySender(records, 5);
    expect(folds.flat()).toHaveLength(records.length);
    for (const r of records) expect(folds.filter((f) => f.some((x) => senderGroup(x) === senderGroup(r)))).toHaveLength(1);
  });

  it('scores what the form shows and chooses the rules that fill it right', () => {
    const off = { ...signatureReadPolicy, earlierSignature: false };
    expect(scoreEmailForms(records, signatureReadPolicy).title).toEqual([records.length, records.length]);
    expect(scoreEmailForms(records, off).title).toEqual([0, records.length]);
    expect(chooseEmailPolicy(records, [off, signatureReadPolicy])).toEqual(signatureReadPolicy);
  });

  it('chooses each fold\'s rules on the other folds and adds up the held-out folds', () => {
    expect(EMAIL_POLICY_GRID[0]).toEqual(signatureReadPolicy); // a tie keeps what ships
    const cv = crossValidateEmails(records, 5, [{ ...signatureReadPolicy, earlierSignature: false }, signatureReadPolicy]);
    expect(cv.chosen).toHaveLength(5);
    for (const p of cv.chosen) expect(p.earlierSignature).toBe(true);
    expect(cv.figures.title).toEqual([records.length, records.length]);
    expect(cv.perFold.reduce((n, f) => n + f.name[1], 0)).toBe(cv.figures.name[1]);
  });
});
