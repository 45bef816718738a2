// Every value leaving the extractor is plain, bounded text: no markup, no control characters.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028\u2029\uFEFF]/g;

// Every run of whitespace becomes one space, as /\s+/g would make it, but a lone space (most
// of them in page text) is left alone instead of being replaced by itself (issue #13).
const SPACES = /\s{2,}|[^\S ]/g;

/** Collapses whitespace, drops control characters and caps the length. */
export function cleanText(s: string | null | undefined, max = 300): string {
  if (!s) return '';
  const cut = s.length > max * 4 ? s.slice(0, max * 4) : s;
  return cut.replace(CONTROL, '').replace(SPACES, ' ').trim().slice(0, max);
}

/** True when a value looks like markup or code, which no lead field should hold. */
export function looksLikeMarkup(s: string): boolean {
  return /<\/?[a-z!]|javascript:|\bfunction\s*\(|=>|\{\s*[a-z_$]+\s*:|\bon[a-z]+\s*=/i.test(s);
}
