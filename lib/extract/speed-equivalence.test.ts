// @vitest-environment happy-dom
// The speed work of issue #13 kept the extractor's output: these pin the behaviours its faster
// paths reproduce (bench/extract-equality.ts compares whole pages in Chromium).
import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text';
import { jsonldItems } from './schema-org/jsonld';
import { parseLines } from './text/parse-lines';
import { findPhones } from './text/phones';

describe('cleanText', () => {
  it('makes every run of whitespace one space, whatever it is made of', () => {
    expect(cleanText('a\tb')).toBe('a b');
    expect(cleanText('a\u00a0b')).toBe('a b');
    expect(cleanText('a \t\n  b  c d')).toBe('a b c d');
    expect(cleanText('\n  Anna   Nowak \u2003')).toBe('Anna Nowak');
    expect(cleanText('x\r\ny')).toBe('x y');
  });
});

describe("a person's contact details", () => {
  it('takes the email that fits the name, else the first in list order (mailto links first), not the nearest line', () => {
    const links = [{ href: 'mailto:sales@contoso.example', text: 'write', line: 3 }];
    const lines = ['Maria Garcia', 'Sales Director', 'info@contoso.example', 'Write to us'];
    expect(parseLines(lines, links, 'u', 'text').people[0].fields.emailaddress1?.value).toBe('sales@contoso.example');
    const fitting = ['Maria Garcia', 'Sales Director', 'maria.garcia@contoso.example', 'Write to us'];
    expect(parseLines(fitting, links, 'u', 'text').people[0].fields.emailaddress1?.value).toBe('maria.garcia@contoso.example');
  });

  it('takes phones in list order (text before tel: links) and only from its own block', () => {
    const links = [{ href: 'tel:+48221112233', text: 'call', line: 2 }];
    const lines = ['Maria Garcia', 'Sales Director', 'Call us', 'Phone: (312) 555-0142', 'Jan Kowalski', 'Key Account Manager', 'Phone: (312) 555-0199'];
    const [maria, jan] = parseLines(lines, links, 'u', 'text').people;
    expect(maria.fields.telephone1?.value).toBe('(312) 555-0142');
    expect(jan.fields.telephone1?.value).toBe('(312) 555-0199');
  });

  it('finds no phone in a line without digits, and finds one in a line with them', () => {
    expect(findPhones('Lorem ipsum dolor sit amet')).toEqual([]);
    expect(findPhones('Tel. 22 555 01 42')[0]?.number).toBe('22 555 01 42');
  });
});

describe('JSON-LD scripts', () => {
  it('are found by type in any letter case, and only that type', () => {
    const doc = new DOMParser().parseFromString(`<html><head>
      <script type="APPLICATION/LD+JSON">{"@type":"Person","name":"Anna Nowak"}</script>
      <script type="application/ld+json+x">{"@type":"Person","name":"Not Read"}</script>
      <script>{"@type":"Person","name":"Also Not"}</script>
      </head><body><script type="application/ld+json">{"@type":"Organization","name":"Contoso"}</script></body></html>`, 'text/html');
    expect(jsonldItems(doc).map((i) => i.props.get('name'))).toEqual([['Anna Nowak'], ['Contoso']]);
  });
});
