// Turns the bytes of a text file (CSV, TSV, vCard, XML) into a string, finding the encoding
// from the content: a BOM, the pattern of zero bytes (UTF-16/32 without BOM), valid UTF-8, or
// else the best-scoring legacy code page (Polish Excel saves Windows-1250, some tools ISO-8859-2,
// Western Excel Windows-1252). TextDecoder knows all but UTF-32, which is decoded here.

export type TextEncodingName =
  | 'utf-8'
  | 'utf-16le'
  | 'utf-16be'
  | 'utf-32le'
  | 'utf-32be'
  | 'windows-1250'
  | 'iso-8859-2'
  | 'windows-1252';

export const textEncodings: readonly TextEncodingName[] = [
  'utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'windows-1250', 'iso-8859-2', 'windows-1252',
];

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Length of the byte-order mark to skip. */
  bomLength: number;
}

export interface DecodedText extends DetectedEncoding {
  text: string;
}

const SAMPLE = 64 * 1024;

export function detectBom(b: Uint8Array): DetectedEncoding | undefined {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', bomLength: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', bomLength: 4 };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

/** UTF-16/32 without a BOM: text in Latin scripts has a zero byte in every code unit's high part. */
export function detectWideEncoding(b: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(b.length, SAMPLE) & ~3;
  if (n < 4) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros[i & 3]++;
  const q = n / 4;
  const frac = zeros.map((z) => z / q);
  if (frac[1] > 0.6 && frac[2] > 0.9 && frac[3] > 0.9 && frac[0] < 0.1) return 'utf-32le';
  if (frac[0] > 0.9 && frac[1] > 0.9 && frac[2] > 0.6 && frac[3] < 0.1) return 'utf-32be';
  const even = (frac[0] + frac[2]) / 2;
  const odd = (frac[1] + frac[3]) / 2;
  if (odd > 0.3 && even < 0.05) return 'utf-16le';
  if (even > 0.3 && odd < 0.05) return 'utf-16be';
  return undefined;
}

function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

// Letters a Polish or Western European file is likely to contain, most likely first. Czech,
// Slovak and Hungarian letters score lower: the same bytes in the wrong code page often land there.
const POLISH = new Set('ąćęłńóśźżĄĆĘŁŃÓŚŹŻ');
const WESTERN = new Set('àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝœŒšŠžŽ');
const LETTER = /\p{L}/u;
// Polish writes ć ń ś ź only before a consonant or at a word's end ("nia", never "ńa"), so one
// before a vowel means the bytes were something else (Spanish ñ in "Peña", æ in "Cæsar").
const POLISH_SOFT = new Set('ćńśźĆŃŚŹ');
const VOWEL = /[aeiouyąęóAEIOUYĄĘÓ]/;

/** How plausible a decoding is: rewards expected letters, punishes control characters and
 * symbols stuck inside words (the usual mojibake: "³ódŸ" for "łódź"). */
export function plausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const ch = text[i];
    if (c < 0xa0 || c === 0xfffd) {
      score -= 10;
    } else if (POLISH.has(ch)) {
      score += POLISH_SOFT.has(ch) && i + 1 < text.length && VOWEL.test(text[i + 1]) ? -2 : 3;
    } else if (WESTERN.has(ch)) {
      score += 2;
    } else if (LETTER.test(ch)) {
      score += 1;
    } else {
      const before = i > 0 && LETTER.test(text[i - 1]);
      const after = i + 1 < text.length && LETTER.test(text[i + 1]);
      if (before && after) score -= 4;
      else if (before || after) score -= 1;
    }
  }
  return score;
}

const LEGACY: readonly TextEncodingName[] = ['windows-1250', 'windows-1252', 'iso-8859-2'];

/** Picks the single-byte code page whose reading of the non-ASCII bytes is most plausible. */
export function guessLegacyEncoding(b: Uint8Array): TextEncodingName {
  // Score only the neighbourhood of non-ASCII bytes: fast on big files, same answer.
  const pieces: number[] = [];
  for (let i = 0; i < b.length && pieces.length < SAMPLE; i++) {
    if (b[i] >= 0x80) {
      const from = Math.max(0, i - 3);
      const to = Math.min(b.length, i + 4);
      for (let j = from; j < to; j++) pieces.push(b[j]);
      pieces.push(0x20);
      i = to - 1;
    }
  }
  const sample = Uint8Array.from(pieces);
  let best: TextEncodingName = 'windows-1252';
  let bestScore = -Infinity;
  for (const enc of LEGACY) {
    const s = plausibility(new TextDecoder(enc).decode(sample));
    if (s > bestScore) {
      best = enc;
      bestScore = s;
    }
  }
  return best;
}

export function detectEncoding(b: Uint8Array): DetectedEncoding {
  const bom = detectBom(b);
  if (bom) return bom;
  const wide = detectWideEncoding(b);
  if (wide) return { encoding: wide, bomLength: 0 };
  if (isValidUtf8(b)) return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: guessLegacyEncoding(b), bomLength: 0 };
}

function decodeUtf32(b: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: string[] = [];
  let codes: number[] = [];
  const end = b.byteLength & ~3;
  for (let i = 0; i < end; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    codes.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff ? 0xfffd : cp);
    if (codes.length === 8192) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
  }
  if (end !== b.byteLength) codes.push(0xfffd);
  parts.push(String.fromCodePoint(...codes));
  return parts.join('');
}

/** U+FFFE and U+FFFF are not characters (a swapped BOM, usually); show them as U+FFFD. */
function replaceNonCharacters(text: string): string {
  return /[\uFFFE\uFFFF]/.test(text) ? text.replace(/[\uFFFE\uFFFF]/g, '\uFFFD') : text;
}

/** Decodes with a known encoding (the user may override the guess). Never throws on bad bytes:
 * they become U+FFFD, as Excel shows them. */
export function decodeWith(b: Uint8Array, encoding: TextEncodingName, bomLength = 0): string {
  const body = bomLength ? b.subarray(bomLength) : b;
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(body, encoding === 'utf-32le');
  // ignoreBOM: we strip the BOM ourselves, and a second one would be data.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  return encoding.startsWith('utf-16') ? replaceNonCharacters(text) : text;
}

export function decodeText(b: Uint8Array, override?: TextEncodingName): DecodedText {
  const detected = detectEncoding(b);
  const chosen: DetectedEncoding = override
    ? { encoding: override, bomLength: detectBom(b)?.encoding === override ? detected.bomLength : 0 }
    : detected;
  return { ...chosen, text: decodeWith(b, chosen.encoding, chosen.bomLength) };
}
