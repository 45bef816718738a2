// Characters that change how text reads without being seen (issue #18): bidi overrides spoof
// names on screen; zero-width, NUL and other control characters hide a formula from the CSV
// check or split an address so the never-capture check misses it.

// Controls (C0, DEL, C1), format characters (bidi controls, zero-width, BOM, soft hyphen, tags),
// lone surrogates, line/paragraph separators and the blank Hangul fillers used as "invisible names".
const SUSPECT = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\u3164\uFFA0]|\u034F|\u115F|\u1160/u;
const SUSPECT_ALL = new RegExp(SUSPECT.source, 'gu');
// Format characters that are visible marks (Arabic number signs and the like): kept.
const VISIBLE_FORMAT = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}]/u;
// ZWNJ/ZWJ shape Arabic, Persian and Indic words and build emoji sequences; elsewhere they only hide.
const JOINING_LETTER = /^[\p{L}\p{M}]$/u;
const NON_JOINING_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;
const EMOJI_BEFORE_ZWJ = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const EMOJI_AFTER_ZWJ = /^\p{Extended_Pictographic}$/u;

// A filler letter (U+3164...) is removed too, so it never keeps a joiner beside it.
const letterNeedsJoiner = (ch: string) => JOINING_LETTER.test(ch) && !NON_JOINING_SCRIPT.test(ch) && !SUSPECT.test(ch);

function joins(ch: string, before: string, after: string): boolean {
  if (ch === '\u200D' && EMOJI_BEFORE_ZWJ.test(before) && EMOJI_AFTER_ZWJ.test(after)) return true;
  return letterNeedsJoiner(before) && letterNeedsJoiner(after);
}

/** The whole character (surrogate pair included) that ends just before `at`. */
function charBefore(text: string, at: number): string {
  if (at === 0) return '';
  const pair = at >= 2 && /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text.slice(at - 2, at));
  return text.slice(pair ? at - 2 : at - 1, at);
}

/** True when `text` holds a character `visibleText` would change. */
export const hasInvisible = (text: string): boolean => SUSPECT.test(text);

/**
 * `text` without invisible characters. Tab and line breaks stay in multi-line text (`keepLines`);
 * in a single-line value they become spaces, so words never run together.
 */
export function visibleText(text: string, keepLines = false): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(SUSPECT_ALL, (ch: string, at: number) => {
    if (ch === '\t' || ch === '\n' || ch === '\r') return keepLines ? ch : ' ';
    if (ch === '\u2028' || ch === '\u2029') return keepLines ? '\n' : ' ';
    if (VISIBLE_FORMAT.test(ch)) return ch;
    if (ch === '\u200C' || ch === '\u200D') {
      const after = String.fromCodePoint(text.codePointAt(at + 1) ?? 0);
      if (joins(ch, charBefore(text, at), after)) return ch;
    }
    return '';
  });
}
