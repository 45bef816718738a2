// Splits a person's name as written on pages, in mail headers and in files into the lead's
// salutation / first / middle / last parts. Handles "Last, First", "LAST First" (common in
// Polish and corporate directories), titles, suffixes, nicknames and surname particles.
import { headOf, MAX_NAME_CHARS } from './input-bounds';

export interface PersonNameParts {
  salutation?: string;
  firstname?: string;
  middlename?: string;
  lastname?: string;
  suffix?: string;
  nickname?: string;
}

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'fr',
  'hon', 'capt', 'col', 'gen', 'lt', 'maj', 'sgt', 'adm', 'cmdr', 'gov', 'sen', 'rep', 'judge', 'coach',
  'pan', 'pani', 'państwo', 'mgr', 'inż', 'inz', 'hab', 'doc', 'ks', 'herr', 'frau', 'mme', 'mlle', 'm',
  'sr', 'sra', 'srta', 'don', 'doña', 'the', 'rt', 'right', 'honorable', 'honourable', 'king', 'queen',
  'prince', 'princess', 'chancellor', 'president', 'secretary', 'minister', 'ambassador', 'cardinal',
  'bishop', 'father', 'sister', 'brother', 'mag', 'magistrate', 'justice', 'chief', 'us', 'u.s',
  'district', 'associate', 'supreme', 'pastor', 'rabbi', 'imam', 'dott', 'ing', 'mag-judge', 'lt.gen',
  'lt.gov', 'magistrate-judge', 'sheriff', 'senator', 'governor', 'mayor', 'general', 'colonel', 'captain',
]);
// Words that only start a title when followed by more of it, so "King" alone can be a surname.
const WEAK_TITLES = new Set(['king', 'queen', 'judge', 'chief', 'us', 'u.s', 'district', 'the', 'right', 'associate', 'supreme', 'father', 'sister', 'brother', 'don', 'm', 'sr', 'coach', 'mag']);
const SUFFIXES = new Set([
  'jr', 'sr', 'ii', 'iii', 'iv', 'v', 'vi', 'phd', 'ph.d', 'md', 'm.d', 'esq', 'mba', 'cpa', 'dds', 'jd',
  'clu', 'cfp', 'lutc', 'chfc', 'pe', 'rn', 'msc', 'bsc', 'ma', 'ba', 'msc.ed', 'ret', 'qc', 'kc', 'obe',
  'mbe', 'cbe', 'dvm', 'do', 'facs', 'cfa', 'pmp',
]);
const PARTICLES = new Set([
  'van', 'von', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'du', 'la', 'le', 'des', 'dos', 'das',
  'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'st', 'st.', 'y', 'e', 'mac', 'vander', 'ben',
]);
const CONJUNCTIONS = new Set(['y', 'e', 'of', 'and', '&', 'the']);

const bare = (w: string) => w.toLowerCase().replace(/[.,]/g, '').replace(/^(.*)\.$/, '$1');
const isTitle = (w: string) => TITLES.has(bare(w)) || TITLES.has(w.toLowerCase().replace(/,$/, '').replace(/\.$/, ''));
const isSuffix = (w: string) => SUFFIXES.has(bare(w)) || SUFFIXES.has(w.toLowerCase().replace(/,$/, '').replace(/\.$/, ''));
const isInitial = (w: string) => /^\p{L}\.?$/u.test(w);
const hasLetters = (w: string) => /\p{L}/u.test(w);
const isAllCaps = (w: string) => /\p{Lu}/u.test(w) && w === w.toUpperCase() && w.replace(/[^\p{L}]/gu, '').length > 1;

