import { describe, expect, it } from 'vitest';
import { analyzeEmail } from './extract-signature';
import { parseParty, splitThread, stripQuotes } from './split-thread';

describe('splitThread', () => {
  it('cuts an Outlook reply header and reads who wrote the quoted message', () => {
    const parts = splitThread(`Sounds good.

Jan

________________________________
From: Ewa Rep <rep@leadclip.test>
Sent: Monday, November 23, 2026 4:30 PM
To: Jan Kowalski <jan@budmax.pl>
Subject: Demo

Hi Jan,
Ewa Rep
kom. +48 600 700 800`);
    expect(parts.map((p) => p.kind)).toEqual(['own', 'quote']);
    expect(parts[0].text).toBe('Sounds good.\n\nJan');
    expect(parts[1]).toMatchObject({ from: { name: 'Ewa Rep', email: 'rep@leadclip.test' }, subject: 'Demo', date: 'Monday, November 23, 2026 4:30 PM' });
  });

  it('cuts a cc:Mail "Reply Separator" header and reads its Author (#14)', () => {
    const parts = splitThread(`Count me in.

Lena Nowacki
Regional Buyer

____________________Reply Separator____________________
Subject:    Planning call
Author: "Brandt; Oskar" <SMTP:oskar@harbor-freight-co.example>
Date:       03/02/2026 2:40 PM

When can we meet?

Oskar Brandt
Purchasing Manager`);
    expect(parts.map((p) => p.kind)).toEqual(['own', 'quote']);
    expect(parts[0].text).toBe('Count me in.\n\nLena Nowacki\nRegional Buyer');
    expect(parts[1].from?.email).toBe('oskar@harbor-freight-co.example');
  });

  it('recognises Polish headers: "W dniu … pisze:" and "Od:/Wysłano:/Do:/Temat:"', () => {
    expect(stripQuotes('Dziękuję!\n\nW dniu 23.11.2026 o 10:00, Jan Kowalski <jan@x.pl> pisze:\n> Cześć')).toBe('Dziękuję!');
    const parts = splitThread('OK\n\nOd: Anna Nowak <anna@firma.pl>\nWysłano: poniedziałek, 23 listopada 2026 10:00\nDo: Ewa\nTemat: Oferta\n\nTreść');
    expect(parts[1].from).toEqual({ name: 'Anna Nowak', email: 'anna@firma.pl' });
  });

  it('reads a wrapped Gmail attribution and nested quotes', () => {
    const parts = splitThread('Great!\n\nOn Mon, Nov 23, 2026 at 9:14 AM Anna Nowak <\nanna@contoso.com> wrote:\n> Hi\n>\n> > older\n');
    expect(parts[0].text).toBe('Great!');
    expect(parts[1]).toMatchObject({ kind: 'quote', depth: 1, from: { name: 'Anna Nowak', email: 'anna@contoso.com' } });
    expect(parts.at(-1)).toMatchObject({ depth: 2, text: 'older' });
  });

  it('keeps a bottom-posted reply as the sender\'s own text', () => {
    expect(stripQuotes('On 04/02/2012 06:26 PM, Megan One wrote:\n> Hi\nHello')).toBe('Hello');
  });

  it('treats a forward as the original author\'s message', () => {
    const a = analyzeEmail(`FYI

---------- Forwarded message ---------
From: Piotr Zieliński <p.zielinski@fabryka.pl>
Date: Wed, Nov 25, 2026 at 1:48 PM
Subject: Zapytanie
To: <marek@leadclip.test>

Dzień dobry, prosimy o cennik.

Pozdrawiam
Piotr Zieliński
Dyrektor Handlowy
Fabryka Okien S.A.
tel. 61 222 33 44`, { name: 'Marek', email: 'marek@leadclip.test' });
    expect(a.fromForward).toBe(true);
    expect(a.person).toEqual({ name: 'Piotr Zieliński', email: 'p.zielinski@fabryka.pl' });
    expect(a.signature?.fields).toMatchObject({ name: 'Piotr Zieliński', title: 'Dyrektor Handlowy', company: 'Fabryka Okien S.A.' });
  });

  it('a reply quoting someone else\'s signature yields the sender\'s, not the quoted one', () => {
    const a = analyzeEmail('Thanks, see you Tuesday.\n\nTom Baker\nIT Manager | Contoso Ltd.\n\nOn Mon, Nov 23, 2026 at 11:02 AM Ewa Rep <rep@leadclip.test> wrote:\n> Kind regards,\n> Ewa Rep\n> Account Executive\n> LeadClip Sp. z o.o.\n> tel. +48 22 100 20 30', { name: 'Baker, Tom', email: 'tom@contoso.com' });
    expect(a.fromForward).toBe(false);
    expect(a.signature?.fields.phones).toEqual([]);
    expect(a.signature?.fields.company).toBe('Contoso Ltd.');
  });
});

describe('parseParty', () => {
  it.each([
    ['Jan Kowalski <jan@x.pl>', { name: 'Jan Kowalski', email: 'jan@x.pl' }],
    ['"Kowalski, Jan" <jan@x.pl>', { name: 'Kowalski, Jan', email: 'jan@x.pl' }],
    ['Hewitt, Gary (MKT) [mailto:Gary.Hewitt@WatsonWyatt.com]', { name: 'Hewitt, Gary', email: 'Gary.Hewitt@WatsonWyatt.com' }],
    ['jan@x.pl', { email: 'jan@x.pl' }],
    // A mail system's suffix after a "Last, First" display name is not part of the name (#14).
    ['"Nowacki, Lena" <lena@bryza.example>@HUB <GATEWAY-lena@HUB.example>', { name: 'Nowacki, Lena', email: 'lena@bryza.example' }],
  ])('%s', (raw, expected) => {
    expect(parseParty(raw)).toEqual(expected);
  });
});
