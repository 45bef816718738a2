// Turns a rendered email body into plain text, marking what the mail clients quote with "> " so
// `splitThread` can cut it off. The markers are the ones Gmail, Outlook (web and desktop), Apple
// Mail, Thunderbird, Yahoo and others put around replies and forwards (see reply-quotes corpus).
import { headOf } from '../text/input-bounds';

/** Containers whose whole content is quoted text. */
const QUOTE_CONTAINERS = [
  'blockquote',
  '.gmail_quote',
  '.gmail_extra .gmail_quote',
  '.yahoo_quoted',
  '.moz-cite-prefix + blockquote',
  '[type="cite"]',
].join(',');

/** Elements after which everything in the body is quoted (Outlook puts the quote beside, not inside). */
const QUOTE_STARTS = [
  '#divRplyFwdMsg',
  '[id$="_divRplyFwdMsg"]',
  '#appendonsend',
  '[id$="_appendonsend"]',
  '#OLK_SRC_BODY_SECTION',
  'hr#stopSpelling',
  '[id$="_stopSpelling"]',
  '.moz-cite-prefix',
  '.gmail_attr',
].join(',');

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TR', 'UL',
]);
const SKIP_TAGS = new Set(['STYLE', 'SCRIPT', 'HEAD', 'TITLE', 'TEMPLATE', 'NOSCRIPT', 'META', 'LINK', 'XML']);

const HEADER_START_RE = /^\s*(?:from|od|von|de)\s*:/i;

/** The first `max` characters of an element's text, without building all of it: `textContent`
 * on each of many nested elements would copy the same text again and again (#18). */
function leadingText(el: Element, max = 64): string {
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && out.length < max; n = walker.nextNode()) out = (out + headOf(n.nodeValue ?? '', max)).trimStart();
  return out;
}

/** Outlook desktop's reply header: a div with only a top border right before "From:". */
function isOutlookBorderHeader(el: Element): boolean {
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return /border:none;border-top:solid#[0-9a-f]{6}1\.0pt/.test(style) && HEADER_START_RE.test(leadingText(el));
}

/** Drops trailing spaces and tabs (a loop: /[ \t]+$/ is quadratic on a long run of them, #18). */
function trimEndSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(0, end);
}

/** The first element from which on everything is quoted, or undefined. */
function quoteStart(root: Element): Element | undefined {
  const starts = [...root.querySelectorAll(QUOTE_STARTS)];
  for (const el of root.querySelectorAll('div[style]')) if (isOutlookBorderHeader(el)) starts.push(el);
  // An <hr> that directly precedes an Outlook header or that separates a reply (talon's case).
  for (const hr of root.querySelectorAll('hr')) {
    const next = hr.nextElementSibling;
    if (next && HEADER_START_RE.test(leadingText(next))) starts.push(hr);
  }
  if (starts.length === 0) return undefined;
  return starts.reduce((a, b) => (a.compareDocumentPosition(b) & 2 /* PRECEDING */ ? b : a));
}

export interface MailTextOptions {
  /** Mark quoted parts with "> " (default true). */
  markQuotes?: boolean;
}

/**
 * Plain text of a mail body as a reader sees it: blocks and <br> become line breaks, hidden
 * scripts and styles are dropped, and quoted parts get "> " in front of each line.
 */
export function mailHtmlToText(root: Element, options: MailTextOptions = {}): string {
  const markQuotes = options.markQuotes ?? true;
  const start = markQuotes ? quoteStart(root) : undefined;
  const out: { text: string; quoted: boolean }[] = [];
  let line = '';
  let lineQuoted = false;
  let afterStart = false;

  const newline = () => {
    out.push({ text: line, quoted: lineQuoted });
    line = '';
    lineQuoted = false;
  };
  const softBreak = () => {
    if (line.trim()) newline();
    else line = '';
  };

  const walk = (node: Node, quoted: boolean) => {
    if (node.nodeType === 3) {
      const t = (node.nodeValue ?? '').replace(/[\t\n\r ]+/g, ' ').replace(/\u00a0/g, ' ');
      if (!t.trim() && !line) return;
      line += line ? t : t.trimStart();
      if (t.trim()) lineQuoted = lineQuoted || quoted || afterStart;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP_TAGS.has(el.tagName.toUpperCase())) return;
    if (el === start) afterStart = true;
    const inQuote = quoted || (markQuotes && el.matches(QUOTE_CONTAINERS));
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      newline();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) softBreak();
    if (tag === 'TD' || tag === 'TH') line += line && !line.endsWith(' ') ? '\t' : '';
    for (const child of el.childNodes) walk(child, inQuote);
    if (block) softBreak();
    if (tag === 'P' || tag === 'TABLE') {
      // Paragraphs end with a blank line in what readers see.
      out.push({ text: '', quoted: inQuote || afterStart });
    }
  };
  walk(root, false);
  if (line.trim()) newline();

  const lines: string[] = [];
  for (const l of out) {
    const text = trimEndSpaces(l.text);
    if (!text && lines.length && !lines[lines.length - 1].replace(/^> ?/, '')) continue; // collapse blank runs
    lines.push(l.quoted && markQuotes ? (text ? `> ${text}` : '>') : text);
  }
  let first = 0;
  let end = lines.length;
  while (first < end && !lines[first]) first++;
  while (end > first && !lines[end - 1]) end--;
  return lines.slice(first, end).join('\n');
}
