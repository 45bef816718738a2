// Microdata (itemscope/itemprop) -> items, bounded by an element budget.
import { unlimited, type ExtractBudget } from '../budget';
import { textOf } from '../dom-walk';
import { cleanText } from '../clean-text';
import { addProp, localName, MAX_ITEMS, TEXT_PROPS, type Item } from './item';

export function propValue(el: Element, prop: string, budget: ExtractBudget = unlimited): string {
  const tag = el.tagName.toUpperCase();
  const content = el.getAttribute('content');
  if (content !== null) return cleanText(content, 500);
  if (!TEXT_PROPS.has(prop) || prop === 'telephone') {
    if (tag === 'A' || tag === 'LINK' || tag === 'AREA') {
      const href = el.getAttribute('href');
      if (href && (prop !== 'telephone' || /^tel:/i.test(href))) return cleanText(prop === 'telephone' ? href.replace(/^tel:/i, '') : href, 500);
    }
    if (tag === 'IMG' || tag === 'AUDIO' || tag === 'VIDEO' || tag === 'SOURCE') return cleanText(el.getAttribute('src'), 500);
  }
  if (tag === 'META') return cleanText(el.getAttribute('content'), 500);
  if (tag === 'DATA' || tag === 'METER') return cleanText(el.getAttribute('value') ?? textOf(el, 500, budget), 500);
  if (tag === 'TIME') return cleanText(el.getAttribute('datetime') ?? textOf(el, 500, budget), 500);
  return textOf(el, 500, budget);
}

export function microdataItems(doc: Document, budget: ExtractBudget = unlimited): Item[] {
  const items: Item[] = [];
  const scopes = doc.querySelectorAll('[itemscope]');
  for (let i = 0; i < scopes.length && items.length < MAX_ITEMS && budget.spend(); i++) {
    const el = scopes[i];
    // Top-level items and nested ones alike: nested people (employee, author) are subjects too.
    items.push(readItem(el, 0, budget));
  }
  return items;
}

function readItem(scope: Element, depth: number, budget: ExtractBudget): Item {
  const types = (scope.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean).map(localName);
  const item: Item = { types, props: new Map(), method: 'microdata' };
  const stack: Element[] = Array.from(scope.children).reverse();
  let left = 5_000;
  while (stack.length && left-- > 0 && budget.spend()) {
    const el = stack.pop()!;
    const names = (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean).map(localName);
    const nested = el.hasAttribute('itemscope');
    // A nested item is read once, whatever number of properties it is (read per name, ten
    // names a level made 10^6 reads of a 5 kB page).
    const child = nested && names.length ? (depth < 6 ? readItem(el, depth + 1, budget) : textOf(el, 300, budget)) : undefined;
    for (const name of names) addProp(item, name, child ?? propValue(el, name, budget));
    if (!nested) for (let c = el.children.length - 1; c >= 0; c--) stack.push(el.children[c]);
  }
  return item;
}
