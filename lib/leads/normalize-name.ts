// Casing for person names (issue #4). Only text typed all in one case is re-cased: a rep who
// wrote "McDonald", "DiCaprio" or "deGroot" meant it.

/** Surname particles that stay lower case inside a name ("Ludwig van Beethoven"). */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'des', 'dos', 'das', 'ten', 'ter', 'zu', 'y']);

const ROMAN = /^(?:ii|iii|iv|vi|vii|viii|ix|xi|xii|xiii|xiv|xv|xvi)$/i;

const isOneCase = (s: string) => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && (letters === letters.toUpperCase() || letters === letters.toLowerCase());
};

/** "KOWALSKA-NOWAK" -> "Kowalska-Nowak", "o'brien" -> "O'Brien", "mcdonald" -> "McDonald". */
function caseWord(word: string): string {
  if (ROMAN.test(word)) return word.toUpperCase(); // "Jana Pawła II"
  return word
    .toLowerCase()
    .replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/^Mc(\p{L})/u, (_m, ch: string) => 'Mc' + ch.toUpperCase());
}

/** Cases a name part typed in one case; particles stay lower case unless they start the name
 * and nothing else does ("De" alone is a surname). */
export function caseName(value: string | undefined): string | undefined {
  if (!value) return value;
  const collapsed = value.replace(/\s+/g, ' ').trim();
  if (!isOneCase(collapsed)) return collapsed;
  const words = collapsed.split(' ');
  return words
    .map((w, i) => (PARTICLES.has(w.toLowerCase()) && words.length > 1 && i < words.length - 1 ? w.toLowerCase() : caseWord(w)))
    .join(' ');
}

export function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}
