// vCard (.vcf, from phones, Outlook and Google Contacts): one row per card, columns named by
// the lead's own field names so they map without help.
import { splitPersonName } from '../text/person-name';
import type { TableRow } from './table';

export const vcardHeaders = [
  'salutation', 'firstname', 'middlename', 'lastname', 'companyname', 'jobtitle',
  'emailaddress1', 'emailaddress2', 'emailaddress3',
  'telephone1', 'telephone2', 'telephone3', 'mobilephone', 'fax', 'websiteurl',
  'address1_line1', 'address1_city', 'address1_stateorprovince', 'address1_postalcode', 'address1_country',
  'description',
] as const;
type Col = (typeof vcardHeaders)[number];

interface Prop {
  name: string;
  params: string[];
  value: string;
}

function unescape(v: string): string {
  return v.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits on unescaped separators. */
function split(v: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '\\' && i + 1 < v.length) {
      cur += v[i] + v[i + 1];
      i++;
    } else if (v[i] === sep) {
      out.push(cur);
      cur = '';
    } else cur += v[i];
  }
  out.push(cur);
  return out.map(unescape);
}

function quotedPrintable(v: string): string {
  const bytes: number[] = [];
  const s = v.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i) & 0xff);
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

/** The colon that ends a property's name and parameters: the first one with an even number of
 * quotes after it (so not inside a quoted parameter). One pass: the lookahead pattern that said
 * this took time quadratic in the line (#18). */
function nameEnd(line: string): number {
  let quotesAfter = 0;
  for (let i = 0; i < line.length; i++) if (line[i] === '"') quotesAfter++;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quotesAfter--;
    else if (line[i] === ':' && quotesAfter % 2 === 0) return i;
  }
  return -1;
}

function parseLine(line: string): Prop | undefined {
  const colon = nameEnd(line);
  if (colon < 0) return undefined;
  const [rawName, ...params] = line.slice(0, colon).split(';');
  const name = rawName.replace(/^item\d+\./i, '').toUpperCase();
  let value = line.slice(colon + 1);
  if (params.some((p) => /^encoding=quoted-printable$/i.test(p))) value = quotedPrintable(value);
  return { name, params: params.map((p) => p.toLowerCase()), value };
}

const types = (p: Prop) => p.params.flatMap((x) => x.replace(/^type=/, '').split(',')).map((t) => t.replace(/"/g, ''));

export function readVcard(text: string): TableRow[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n');
  const header: TableRow = { n: 1, cells: [...vcardHeaders] };
  const rows: TableRow[] = [header];
  let card: Map<Col, string> | undefined;
  let startLine = 0;
  let fn = '';
  lines.forEach((line, i) => {
    const p = parseLine(line);
    if (!p) return;
    if (p.name === 'BEGIN' && /^vcard$/i.test(p.value.trim())) {
      card = new Map();
      fn = '';
      startLine = i + 1;
      return;
    }
    if (!card) return;
    const set = (col: Col, v: string) => {
      if (v.trim() && !card!.has(col)) card!.set(col, v.trim());
    };
    const firstFree = (cols: Col[], v: string) => {
      const col = cols.find((c) => !card!.has(c));
      if (col) set(col, v);
    };
    switch (p.name) {
      case 'END':
        if (!card.get('lastname') && !card.get('firstname') && fn.trim() && !fn.includes('@')) {
          const parts = splitPersonName(fn);
          set('salutation', parts.salutation ?? '');
          set('firstname', parts.firstname ?? '');
          set('middlename', parts.middlename ?? '');
          set('lastname', parts.lastname ?? '');
        }
        rows.push({ n: startLine, cells: vcardHeaders.map((h) => card!.get(h) ?? '') });
        card = undefined;
        break;
      case 'N': {
        const [family, given, additional, prefix] = split(p.value, ';');
        set('lastname', family ?? '');
        set('firstname', given ?? '');
        set('middlename', additional ?? '');
        set('salutation', prefix ?? '');
        break;
      }
      case 'FN':
        fn = unescape(p.value);
        break;
      case 'ORG':
        set('companyname', split(p.value, ';')[0] ?? '');
        break;
      case 'TITLE':
        set('jobtitle', unescape(p.value));
        break;
      case 'EMAIL': {
        const t = types(p);
        const v = unescape(p.value);
        if (t.includes('work') || t.includes('pref')) firstFree(['emailaddress1', 'emailaddress2', 'emailaddress3'], v);
        else firstFree(['emailaddress2', 'emailaddress3', 'emailaddress1'], v);
        break;
      }
      case 'TEL': {
        const t = types(p);
        const v = unescape(p.value.replace(/^tel:/i, ''));
        if (t.includes('fax')) set('fax', v);
        else if (t.includes('cell') || t.includes('mobile')) set('mobilephone', v);
        else if (t.includes('home')) firstFree(['telephone2', 'telephone3'], v);
        else firstFree(['telephone1', 'telephone3', 'telephone2'], v);
        break;
      }
      case 'URL':
        set('websiteurl', unescape(p.value));
        break;
      case 'ADR': {
        if (card.has('address1_line1') && !types(p).includes('work')) break;
        const [pobox, ext, street, city, region, zip, country] = split(p.value, ';');
        const line1 = [street, ext, pobox].filter((x) => x?.trim()).join(', ');
        for (const c of ['address1_line1', 'address1_city', 'address1_stateorprovince', 'address1_postalcode', 'address1_country'] as const) card.delete(c);
        set('address1_line1', line1);
        set('address1_city', city ?? '');
        set('address1_stateorprovince', region ?? '');
        set('address1_postalcode', zip ?? '');
        set('address1_country', country ?? '');
        break;
      }
      case 'NOTE':
        set('description', unescape(p.value));
        break;
    }
  });
  return rows;
}
