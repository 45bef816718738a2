// A small streaming XML reader that is safe by construction: it refuses any DOCTYPE (so no
// entity can be declared, expanded or fetched: no billion laughs, no XXE), knows only the five
// predefined entities and character references, and limits nesting. Runs in workers and Node,
// where DOMParser does not exist.
import { htmlEntities } from './html-entities';
import { ImportError } from './import-error';
import { importLimits } from './limits';

export interface XmlHandler {
  open(name: string, attrs: Map<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const PREDEFINED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

const malformed = (why: string) => new ImportError('xml_malformed', `The XML is malformed: ${why}.`, [why]);

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s<]{0,12});?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw malformed(`a bare "&" near "${whole.slice(0, 12)}"`);
    if (name.startsWith('#')) {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(cp) || cp < 1 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw malformed(`invalid character reference &${name};`);
      return String.fromCodePoint(cp);
    }
    const v = PREDEFINED.get(name) ?? htmlEntities.get(name);
    if (v === undefined) throw new ImportError('xml_dtd', `The XML uses the entity &${name};, which is never expanded.`, [name]);
    return v;
  });
}

const NAME = /^[A-Za-z_:][\w.:\-\u00B7-\uFFFF]*/;
const ATTR = /\s*([A-Za-z_:][\w.:\-\u00B7-\uFFFF]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

function parseAttrs(src: string): Map<string, string> {
  const attrs = new Map<string, string>();
  ATTR.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    ATTR.lastIndex = pos;
    const m = ATTR.exec(src);
    if (!m) throw malformed('an attribute is not written as name="value"');
    if (attrs.has(m[1])) throw malformed(`attribute ${m[1]} appears twice`);
    attrs.set(m[1], decodeEntities(m[2] ?? m[3] ?? ''));
    pos = ATTR.lastIndex;
  }
  return attrs;
}

/** Reads a whole XML document, calling `h` for each element and text run. Throws ImportError. */
export function readXml(xml: string, h: XmlHandler, signal?: AbortSignal): void {
  const stack: string[] = [];
  let i = 0;
  let rootSeen = false;
  const n = xml.length;
  let steps = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      if (stack.length) h.text(decodeEntities(raw));
      else if (raw.trim()) throw malformed('text outside the root element');
    }
    if (lt < 0) break;
    if ((++steps & 0xffff) === 0 && signal?.aborted) throw new ImportError('cancelled', 'Import cancelled.');
    const c = xml[lt + 1];
    if (c === '?') {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw malformed('an unterminated processing instruction');
      i = end + 2;
    } else if (c === '!') {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw malformed('an unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw malformed('an unterminated CDATA section');
        if (!stack.length) throw malformed('CDATA outside the root element');
        h.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else if (/^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.test(xml.slice(lt, lt + 12))) {
        throw new ImportError('xml_dtd', 'The XML declares a DOCTYPE or entities; such files are refused for safety.', []);
      } else {
        throw malformed('an unknown "<!" declaration');
      }
    } else if (c === '/') {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw malformed('an unterminated closing tag');
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (open !== name) throw malformed(open ? `</${name}> closes <${open}>` : `</${name}> closes nothing`);
      h.close(name);
      i = end + 1;
    } else {
      // Find the tag's end, skipping ">" inside quoted attribute values.
      let j = lt + 1;
      let quote = '';
      for (; j < n; j++) {
        const ch = xml[j];
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
        else if (ch === '<') throw malformed('"<" inside a tag');
      }
      if (j >= n) throw malformed('an unterminated tag');
      let body = xml.slice(lt + 1, j);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const m = NAME.exec(body);
      if (!m) throw malformed(`"<${body.slice(0, 10)}" is not a tag`);
      const name = m[0];
      if (!stack.length && rootSeen) throw malformed('a second root element');
      rootSeen = true;
      const attrs = parseAttrs(body.slice(name.length));
      h.open(name, attrs, selfClosing);
      if (selfClosing) h.close(name);
      else {
        stack.push(name);
        if (stack.length > importLimits.maxXmlDepth) throw malformed(`nesting deeper than ${importLimits.maxXmlDepth}`);
      }
      i = j + 1;
    }
  }
  if (stack.length) throw malformed(`<${stack[stack.length - 1]}> is never closed`);
  if (!rootSeen) throw malformed('no root element');
}

/** The encoding an XML declaration names, if any. */
export function declaredXmlEncoding(head: string): string | undefined {
  const decl = /^\uFEFF?\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return decl?.[1].toLowerCase();
}