/** Strips emoji and other pictographs but keeps letters, marks, digits and punctuation. */
function cleanName(raw: string): string {
  return raw
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function takeNickname(s: string): { rest: string; nickname?: string } {
  const m = s.match(/\s*(?:"([^"]+)"|“([^”]+)”|‘([^’]+)’|'([^']+)'|\(([^)]+)\)|\[([^\]]+)\])\s*/u);
  if (!m) return { rest: s };
  const nickname = m.slice(1).find(Boolean);
  return { rest: (s.slice(0, m.index) + ' ' + s.slice((m.index ?? 0) + m[0].length)).replace(/\s+/g, ' ').trim(), nickname };
}

/** Leading title words (greedy, with "of"/"the" chains as in "Secretary of State"). */
function takeTitle(words: string[]): { title: string[]; rest: string[] } {
  const title: string[] = [];
  let i = 0;
  while (i < words.length - 1 || (i === words.length - 1 && title.length === 0 && words.length === 1 && isTitle(words[i]))) {
    const w = words[i];
    if (isTitle(w)) {
      // A weak title word at the end of the remaining words is a surname ("John King").
      if (WEAK_TITLES.has(bare(w)) && i + 1 < words.length && !isTitle(words[i + 1]) && words.length - i <= 2 && title.length === 0) break;
      title.push(w);
      i++;
      continue;
    }
    // "Secretary of State", "Lord of the Universe": conjunction chains inside a title.
    if (title.length && CONJUNCTIONS.has(w.toLowerCase()) && i + 1 < words.length) {
      let j = i;
      while (j < words.length && CONJUNCTIONS.has(words[j].toLowerCase())) j++;
      if (j < words.length && (j + 1 < words.length ? true : title.length > 0)) {
        // take the conjunctions and the word after them as part of the title
        const chunk = words.slice(i, j + 1);
        const remaining = words.length - (j + 1);
        if (remaining >= 2 || remaining === 0) {
          title.push(...chunk);
          i = j + 1;
          continue;
        }
      }
    }
    break;
  }
  return { title, rest: words.slice(i) };
}

function takeSuffixes(words: string[]): { suffix: string[]; rest: string[] } {
  const suffix: string[] = [];
  let end = words.length;
  // Keep at least two words (first + last) unless the name is a single word.
  while (end > 2 && isSuffix(words[end - 1])) {
    suffix.unshift(words[end - 1]);
    end--;
  }
  return { suffix, rest: words.slice(0, end) };
}

/** Groups surname particles with the word after them ("van der Velt" -> one piece). */
function lastNameStart(words: string[]): number {
  let start = words.length - 1;
  // "Velasquez y Garcia": a lower-case y/e joins two surnames.
  if (words.length >= 4 && (words[start - 1] === 'y' || words[start - 1] === 'e')) start -= 2;
  while (start > 1 && PARTICLES.has(words[start - 1].toLowerCase())) start--;
  // Spanish "Martinez de Lorenzo y Gutierez": a conjunction joins two surnames.
  for (let i = 1; i < start; i++) {
    if (PARTICLES.has(words[i].toLowerCase()) && words[i] === words[i].toLowerCase() && i > 0) {
      return i;
    }
  }
  return start;
}

function splitGivenNames(words: string[]): Pick<PersonNameParts, 'firstname' | 'middlename'> {
  if (!words.length) return {};
  return { firstname: words[0], middlename: words.slice(1).join(' ') || undefined };
}

function joinSuffix(parts: string[]): string | undefined {
  const s = parts.map((p) => p.replace(/,$/, '')).join(', ');
  return s || undefined;
}

export function splitPersonName(raw: string): PersonNameParts {
  // No name is longer; the nickname pattern is quadratic on a long run of "(" (#18).
  const cleaned = cleanName(headOf(raw ?? '', MAX_NAME_CHARS));
  if (!cleaned || !hasLetters(cleaned)) return {};
  const { rest: withoutNick, nickname } = takeNickname(cleaned);

  // "Last, First Middle" (a comma whose right side is not only suffixes).
  const commaParts = withoutNick.split(',').map((p) => p.trim()).filter(Boolean);
  if (commaParts.length >= 2) {
    const tailSuffixes: string[] = [];
    while (commaParts.length > 1 && commaParts[commaParts.length - 1].split(' ').every(isSuffix)) {
      tailSuffixes.unshift(commaParts.pop()!);
    }
    if (commaParts.length >= 2) {
      let lastWords = commaParts[0].split(' ');
      let titleWords: string[] = [];
      const t0 = takeTitle(lastWords);
      if (t0.title.length && t0.rest.length) ({ title: titleWords, rest: lastWords } = t0);
      const lastSuffix = takeSuffixes(lastWords);
      lastWords = lastSuffix.rest.length ? lastSuffix.rest : lastWords;
      const suffixWords = [...(lastWords === lastSuffix.rest ? lastSuffix.suffix : [])];
      let given = commaParts.slice(1).join(' ').split(' ').filter(Boolean);
      const t1 = takeTitle(given);
      if (t1.title.length && t1.rest.length) {
        titleWords = [...titleWords, ...t1.title];
        given = t1.rest;
      }
      while (given.length > 1 && isSuffix(given[given.length - 1]) && !isInitial(given[given.length - 1])) {
        suffixWords.push(given.pop()!);
      }
      // "Doe, Rev. John V, Jr." -> V stays a middle initial; "Ma III, Jack Jr" -> III is a suffix.
      const lastOnly = takeSuffixes(lastWords.length > 1 ? lastWords : lastWords);
      if (lastOnly.suffix.length && lastOnly.rest.length) {
        lastWords = lastOnly.rest;
        suffixWords.unshift(...lastOnly.suffix);
      } else if (lastWords.length === 2 && isSuffix(lastWords[1]) && !isSuffix(lastWords[0])) {
        suffixWords.unshift(lastWords.pop()!);
      }
      // "KOWALSKI, Jan": a shouted surname beside a normally written given name is title-cased.
      if (lastWords.every(isAllCaps) && given.length && !given.some(isAllCaps)) lastWords = lastWords.map(titleCaseWord);
      return compact({
        salutation: titleWords.join(' ') || undefined,
        ...splitGivenNames(given),
        lastname: lastWords.join(' ') || undefined,
        suffix: joinSuffix([...suffixWords, ...tailSuffixes]),
        nickname,
      });
    }
    // "Sammy Davis, Jr." -> the comma only set off suffixes.
    return withSuffixes(splitPlain(commaParts[0], nickname), tailSuffixes);
  }
  return splitPlain(withoutNick, nickname);
}

function withSuffixes(parts: PersonNameParts, suffixes: string[]): PersonNameParts {
  if (!suffixes.length) return parts;
  return compact({ ...parts, suffix: joinSuffix([...(parts.suffix ? [parts.suffix] : []), ...suffixes]) });
}

function splitPlain(s: string, nickname?: string): PersonNameParts {
  let words = s.split(' ').filter(Boolean);
  const { title, rest } = takeTitle(words);
  words = rest;
  const { suffix, rest: core } = takeSuffixes(words);
  words = core;
  if (!words.length) return compact({ salutation: title.join(' ') || undefined, nickname });
  if (words.length === 1) {
    // A lone word after a title is a surname ("Dr King"); alone it is a surname too (Dataverse needs one).
    return compact({ salutation: title.join(' ') || undefined, lastname: words[0], suffix: joinSuffix(suffix), nickname });
  }
  // "KOWALSKI Jan": an all-caps first word before a mixed-case one is the surname.
  if (words.length >= 2 && isAllCaps(words[0]) && !words.slice(1).some(isAllCaps) && !isInitial(words[0])) {
    return compact({
      salutation: title.join(' ') || undefined,
      ...splitGivenNames(words.slice(1)),
      lastname: titleCaseWord(words[0]),
      suffix: joinSuffix(suffix),
      nickname,
    });
  }
  const start = lastNameStart(words);
  return compact({
    salutation: title.join(' ') || undefined,
    ...splitGivenNames(words.slice(0, start)),
    lastname: words.slice(start).join(' '),
    suffix: joinSuffix(suffix),
    nickname,
  });
}

function titleCaseWord(w: string): string {
  return w
    .toLowerCase()
    .replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function compact(p: PersonNameParts): PersonNameParts {
  const out: PersonNameParts = {};
  for (const [k, v] of Object.entries(p) as [keyof PersonNameParts, string | undefined][]) if (v) out[k] = v;
  return out;
}
