// Small hostile pages (2 to 7 kB) that once hung the tab they were captured from (issue #18):
// nesting that makes a per-element read of the subtree quadratic or worse. Built here so the unit
// test (happy-dom) and the e2e test (Chromium) read the same pages.
const page = (body: string) => `<!doctype html><html><head><title>Hostile</title></head><body>${body}</body></html>`;
const nest = (n: number, open: (i: number) => string, close: string, inner = 'x') => Array.from({ length: n }, (_, i) => open(i)).join('') + inner + close.repeat(n);

const NAMES = 'a b c d e f g h i j k l m n o p';

export const hostilePages: Record<string, string> = {
  /** Every level is an item and a property: each item re-reads the whole chain below it. */
  microdataChain: page(nest(200, () => '<b itemscope itemprop=name>', '</b>', 'Ada Lovelace')),
  /** Properties nested in properties: each one's text is read through all the others. */
  microdataProps: page(`<div itemscope itemtype="https://schema.org/Person">${nest(350, () => '<i itemprop=name>', '</i>', 'Ada')}</div>`.repeat(1)),
  /** itemref pointing back at itself and around a ring of items. */
  itemrefCycle: page(Array.from({ length: 60 }, (_, i) => `<div id=r${i} itemscope itemref="r${(i + 1) % 60} r${i}"><span itemprop=name>N${i}</span></div>`).join('')),
  /** h-cards in h-cards, each level also a property. */
  microformatsNested: page(nest(250, () => '<b class="h-card p-org">', '</b>', 'Ada')),
  /** v1 vcards whose tel parts nest, each asking for its .type. */
  microformatsV1: page(`<div class=vcard>${nest(280, () => '<b class="tel fn">', '</b>', '<i class=type>fax</i>')}</div>`),
  /** RDFa types nested in properties. */
  rdfaNested: page(nest(200, () => '<b typeof=Person property=name>', '</b>', 'Ada')),
  /** An item that is sixteen properties at once was read sixteen times, at every level: 16^6 reads. */
  microdataNames: page(nest(40, () => `<b itemscope itemprop="${NAMES}">`, '</b>', '<i itemprop=name>Ada</i>')),
  /** The same with RDFa types and properties. */
  rdfaNames: page(nest(40, () => `<b typeof=Person property="${NAMES}">`, '</b>', '<i property=name>Ada</i>')),
  /** h-cards that are ten properties of their parent card each. */
  microformatsNames: page(nest(40, () => '<b class="h-card p-org p-name p-url p-email p-tel p-adr p-role p-title p-contact p-n">', '</b>', 'Ada')),
  /** Plain deep nesting of elements with a mail link at the bottom. */
  deepElements: page(nest(600, () => '<div>', '</div>', '<a href="mailto:a@b.example">a@b.example</a>')),
};
