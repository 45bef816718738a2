// A schema.org item as JSON-LD, microdata and RDFa all reduce to it: types plus property values.
export type ItemValue = string | Item;

export interface Item {
  /** Local type names ("Person", "Restaurant"), without the vocabulary URL. */
  types: string[];
  props: Map<string, ItemValue[]>;
  method: 'jsonld' | 'microdata' | 'rdfa' | 'microformat';
}

export const MAX_ITEMS = 300;

/** "https://schema.org/Person", "schema:Person" -> "Person". */
export function localName(term: string): string {
  const t = term.trim();
  const cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf('#'), t.lastIndexOf(':'));
  return cut >= 0 ? t.slice(cut + 1) : t;
}

export function addProp(item: Item, name: string, value: ItemValue): void {
  if (typeof value === 'string' && !value.trim()) return;
  const list = item.props.get(name);
  if (list) {
    if (list.length < 20) list.push(value);
  } else item.props.set(name, [value]);
}

/** Properties whose value is text even on a link (RDFa/microdata would take the href). */
export const TEXT_PROPS = new Set([
  'name', 'givenName', 'familyName', 'additionalName', 'honorificPrefix', 'honorificSuffix', 'jobTitle', 'legalName',
  'streetAddress', 'addressLocality', 'addressRegion', 'postalCode', 'addressCountry', 'postOfficeBoxNumber',
  'alternateName', 'worksFor', 'affiliation', 'memberOf', 'telephone', 'faxNumber',
]);
