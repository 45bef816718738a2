// RDFa (Lite) -> items: typeof starts an item, property adds values, nested typeof nests.
import type { ExtractBudget } from '../budget';
import { addProp, localName, MAX_ITEMS, type Item } from './item';
import { propValue } from './microdata';

export function rdfaItems(doc: Document, budget: ExtractBudget): Item[] {
  const items: Item[] = [];
  const scopes = doc.querySelectorAll('[typeof]');
  for (let i = 0; i < scopes.length && items.length < MAX_ITEMS && budget.spend(); i++) items.push(readItem(scopes[i], 0, budget));
  return items;
}

function readItem(scope: Element, depth: number, budget: ExtractBudget): Item {
  const types = (scope.getAttribute('typeof') ?? '').split(/\s+/).filter(Boolean).map(localName);
  const item: Item = { types, props: new Map(), method: 'rdfa' };
  const stack: Element[] = Array.from(scope.children).reverse();
  let left = 5_000;
  while (stack.length && left-- > 0 && budget.spend()) {
    const el = stack.pop()!;
    const names = (el.getAttribute('property') ?? '').split(/\s+/).filter(Boolean).map(localName);
    const nested = el.hasAttribute('typeof');
    // A nested item is read once, whatever number of properties it is.
    const child = nested && names.length ? (depth < 6 ? readItem(el, depth + 1, budget) : '') : undefined;
    for (const name of names) addProp(item, name, child ?? propValue(el, name, budget));
    if (!nested) for (let c = el.children.length - 1; c >= 0; c--) stack.push(el.children[c]);
  }
  return item;
}
