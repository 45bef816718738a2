// Each choosable rule of reading an email does what its name says (issue #14), so the policy grid
// eval:signatures cross-validates is a grid of real alternatives. Every name and number is invented.
import { describe, expect, it } from 'vitest';
import { analyzeEmail, signatureOfText } from './extract-signature';
import { signatureReadPolicy } from './read-policy';

const sender = { name: 'Lena Nowacki', email: 'lena.nowacki@bryza-textiles.example' };

describe('the choosable rules of reading an email', () => {
  it('earlierSignature: a short reply takes the title of the sender\'s own quoted message only when on', () => {
    const text = `Moved to Friday.

LN

-----Original Message-----
From: Nowacki, Lena
Sent: Monday, November 2, 2026 4:10 PM
To: Brandt, Oskar
Subject: Supplier review

The review is on Thursday.

Lena Nowacki
Regional Buyer
Phone 310.555.0140`;
    expect(analyzeEmail(text, sender).signature?.fields.title).toBe('Regional Buyer');
    expect(analyzeEmail(text, sender, { policy: { ...signatureReadPolicy, earlierSignature: false } }).signature?.fields.title).toBeUndefined();
  });

  it('unlabelledTitleCompany: lines with no title word or legal form are a title and a company only when on', () => {
    const text = 'See you then.\n\nLena Nowacki\nHead of Procurement\nHarbor Linen & Yarns\n310-555-0140';
    expect(signatureOfText(text, sender)?.fields).toMatchObject({ title: 'Head of Procurement', company: 'Harbor Linen & Yarns' });
    const strict = signatureOfText(text, sender, { ...signatureReadPolicy, unlabelledTitleCompany: false })?.fields;
    expect(strict?.company).toBeUndefined();
    expect(strict?.phones).toEqual([{ number: '310-555-0140', kind: 'work', labelled: false }]);
  });

  it('forwardOwnWords: how many words of the sender above a forward still make it about the original author', () => {
    const text = `Here is the supplier I mentioned last week, please call him about the pallets.

---------- Forwarded message ---------
From: Oskar Brandt <oskar@harbor-freight-co.example>
Subject: Pallet quote

Please send a quote.

Oskar Brandt
Harbor Freight Co.
212-555-0188`;
    expect(analyzeEmail(text, sender, { policy: { ...signatureReadPolicy, forwardOwnWords: 40 } }).fromForward).toBe(true);
    expect(analyzeEmail(text, sender, { policy: { ...signatureReadPolicy, forwardOwnWords: 5 } }).fromForward).toBe(false);
  });

  it('maxSignatureLines: a tail longer than the limit is text, not a signature', () => {
    const text = 'See you then.\n\nLena Nowacki\nRegional Buyer\nBryza Textiles Inc.\nul. Prosta 1\n00-850 Warszawa\nPhone 310.555.0140\nFax 310.555.0149';
    expect(signatureOfText(text, sender, { ...signatureReadPolicy, maxSignatureLines: 14 })?.fields.title).toBe('Regional Buyer');
    expect(signatureOfText(text, sender, { ...signatureReadPolicy, maxSignatureLines: 4 })?.fields.title).toBeUndefined();
  });
});
