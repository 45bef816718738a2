import { headOf, MAX_PROSE_LINE_CHARS } from '../../text/input-bounds';
import { isGivenName } from './given-names';
import { isJobTitle } from './job-title';

// Does a short piece of text look like a person's name? Conservative on purpose: the popup
// prefills it, so a false name costs the rep more than a missed one.
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}’'`-]+(?:-\p{Lu}[\p{Ll}]+)?|\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+|\p{Lu}{2,}(?:-\p{Lu}{2,})?|\p{Lu}\.|Mc\p{Lu}\p{Ll}+|Mac\p{Lu}\p{Ll}+|O['’]\p{Lu}\p{Ll}+|D['’]\p{Lu}\p{Ll}+)$/u;
const PARTICLE = /^(van|von|de|da|di|del|della|der|den|la|le|du|dos|das|ten|ter|bin|y)$/;
const SALUTATION = /^(mr|mrs|ms|miss|dr|prof|sir|rev|fr|pastor|hon|judge|pan|pani|mgr|inż)\.?$/i;
const CREDENTIALS = /(?:,?\s+(?:jr|sr|ii|iii|iv|phd|ph\.d|md|m\.d|dds|dmd|rn|rdh|da|efda|np|cpa|esq|mba|ms|ma|msc|rd|cd|ckd|cfp|cfa|pe|aia|jd|dvm|lcsw|lmft|clu|chfc|ckd|cid|asid|leed ap)\.?)+$/i;
// Capitalised words that start or fill headings, menus and addresses rather than names.
const NOT_NAME = new Set(`about us our team home contact contacts meet staff services service products product news events event blog gallery
login log sign search map maps directions careers career jobs welcome read more click here privacy policy terms copyright all rights
reserved company inc llc ltd corp co group center centre insurance solutions design church school university college hospital clinic
law firm bank county city state department office hours monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december street avenue road suite drive lane boulevard north south east
west new the and of for to in on at by with from your my a an is are be it this that request quote free online shop store cart
view full more info information links link page site web website email mail phone fax tel call toll support help faq faqs question
questions testimonials reviews review portfolio projects project location locations visit find get started learn best top quality
professional professionals residential commercial industrial sales marketing management board members member directors leadership
executive executives history mission vision values partners clients client customer customers resources downloads download
community family health care dental medical legal real estate home homes property properties financial tax accounting
consulting construction plumbing heating cooling roofing repair repairs cleaning landscaping auto car cars service photo photos
video videos media press releases release subscribe newsletter follow like share twitter facebook linkedin instagram youtube google
united states america american canada british english national international global local regional park lake river valley mountain
hill hills beach bay island spring springs creek ridge view heights village town main st ave rd blvd dr ln ct pl
accessibility sitemap skip navigation menu back next previous return open close submit send reset yes no thank thanks
library libraries public museum academy institute foundation association society council agency islands island arbor downtown works chase sayfa harbor harbour heights park plaza mall tower towers county borough springs falls gardens village
kontakt o nas zespół oferta usługi produkty aktualności strona główna ul al pl sp z o.o. s.a. polska warszawa kraków
specials special offer offers sale deals coupons pricing prices price rates rate plans plan program programs programme
events calendar schedule admissions apply donate give volunteer ministries worship sermons staff directory`.split(/\s+/));

export function stripCredentials(s: string): string {
  return s.replace(CREDENTIALS, '').trim();
}

/** Returns the name (salutation and credentials removed) or undefined. */
export function asPersonName(raw: string): string | undefined {
  let s = raw.replace(/\s+/g, ' ').replace(/^[-–•·*|,:;\s]+|[-–•·*|,:;\s]+$/g, '').trim();
  if (s.length < 4 || s.length > 48) return undefined;
  s = stripCredentials(s);
  // A nickname in quotes or brackets is still a name: "Walter (Bill) Babb", "Shaun 'Gilly' Gilligan".
  const plain = s.replace(/\s+(?:\([^)]{1,15}\)|['"“‘][^'"”’]{1,15}['"”’])\s+/, ' ');
  const words = plain.split(' ');
  let start = 0;
  while (start < words.length - 1 && SALUTATION.test(words[start])) start++;
  const core = words.slice(start);
  if (core.length < 2 || core.length > 4) return undefined;
  let capitals = 0;
  for (let i = 0; i < core.length; i++) {
    const w = core[i];
    if (i > 0 && i < core.length - 1 && PARTICLE.test(w)) continue;
    if (!NAME_WORD.test(w)) return undefined;
    if (NOT_NAME.has(w.toLowerCase().replace(/[.’'`]/g, ''))) return undefined;
    capitals++;
  }
  if (capitals < 2) return undefined;
  // "Sales Director", "Dyrektor Sprzedaży": capitalised, but a role.
  if (isJobTitle(plain)) return undefined;
  // Two initials or a trailing initial are not a name ("J. K.", "Smith J.").
  if (/\.$/.test(core[0]) && /\.$/.test(core[1])) return undefined;
  if (/^\p{Lu}\.$/u.test(core[core.length - 1])) return undefined;
  // All-caps lines are names only when short words (DAN MARTIN), not acronyms (ABC DEF GH).
  if (core.every((w) => /^\p{Lu}+$/u.test(w)) && core.some((w) => w.length < 3)) return undefined;
  return s;
}

export interface NameEvidence {
  name: string;
  /** The first word is a common given name. */
  known: boolean;
  /** "Dr.", "Mrs." before it, or "PhD", "RDH" after it: only people have them. */
  marked: boolean;
}

/** asPersonName plus how much the text itself says it is a person. */
export function nameEvidence(raw: string): NameEvidence | undefined {
  const name = asPersonName(raw);
  if (!name) return undefined;
  const trimmed = raw.replace(/\s+/g, ' ').trim().replace(/[,;:]+$/, '');
  const words = name.split(' ');
  let i = 0;
  while (i < words.length - 1 && SALUTATION.test(words[i])) i++;
  return { name, known: isGivenName(words[i].replace(/[.’']/g, '')), marked: i > 0 || stripCredentials(trimmed) !== trimmed || /,\s*[A-Z]{2,5}$/.test(trimmed) };
}

/** "Kim Wood Office Manager" -> name "Kim Wood" and the rest, when the first word is a given name. */
export function leadingName(line: string): { name: string; rest: string } | undefined {
  const words = line.replace(/\s+/g, ' ').trim().split(' ');
  if (words.length < 3 || !isGivenName(words[0])) return undefined;
  for (const take of [3, 2]) {
    if (words.length <= take) continue;
    const name = words.slice(0, take).join(' ');
    if (take === 3 && !/^\p{Lu}\.?$/u.test(words[1])) continue; // a middle initial only
    if (asPersonName(name)) return { name, rest: words.slice(take).join(' ') };
  }
  return undefined;
}

const PLACE_BEFORE = /\b(san|santa|st|saint|fort|ft|port|lake|mount|mt|new|los|las|el|del|de|cape|glen|point|upon|via|of)\.?\s*\W?$/i;
const PROSE_NAME = /(?:^|[^\p{L}\p{N}'’.-])((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\.)?\s+((?:Mc|Mac|O['’]|De|Van|Le|La|Di|Da)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?))(?=$|[^\p{L}\p{N}'’-])(?!\s+\p{Lu}\p{Ll})/gu;

/** Names inside running text ("... said Caroline Rahier, who ..."): a common given name and a surname. */
export function namesInText(line: string, max = 10): string[] {
  const out: string[] = [];
  line = headOf(line, MAX_PROSE_LINE_CHARS);
  for (const m of line.matchAll(PROSE_NAME)) {
    if (!isGivenName(m[2])) continue;
    // "San Luis Obispo", "Lake Charles Street": a place, not a person.
    const before = line.slice(Math.max(0, (m.index ?? 0) - 8), (m.index ?? 0) + 1);
    if (PLACE_BEFORE.test(before)) continue;
    const name = asPersonName(m[1]);
    if (name && !isGivenName(m[3]) || name && /^(?:Dr|Mr|Mrs|Ms|Prof)/.test(m[1])) out.push(name!);
    if (out.length >= max) break;
  }
  return out;
}
