// One bounded walk over the page: visible text as lines, plus mailto:/tel: links. Hostile pages
// (50,000 links, a 5 MB text node) cost at most the budgets below, never the whole document.
import { unlimited, type ExtractBudget } from './budget';
import { cleanText } from './clean-text';

export interface Line {
  text: string;
  /** 1-6 for headings, 0 otherwise. */
  heading: number;
}

export interface PageLink {
  href: string;
  text: string;
  /** Index of the line the link's text ends on, to relate it to nearby names. */
  line: number;
}

export interface WalkResult {
  lines: Line[];
  links: PageLink[];
  truncated: boolean;
}

export interface WalkBudget {
  maxNodes: number;
  maxChars: number;
  maxCharsPerNode: number;
  maxLinks: number;
}

// Enough for any real contact or team page; a 2 MB page is read in part and flagged `truncated`.
export const defaultBudget: WalkBudget = { maxNodes: 30_000, maxChars: 150_000, maxCharsPerNode: 4_000, maxLinks: 400 };

export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'CANVAS', 'IFRAME', 'OBJECT', 'SELECT', 'OPTION', 'TEXTAREA', 'HEAD', 'TITLE', 'MATH']);
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL', 'CENTER', 'TFOOT', 'IMG',
]);

function isHidden(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Walks `root` in document order without recursion (deep pages cannot blow the stack). */
export function walkPage(root: Node, budget: WalkBudget = defaultBudget, shared: ExtractBudget = unlimited): WalkResult {
  const lines: Line[] = [];
  const links: PageLink[] = [];
  let current = '';
  let heading = 0;
  let chars = 0;
  let nodes = 0;
  let truncated = false;
  const openLinks: { el: Element; href: string; start: number }[] = [];

  const inLink = () => openLinks.length > 0;
  const flush = () => {
    const text = cleanText(current, 2_000);
    if (text) lines.push({ text, heading });
    current = '';
    heading = 0;
  };

  // Each DOM property read below is a call into the browser, made once per node: on a 2 MB page
  // the walk is a large part of the popup's wait (issue #13).
  let node: Node | null = root;
  while (node) {
    if (++nodes > budget.maxNodes || chars > budget.maxChars || !shared.spend()) {
      truncated = true;
      break;
    }
    let first: Node | null = null;
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      const piece = data.length > budget.maxCharsPerNode ? data.slice(0, budget.maxCharsPerNode) : data;
      chars += piece.length;
      // Hard line breaks in the source usually separate lines of a card or an address.
      if (piece.includes('\n')) {
        const rows = piece.split(/\n\s*\n?/);
        for (let r = 0; r < rows.length; r++) {
          if (r > 0 && !inLink()) flush();
          current += rows[r];
        }
      } else current += piece;
      if (current.length > 4_000) flush();
    } else if (type === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (!SKIP_TAGS.has(tag) && !isHidden(el)) {
        if (BLOCK_TAGS.has(tag)) flush();
        if (tag.length === 2 && tag[0] === 'H' && tag[1] >= '1' && tag[1] <= '6') heading = Number(tag[1]);
        if (tag === 'A' && links.length < budget.maxLinks) {
          const href = el.getAttribute('href') ?? '';
          if (/^(mailto|tel|callto):/i.test(href.trim())) openLinks.push({ el, href: href.trim(), start: current.length });
        }
        first = el.firstChild;
      } else if (node === root) {
        first = el.firstChild;
      }
      if (first === null && BLOCK_TAGS.has(tag)) flush();
    } else if (type === 9 || type === 11) {
      first = node.firstChild;
    }
    if (first !== null) {
      node = first;
      continue;
    }
    // Climb until a sibling exists, closing blocks and links on the way up.
    let next: Node | null = null;
    while (node && node !== root && (next = node.nextSibling) === null) {
      node = node.parentNode;
      if (node && node.nodeType === 1) closeElement(node as Element);
    }
    if (!node || node === root) break;
    node = next;
  }
  flush();
  return { lines, links, truncated };

  function closeElement(el: Element) {
    const top = openLinks[openLinks.length - 1];
    if (top && top.el === el) {
      openLinks.pop();
      const text = cleanText(current.slice(top.start), 200);
      links.push({ href: top.href, text, line: lines.length });
    }
    if (BLOCK_TAGS.has(el.tagName.toUpperCase())) flush();
  }
}

/** Text content without scripts, styles or hidden parts, capped at `max` characters. */
export function textOf(el: Element, max = 300, budget: ExtractBudget = unlimited): string {
  let out = '';
  let nodes = 0;
  let node: Node | null = el.firstChild;
  while (node && out.length < max * 2 && nodes++ < 2_000 && budget.spend()) {
    let descend = false;
    if (node.nodeType === 3) out += (node as Text).data.slice(0, max * 2);
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (!SKIP_TAGS.has(tag)) {
        if (BLOCK_TAGS.has(tag)) out += ' ';
        descend = node.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    if (!node || node === el) break;
    node = node.nextSibling;
  }
  return cleanText(out, max);
}
