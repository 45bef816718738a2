// Text folded for comparison only (duplicate keys), never for display: lower case, no
// diacritics (ł and ø have no decomposition, so they are mapped by hand), no punctuation.

const extraFolds: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

export function foldText(s: string | undefined): string {
  if (!s) return '';
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđßæœı]/g, (c) => extraFolds[c])
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Legal forms say nothing about which company it is: "ACME Sp. z o.o." is "Acme".
// Matched on folded text, so punctuation and diacritics are already gone.
const legalForms = [
  'spolka z ograniczona odpowiedzialnoscia', 'spolka akcyjna', 'spolka komandytowa', 'spolka jawna',
  'spolka cywilna', 'spolka komandytowo akcyjna', 'sp z o o', 'sp zoo', 'sp k', 'sp j', 'sp j', 's c', 's a', 'ska', 'p s a',
  'gmbh co kg', 'gmbh', 'ag', 'kg', 'ohg', 'ug', 'ltd', 'limited', 'llc', 'inc', 'incorporated', 'corp', 'corporation',
  'co', 'company', 'plc', 'llp', 'lp', 'bv', 'b v', 'nv', 'n v', 'sas', 'sarl', 's r l', 'srl', 'spa', 's p a', 'sro', 's r o', 'oy', 'ab', 'as', 'aps',
];
const legalFormPattern = new RegExp(`(?:\\s(?:${legalForms.map((f) => f.replace(/ /g, '\\s')).join('|')}))+$`);

export function companyKey(s: string | undefined): string {
  const folded = foldText(s);
  const stripped = folded.replace(legalFormPattern, '').trim();
  return stripped || folded; // a company called just "AG" keeps its name
}

/** Jaro-Winkler similarity, 0..1. Short strings (names) make the O(n*m) cost irrelevant. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(i + range + 1, b.length);
    for (let j = lo; j < hi; j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = bMatch[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
