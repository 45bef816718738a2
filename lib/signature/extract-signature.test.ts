// Whose signature an email's form is filled from (issue #14): forwards, and a short reply above the
// sender's own earlier message. Every name and number here is invented.
import { describe, expect, it } from 'vitest';
import { analyzeEmail, signatureOfText } from './extract-signature';

const sender = { name: 'Lena Nowacki', email: 'lena.nowacki@bryza-textiles.example' };

describe('analyzeEmail: forwarded messages', () => {
  const forwardBelow = (own: string) => `${own}

---------- Forwarded message ---------
From: Oskar Brandt <oskar@harbor-freight-co.example>
Date: Mon, 2 Nov 2026 at 09:12
Subject: Pallet quote

Please send a quote for 40 pallets.

Oskar Brandt
Purchasing Manager
Harbor Freight Co.
tel. 212-555-0188`;

  it('a forward with only a line above it is about the original author', () => {
    const a = analyzeEmail(forwardBelow('FYI, a lead for you.'), sender);
    expect(a.fromForward).toBe(true);
    expect(a.person.email).toBe('oskar@harbor-freight-co.example');
    expect(a.signature?.fields).toMatchObject({ title: 'Purchasing Manager', company: 'Harbor Freight Co.' });
  });

  it('a sender who signs with title and phone above the forward wrote about themselves, unless the subject says Fwd', () => {
    const own = 'See below.\n\nLena Nowacki\nRegional Buyer\nBryza Textiles Inc.\nPhone: 310-555-0140';
    const a = analyzeEmail(forwardBelow(own), sender);
    expect(a.fromForward).toBe(false);
    expect(a.signature?.fields).toMatchObject({ name: 'Lena Nowacki', title: 'Regional Buyer', phones: [{ number: '310-555-0140', kind: 'work' }] });
    expect(analyzeEmail(forwardBelow(own), sender, { forwarded: true }).fromForward).toBe(true);
  });

  it('a forward deep in the quoted history was not passed on by the sender', () => {
    const text = `Nothing from our side.

Lena Nowacki

On Tue, 3 Nov 2026 at 10:00, Piotr Kaleta <piotr@bryza-textiles.example> wrote:
> Any news?
>
> ---------- Forwarded message ---------
> From: Oskar Brandt <oskar@harbor-freight-co.example>
> Subject: Pallet quote
>
> Please send a quote.
>
> Oskar Brandt
> Harbor Freight Co.
> 212-555-0188`;
    const a = analyzeEmail(text, sender);
    expect(a.fromForward).toBe(false);
    expect(a.person).toEqual(sender);
    expect(a.signature?.fields.phones ?? []).toEqual([]);
  });
});

describe("analyzeEmail: the sender's earlier message", () => {
  it('a reply signed with initials takes the signature of the sender\'s own quoted message', () => {
    const text = `Moved to Friday, sorry.

LN

-----Original Message-----
From: Nowacki, Lena
Sent: Monday, November 2, 2026 4:10 PM
To: Brandt, Oskar
Subject: Supplier review

The supplier review is on Thursday at 10.

Thanks,

Lena Nowacki
Regional Buyer
Bryza Textiles Inc.
Phone 310.555.0140
Fax 310.555.0149`;
    const f = analyzeEmail(text, sender).signature?.fields;
    expect(f).toMatchObject({ name: 'Lena Nowacki', title: 'Regional Buyer', company: 'Bryza Textiles Inc.' });
    expect(f?.phones).toEqual([
      { number: '310.555.0140', kind: 'work', labelled: true },
      { number: '310.555.0149', kind: 'fax', labelled: true },
    ]);
  });

  it('never takes the signature of a quoted message by someone else', () => {
    const text = `Fine by me.

-----Original Message-----
From: Brandt, Oskar
Sent: Monday, November 2, 2026 4:10 PM
To: Nowacki, Lena
Subject: Supplier review

Thursday at 10?

Oskar Brandt
Purchasing Manager
Harbor Freight Co.
Phone 212-555-0188`;
    const f = analyzeEmail(text, sender).signature?.fields;
    expect(f?.title).toBeUndefined();
    expect(f?.phones ?? []).toEqual([]);
  });
});

describe('analyzeEmail: what lies below the signature', () => {
  it('a legal footer that opens with a plain sentence is skipped as a whole', () => {
    const text = `Two small comments on the draft, see above.

Lena Nowacki
Regional Buyer
Bryza Textiles Inc.
Telephone No.: (310) 555-0140

Confidentiality Note:   This e-mail message and any attachments to it are
intended only for the named recipients and may contain privileged
and/or confidential information.  If you are not one of the intended
recipients, please delete it from your computer.`;
    expect(analyzeEmail(text, sender).signature?.fields).toMatchObject({ title: 'Regional Buyer', phones: [{ number: '(310) 555-0140' }] });
  });

  it('a signature above a quoted message counts when the text after the quote is only an attachment and a footer', () => {
    const text = `Lena Nowacki
Regional Buyer
(310) 555-0140

> From: Oskar Brandt
> Sent: Monday, November 2, 2026 4:10 PM
> To: Nowacki, Lena
> Subject: Draft
>
> Draft attached.
>
> Oskar

 - draft-agreement.doc
****************************************************
Harbor Freight Co. is not responsible for any recommendation
contained in this communication.
****************************************************`;
    const a = analyzeEmail(text, sender);
    expect(a.person).toEqual(sender);
    expect(a.signature?.fields).toMatchObject({ name: 'Lena Nowacki', title: 'Regional Buyer', phones: [{ number: '(310) 555-0140' }] });
  });

  it('an attachment name the mail client wrapped over two lines at the end is not text', () => {
    const text = `I am sending the file again.

Lena Nowacki
Purchasing Director of Bryza Textiles

 - #2040 v3 - BRYZA - Supplier Review Minutes of the
Autumn Meeting (11-02-26).doc`;
    expect(signatureOfText(text, sender)?.fields).toMatchObject({ name: 'Lena Nowacki', title: 'Purchasing Director', company: 'Bryza Textiles' });
  });

  it('a signature boxed in rule lines above a boxed company footer is found above the footer', () => {
    const text = `The new catalogue is out, have a look.

Lena

=========================================
Lena Nowacki
CEO, Bryza Textiles
310-555-0140 cell
lena.nowacki@bryza-textiles.example
=========================================
Bryza Textiles weaves linen for hotels and
restaurants across the west coast, order
samples any time.
=========================================`;
    const f = signatureOfText(text, sender)?.fields;
    expect(f).toMatchObject({ name: 'Lena Nowacki', title: 'CEO', company: 'Bryza Textiles' });
    expect(f?.phones).toEqual([{ number: '310-555-0140', kind: 'mobile', labelled: true }]);
  });
});
