// Address tidying (issue #4), with Polish conventions: "UL. MARSZAŁKOWSKA 10 / 12 M. 5" ->
// "ul. Marszałkowska 10/12 m. 5", postal codes as NN-NNN, voivodeships lower case.
import { caseName } from './normalize-name';

const STREET_PREFIXES: Record<string, string> = {
  ul: 'ul.', ulica: 'ul.', al: 'al.', aleja: 'al.', aleje: 'al.', pl: 'pl.', plac: 'pl.', os: 'os.', osiedle: 'os.',
  skwer: 'skwer', rondo: 'rondo', bulwar: 'bulwar',
};
const UNIT_WORDS: Record<string, string> = { m: 'm.', mieszk: 'm.', lok: 'lok.', lokal: 'lok.', 'p': 'p.', pok: 'pok.' };

const isOneCase = (s: string) => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && (letters === letters.toUpperCase() || letters === letters.toLowerCase());
};

/** A Polish street line. Other countries only get whitespace tidied and one-case text re-cased. */
export function normalizeStreetLine(line: string | undefined, polish: boolean): string | undefined {
  if (!line) return line;
  let s = line.replace(/\s+/g, ' ').trim();
  if (!polish) return isOneCase(s) ? s.replace(/\p{L}+/gu, (w) => (/\d/.test(w) ? w : caseName(w)!)) : s;
  s = s.replace(/\s*\/\s*/g, '/'); // "10 / 12" -> "10/12"
  const words = s.split(' ');
  // The prefix ("UL", "ul.") says nothing about how the rep cased the street name.
  const key = (w: string) => w.toLowerCase().replace(/\.$/, '');
  const fixed = words.map((w, i): string | undefined => {
    if (i === 0 && STREET_PREFIXES[key(w)] && words.length > 1) return STREET_PREFIXES[key(w)];
    if (i > 0 && UNIT_WORDS[key(w)] && /^\d/.test(words[i + 1] ?? '')) return UNIT_WORDS[key(w)];
    if (/\d/.test(w)) return w.toUpperCase(); // "12a" -> "12A"
    return undefined;
  });
  // Only the name itself tells how the rep cased it, not "UL", "M." or the numbers.
  const oneCase = isOneCase(words.filter((_, i) => fixed[i] === undefined).join(' '));
  const out = words.map((w, i) => fixed[i] ?? (oneCase ? caseName(w)! : w));
  return out.join(' ');
}

/** Polish postal code: five digits written as NN-NNN. Others: whitespace tidied, upper case. */
export function normalizePostalCode(code: string | undefined, polish: boolean): string | undefined {
  if (!code) return code;
  const s = code.replace(/\s+/g, ' ').trim();
  if (polish) {
    const digits = s.replace(/\D/g, '');
    if (digits.length === 5 && /^[\d\s-]+$/.test(s)) return `${digits.slice(0, 2)}-${digits.slice(2)}`;
  }
  return s.toUpperCase();
}

/** City names typed in one case: "BIELSKO-BIAŁA" -> "Bielsko-Biała", "zielona góra" -> "Zielona Góra". */
export function normalizeCity(city: string | undefined): string | undefined {
  if (!city) return city;
  const s = city.replace(/\s+/g, ' ').trim();
  return isOneCase(s) ? caseName(s) : s;
}

const VOIVODESHIPS: Record<string, string> = {
  dolnoslaskie: 'dolnośląskie', 'lower silesian': 'dolnośląskie', 'lower silesia': 'dolnośląskie',
  'kujawsko pomorskie': 'kujawsko-pomorskie', 'kuyavian pomeranian': 'kujawsko-pomorskie',
  lubelskie: 'lubelskie', lublin: 'lubelskie',
  lubuskie: 'lubuskie', lubusz: 'lubuskie',
  lodzkie: 'łódzkie', lodz: 'łódzkie',
  malopolskie: 'małopolskie', 'lesser poland': 'małopolskie',
  mazowieckie: 'mazowieckie', masovian: 'mazowieckie', masovia: 'mazowieckie', mazovia: 'mazowieckie',
  opolskie: 'opolskie', opole: 'opolskie',
  podkarpackie: 'podkarpackie', subcarpathian: 'podkarpackie',
  podlaskie: 'podlaskie', podlachian: 'podlaskie',
  pomorskie: 'pomorskie', pomeranian: 'pomorskie',
  slaskie: 'śląskie', silesian: 'śląskie', silesia: 'śląskie',
  swietokrzyskie: 'świętokrzyskie', 'holy cross': 'świętokrzyskie',
  'warminsko mazurskie': 'warmińsko-mazurskie', 'warmian masurian': 'warmińsko-mazurskie',
  wielkopolskie: 'wielkopolskie', 'greater poland': 'wielkopolskie',
  zachodniopomorskie: 'zachodniopomorskie', 'west pomeranian': 'zachodniopomorskie',
};

/** "woj. Mazowieckie", "MAZOWIECKIE", "Masovian Voivodeship" -> "mazowieckie" (as Polish writes it). */
export function normalizeProvince(value: string | undefined, polish: boolean): string | undefined {
  if (!value) return value;
  const s = value.replace(/\s+/g, ' ').trim();
  if (!polish) return s;
  return voivodeship(s) ?? s;
}

/** The voivodeship a province names, as Polish writes it, or undefined when it names none. */
export function voivodeship(value: string): string | undefined {
  const key = value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/^(woj\.?|wojewodztwo)\s+/, '')
    .replace(/\s+(voivodeship|province|region)$/, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return Object.hasOwn(VOIVODESHIPS, key) ? VOIVODESHIPS[key] : undefined;
}
