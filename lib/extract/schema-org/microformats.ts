// Microformats h-card / h-adr (v2) and vcard / adr (v1) -> schema.org-shaped items, so one
// mapping turns every kind of markup into candidates. Only the properties a lead needs.
import type { ExtractBudget } from '../budget';
import { textOf } from '../dom-walk';
import { cleanText } from '../clean-text';
import { addProp, MAX_ITEMS, type Item, type ItemValue } from './item';

const ROOT_V2 = /^h-(card|adr|resume)$/;
const ROOT_V1: Record<string, string> = { vcard: 'h-card', adr: 'h-adr', hresume: 'h-resume' };

/** mf2 property name (without prefix) -> schema.org property. */
const PROP_MAP: Record<string, string> = {
  name: 'name', fn: 'name', 'given-name': 'givenName', 'family-name': 'familyName', 'additional-name': 'additionalName',
  'honorific-prefix': 'honorificPrefix', 'honorific-suffix': 'honorificSuffix', 'job-title': 'jobTitle', title: 'jobTitle',
  role: 'role', org: 'worksFor', 'organization-name': 'worksFor', email: 'email', tel: 'telephone', url: 'url',
  adr: 'address', 'street-address': 'streetAddress', 'extended-address': 'extendedAddress', locality: 'addressLocality',
  region: 'addressRegion', 'postal-code': 'postalCode', 'country-name': 'addressCountry', contact: 'contact',
  affiliation: 'affiliation', n: 'n',
};
const V1_PROPS = new Set(Object.keys(PROP_MAP).filter((k) => k !== 'name' && k !== 'job-title'));
const ADDRESS_PARTS = ['streetAddress', 'extendedAddress', 'addressLocality', 'addressRegion', 'postalCode', 'addressCountry'];

interface Root { kind: string; v1: boolean }

function rootOf(el: Element): Root | undefined {
  const cls = el.classList;
  for (let i = 0; i < cls.length; i++) if (ROOT_V2.test(cls[i])) return { kind: cls[i], v1: false };
  for (let i = 0; i < cls.length; i++) if (ROOT_V1[cls[i]]) return { kind: ROOT_V1[cls[i]], v1: true };
  return undefined;
}

interface PropClass { prefix: string; name: string }

function propsOf(el: Element, v1: boolean): PropClass[] {
  const out: PropClass[] = [];
  const cls = el.classList;
  for (let i = 0; i < cls.length; i++) {
    const c = cls[i];
    const m = /^(p|u|dt|e)-([a-z-]+)$/.exec(c);
    if (m && !v1) out.push({ prefix: m[1], name: m[2] });
    else if (v1 && V1_PROPS.has(c)) out.push({ prefix: c === 'email' || c === 'url' ? 'u' : 'p', name: c });
  }
  return out;
}

const ROOT_CLASSES = ['h-card', 'vcard', 'h-adr', 'adr', 'h-resume', 'hresume'];

export function microformatItems(doc: Document, budget: ExtractBudget): Item[] {
  const items: Item[] = [];
  // Most pages have no microformats: one class at a time the browser answers from its own index,
  // where the list of six walks a large page's every element (issue #13).
  if (ROOT_CLASSES.every((c) => doc.getElementsByClassName(c).length === 0)) return items;
  const all = doc.querySelectorAll('.h-card, .vcard, .h-adr, .adr, .h-resume, .hresume');
  for (let i = 0; i < all.length && items.length < MAX_ITEMS && budget.spend(); i++) {
    const el = all[i];
    const root = rootOf(el);
    if (!root || root.kind === 'h-adr' && hasRootAncestor(el)) continue;
    items.push(readRoot(el, root, doc, 0, budget));
  }
  return items;
}

function hasRootAncestor(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (rootOf(p)) return true;
  return false;
}

/** The value-class pattern: parts marked class="value" make the value, else the text. */
function textValue(el: Element, budget: ExtractBudget): string {
  const tag = el.tagName.toUpperCase();
  const values = el.querySelectorAll(':scope > .value, :scope > * > .value');
  if (values.length) return cleanText(Array.from(values).slice(0, 10).map((v) => v.getAttribute('title') ?? v.getAttribute('value') ?? textOf(v, 300, budget)).join(''));
  if (tag === 'ABBR' && el.getAttribute('title')) return cleanText(el.getAttribute('title'));
  if ((tag === 'IMG' || tag === 'AREA') && el.getAttribute('alt') !== null) return cleanText(el.getAttribute('alt'));
  if ((tag === 'DATA' || tag === 'INPUT') && el.getAttribute('value') !== null) return cleanText(el.getAttribute('value'));
  return textOf(el, 300, budget);
}

function urlValue(el: Element, budget: ExtractBudget): string {
  const tag = el.tagName.toUpperCase();
  const attr = tag === 'A' || tag === 'AREA' || tag === 'LINK' ? 'href' : tag === 'IMG' ? 'src' : tag === 'OBJECT' ? 'data' : '';
  const raw = attr ? el.getAttribute(attr) : null;
  if (raw === null) return textValue(el, budget);
  if (/^(mailto|tel):/i.test(raw)) return cleanText(raw);
  try {
    return cleanText(new URL(raw, el.ownerDocument.baseURI).href);
  } catch {
    return cleanText(raw);
  }
}

