// JSON-LD blocks -> items. Follows @graph, arrays, nesting and in-document @id references.
import { cleanText } from '../clean-text';
import { addProp, localName, MAX_ITEMS, type Item } from './item';

type Json = unknown;

export function jsonldItems(doc: Document): Item[] {
  const items: Item[] = [];
  // The browser keeps its scripts in a list; a selector on their type would walk every element
  // of a large page (issue #13). Same scripts, same order as script[type="application/ld+json" i].
  const all = doc.getElementsByTagName('script');
  const scripts: Element[] = [];
  for (let i = 0; i < all.length && scripts.length < 50; i++) if (all[i].getAttribute('type')?.toLowerCase() === 'application/ld+json') scripts.push(all[i]);
  for (let i = 0; i < scripts.length; i++) {
    const raw = scripts[i].textContent ?? '';
    if (raw.length > 1_000_000) continue;
    let data: Json;
    try {
      data = JSON.parse(raw.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue;
    }
    const byId = new Map<string, Record<string, Json>>();
    collectIds(data, byId, 0);
    const seen = new Set<object>();
    for (const root of roots(data)) {
      const item = toItem(root, byId, seen, 0, items);
      if (item) items.push(item);
      if (items.length >= MAX_ITEMS) return items;
    }
  }
  return items;
}

function roots(data: Json): Record<string, Json>[] {
  if (Array.isArray(data)) return data.flatMap(roots);
  if (data && typeof data === 'object') {
    const o = data as Record<string, Json>;
    if (Array.isArray(o['@graph'])) return (o['@graph'] as Json[]).flatMap(roots);
    return [o];
  }
  return [];
}

function collectIds(data: Json, byId: Map<string, Record<string, Json>>, depth: number): void {
  if (depth > 12 || byId.size > 1_000) return;
  if (Array.isArray(data)) for (const d of data) collectIds(d, byId, depth + 1);
  else if (data && typeof data === 'object') {
    const o = data as Record<string, Json>;
    if (typeof o['@id'] === 'string' && Object.keys(o).length > 1) byId.set(o['@id'], o);
    for (const v of Object.values(o)) if (v && typeof v === 'object') collectIds(v, byId, depth + 1);
  }
}

function typesOf(o: Record<string, Json>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map(localName);
}

/** Converts one node; nested items are also reported to `all` so subjects deep inside count. */
function toItem(o: Record<string, Json>, byId: Map<string, Record<string, Json>>, seen: Set<object>, depth: number, all: Item[]): Item | undefined {
  if (depth > 10 || seen.has(o)) return undefined;
  seen.add(o);
  const item: Item = { types: typesOf(o), props: new Map(), method: 'jsonld' };
  for (const [key, value] of Object.entries(o)) {
    if (key.startsWith('@')) continue;
    const name = localName(key);
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' || typeof v === 'number') addProp(item, name, cleanText(String(v), 500));
      else if (v && typeof v === 'object') {
        let ref = v as Record<string, Json>;
        if (typeof ref['@value'] === 'string' || typeof ref['@value'] === 'number') {
          addProp(item, name, cleanText(String(ref['@value']), 500));
          continue;
        }
        if (typeof ref['@id'] === 'string' && Object.keys(ref).length === 1) {
          const target = byId.get(ref['@id']);
          if (!target) {
            addProp(item, name, cleanText(ref['@id'], 500));
            continue;
          }
          ref = target;
        }
        const child = toItem(ref, byId, seen, depth + 1, all);
        if (child) addProp(item, name, child);
      }
    }
  }
  return item;
}
