// RDFa (Lite) -> items: typeof starts an item, property adds values, nested typeof nests.
import { addProp, localName, MAX_ITEMS, type Item } from './item';
import { propValue } from './microdata';

export function rdfaItems(doc: Document): Item[] {
  const items: Item[] = [];
  const scopes = doc.querySelectorAll('[typeof]');
  for (let i = 0; i < scopes.length && items.length < MAX_ITEMS; i++) items.push(readItem(scopes[i], 0));
  return items;
}

function readItem(scope: Element, depth: number): Item {
  const types = (scope.getAttribute('typeof') ?? '').split(/\s+/).filter(Boolean).map(localName);
  const item: Item = { types, props: new Map(), method: 'rdfa' };
  const stack: Element[] = Array.from(scope.children).reverse();
  let budget = 5_000;
  while (stack.length && budget-- > 0) {
    const el = stack.pop()!;
    const names = (el.getAttribute('property') ?? '').split(/\s+/).filter(Boolean).map(localName);
    const nested = el.hasAttribute('typeof');
    for (const name of names) {
      if (nested) addProp(item, name, depth < 6 ? readItem(el, depth + 1) : '');
      else addProp(item, name, propValue(el, name));
    }
    if (!nested) for (let c = el.children.length - 1; c >= 0; c--) stack.push(el.children[c]);
  }
  return item;
}