function readRoot(rootEl: Element, root: Root, doc: Document, depth: number, budget: ExtractBudget): Item {
  const item: Item = { types: [root.kind], props: new Map(), method: 'microformat' };
  let typeHint = '';
  const stack: Element[] = Array.from(rootEl.children).reverse();
  const included = new Set<Element>();
  // v1 include patterns: a cell's headers="id" and a card's itemref="id …" add those elements' properties.
  const refs = root.v1 ? `${rootEl.getAttribute('headers') ?? ''} ${rootEl.getAttribute('itemref') ?? ''}` : '';
  for (const id of refs.split(/\s+/).filter(Boolean).slice(0, 10)) {
    const th = doc.getElementById(id);
    if (th && !th.contains(rootEl)) stack.push(th);
  }
  let left = 5_000;
  let sawProperty = false;
  let sawNested = false;
  while (stack.length && left-- > 0 && budget.spend()) {
    const el = stack.pop()!;
    if (root.v1 && el.classList.contains('include')) {
      const ref = (el.getAttribute('href') ?? el.getAttribute('data') ?? '').replace(/^#/, '');
      const target = ref ? doc.getElementById(ref) : null;
      if (target && !included.has(target) && !target.contains(rootEl)) {
        included.add(target);
        stack.push(target);
      }
      continue;
    }
    const nestedRoot = rootOf(el);
    const props = propsOf(el, root.v1);
    if (nestedRoot) {
      sawNested = true;
      const child = depth < 5 ? readRoot(el, nestedRoot, doc, depth + 1, budget) : undefined;
      for (const p of props) {
        const name = PROP_MAP[p.name];
        if (name && child) addProp(item, name, child);
      }
      if (!props.length && child) addProp(item, 'children', child);
      continue;
    }
    for (const p of props) {
      if (p.prefix === 'p' || p.prefix === 'e') sawProperty = true;
      if (root.v1 && p.name === 'n') continue; // n's parts are read as they come
      const name = PROP_MAP[p.name];
      if (!name) continue;
      let value: ItemValue = p.prefix === 'u' ? urlValue(el, budget) : textValue(el, budget);
      if (name === 'telephone' || name === 'email') {
        const type = el.querySelector('.type');
        if (type) typeHint = textOf(type, 300, budget).toLowerCase();
        if (typeof value === 'string') value = value.replace(/^(mailto|tel):/i, '').replace(/\?.*$/, '');
        if (name === 'telephone' && /fax/.test(typeHint)) {
          addProp(item, 'faxNumber', value);
          typeHint = '';
          continue;
        }
        typeHint = '';
      }
      if (root.v1 && p.name === 'org' && el.querySelector('.organization-name')) continue;
      addProp(item, name, value);
    }
    // Properties inside a property element still count (v1 n > given-name), unless it is a root.
    for (let c = el.children.length - 1; c >= 0; c--) stack.push(el.children[c]);
  }
  // Implied name (mf2 only; v1 vcards name themselves with fn): the root's own text.
  if (!item.props.has('name') && root.kind === 'h-card' && !root.v1 && !sawProperty && !sawNested) {
    addProp(item, 'name', impliedName(rootEl, budget));
  }
  // Implied url (mf2): the root link, or its only child link.
  if (!item.props.has('url') && root.kind === 'h-card' && !root.v1 && !sawNested) {
    const only = rootEl.children.length === 1 ? rootEl.children[0] : undefined;
    const link = /^(A|AREA)$/i.test(rootEl.tagName) ? rootEl : only && /^(A|AREA)$/i.test(only.tagName) && !rootOf(only) ? only : undefined;
    if (link?.getAttribute('href') !== null && link) addProp(item, 'url', urlValue(link, budget));
  }
  // Address parts written straight on the card become one PostalAddress.
  if (root.kind === 'h-card' && ADDRESS_PARTS.some((p) => item.props.has(p))) {
    const adr: Item = { types: ['h-adr'], props: new Map(), method: 'microformat' };
    for (const p of ADDRESS_PARTS) for (const v of item.props.get(p) ?? []) addProp(adr, p, v);
    addProp(item, 'address', adr);
  }
  return item;
}

const alt = (el: Element): string | undefined => {
  const tag = el.tagName.toUpperCase();
  if ((tag === 'IMG' || tag === 'AREA') && el.getAttribute('alt') !== null) return cleanText(el.getAttribute('alt'));
  if (tag === 'ABBR' && el.getAttribute('title') !== null) return cleanText(el.getAttribute('title'));
  return undefined;
};

/** mf2 implied p-name: alt/title of the root or its only child (or grandchild), else its text with images as their alt. */
function impliedName(root: Element, budget: ExtractBudget): string {
  const own = alt(root);
  if (own !== undefined) return own;
  const only = root.children.length === 1 ? root.children[0] : undefined;
  if (only && !rootOf(only)) {
    const a = alt(only);
    if (a !== undefined) return a;
    const deeper = only.children.length === 1 ? only.children[0] : undefined;
    if (deeper && !rootOf(deeper)) {
      const b = alt(deeper);
      if (b !== undefined) return b;
    }
  }
  const clone = root.cloneNode(true) as Element;
  for (const img of Array.from(clone.querySelectorAll('img[alt]')).slice(0, 50)) img.replaceWith(` ${img.getAttribute('alt')} `);
  return textOf(clone, 300, budget);
}
