// What a single line of an email looks like: the features both signature detection and
// parsing rely on (issue #7). Patterns are deliberately language-aware for English and Polish.

export const EMAIL_RE = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
export const EMAIL_RE_G = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
export const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|pl|eu|io|co|de|uk|biz|info)(?:\/[^\s<>"']*)?\b/i;

/** Runs of digits and phone punctuation long enough to be a phone number; checked by `phoneDigits`. */
export const PHONE_CANDIDATE_RE_G = /(?:\+\s?|\(\s?)?\d[\d\s()./\u2013-]{5,}\d(?:\s*(?:ext\.?|x|wew\.?)\s*\d{1,5})?/gi;

const DATE_RE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;
const TIME_RE = /\b\d{1,2}:\d{2}\b/;

/** Digits of a phone-looking string, or undefined when it is a date, a year range or too short. */
export function phoneDigits(candidate: string): string | undefined {
  const core = candidate.replace(/\s*(?:ext\.?|x|wew\.?)\s*\d{1,5}$/i, '').trim();
  if (DATE_RE.test(core) || TIME_RE.test(core) || /\d{1,2}\/\d{1,2}\/\d{2,4}/.test(core)) return undefined;
  if (/^\d{5}-\d{4}$/.test(core)) return undefined; // US ZIP+4
  // Bare digit runs ("20020117", "3716524") are dates and ids; phones are written with separators.
  if (/^\d+$/.test(core) && !candidate.trim().startsWith('+')) return undefined;
  if (/^\d{4}\s*[-\u2013]\s*\d{4}$/.test(core)) return undefined; // 2001-2002
  const digits = core.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  return digits;
}

/** Phone numbers in a line, as written. */
export function findPhones(line: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  for (const m of line.matchAll(PHONE_CANDIDATE_RE_G)) {
    const text = m[0].replace(/[\s(./-]+$/, '').trim();
    const index = m.index + (m[0].length - m[0].trimStart().length);
    // "11/16/00 11:30" and "10:00-12:00" are times, not numbers.
    if (/^\s*[:\d]/.test(line.slice(m.index + m[0].length)) && /^:/.test(line.slice(m.index + m[0].length))) continue;
    if (phoneDigits(text)) out.push({ text, index });
    else if (text.includes(' / ')) {
      // "(310) 555-0101 / (310) 555-0102 fax": two numbers the run of digits joined (#14).
      let at = index;
      for (const piece of text.split(' / ')) {
        const trimmed = piece.trim();
        if (phoneDigits(trimmed)) out.push({ text: trimmed, index: line.indexOf(trimmed, at) });
        at += piece.length + 3;
      }
    }
  }
  return out;
}

/** Closings that end the message text and start the sign-off ("Thanks,", "Pozdrawiam"). */
const SIGN_OFFS = [
  'thanks', 'thank you', 'thank you very much', 'thanks very much', 'thanks so much', 'thanks again', 'many thanks', 'thanks a lot',
  'thanks in advance', 'thank you in advance', 'thx', 'tks', 'ty', 'cheers', 'regards', 'best', 'best regards', 'kind regards',
  'warm regards', 'warmest regards', 'with regards', 'with best regards', 'with kind regards', 'best wishes', 'all the best',
  'sincerely', 'sincerely yours', 'yours', 'yours truly', 'yours sincerely', 'respectfully', 'take care', 'talk soon',
  'your pal', 'love', 'rgds', 'br', 'kr', 'ciao', 'later', 'pozdrawiam', 'pozdrawiam serdecznie', 'serdecznie pozdrawiam',
  'pozdrawiam ciepło', 'z pozdrowieniami', 'pozdrowienia', 'z poważaniem', 'z wyrazami szacunku', 'dziękuję', 'dziekuje',
  'dziękuję bardzo', 'dzięki', 'pozdr', 'mit freundlichen grüßen', 'viele grüße', 'gruß', 'cordialement', 'saludos',
].sort((a, b) => b.length - a.length);
export const SIGN_OFF_RE = new RegExp(
  `^(?:${SIGN_OFFS.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?:\\s+(?:again|so much|in advance|for (?:your|the) [a-z ]{1,20}))?(?![\\p{L}\\p{N}@_-]|\\.\\p{L})[\\s,.!:;-]*`,
  'iu',
);

/** Lines that separate a signature from the text above it. */
export const SEPARATOR_RE = /^\s*(?:--\s*|[-_=*~#]{4,}\s*|\u2014+\s*)$/;

/** Mobile client footers, a signature in forge's sense. */
export const DEVICE_FOOTER_RE = /^(?:sent (?:from|with|via|using) (?:my |the )?[\w .'-]{2,40}|wysłane (?:z|za pomocą) .{2,40}|get outlook for .{2,20}|pobierz outlook .{2,30}|do you yahoo!?\??)$/i;

/** Words of job titles (English and Polish). */
export const TITLE_WORDS_RE =
  /\b(?:manager|director|president|vice|vp|svp|evp|ceo|cfo|coo|cto|cio|cmo|chairman|chair|chief|head|founder|co-founder|owner|partner|principal|consultant|engineer|developer|architect|analyst|associate|assistant|secretary|counsel|attorney|lawyer|paralegal|specialist|coordinator|officer|administrator|representative|rep|executive|advisor|adviser|accountant|controller|treasurer|supervisor|lead|leader|trader|scheduler|broker|recruiter|geologist|economist|scientist|designer|editor|producer|marketing|sales|account|business development|operations|support|intern|agent|buyer|planner|technician|professor|lecturer|researcher|strategist|officer|superintendent|foreman|clerk|receptionist|team lead|senior|junior|sr\.?|jr\.?|kierownik|kierowniczka|dyrektor|dyrektorka|prezes|wiceprezes|członek zarządu|zarząd|właściciel|właścicielka|specjalista|specjalistka|menedżer|menadżer|manager|handlowiec|przedstawiciel|przedstawicielka|doradca|konsultant|konsultantka|inżynier|asystent|asystentka|księgowa|księgowy|koordynator|koordynatorka|opiekun|opiekunka|pełnomocnik|radca|adwokat|prokurent|sprzedaży|dział)\b/iu;

/** Legal-form and organisation words that mark a company name. */
export const COMPANY_RE =
  /(?:\b(?:inc|incorporated|llc|l\.l\.c|ltd|limited|corp|corporation|co|company|plc|llp|lp|gmbh|ag|kg|sa|s\.a|sp\.? ?z ?o\.? ?o|spółka|sp\.? ?j|sp\.? ?k|s\.c|bv|nv|oy|ab|as|srl|sarl|pty|group|holdings?|partners|associates|consulting|consultants|solutions|services|systems|technologies|technology|software|industries|international|enterprises|bank|capital|energy|foundation|institute|university|agency|studio|labs?|pipeline|resources|exploration|production|power|ventures|media|networks?|works)\b\.?)/iu;

/** Address lines: streets, suites, P.O. boxes, "City, ST 12345", Polish "00-950 Warszawa". */
export const ADDRESS_RE =
  /(?:^\d{1,5}[a-z]?\s+(?:[\p{L}.'-]+\s+){0,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|place|pl|court|ct|square|sq|parkway|pkwy|highway|hwy|suite|floor|plaza|park|center|centre|circle|terrace)\b|\b(?:suite|ste\.?|floor|room|p\.?\s?o\.? box|po box|ul\.|al\.|ulica|aleja|os\.|pl\.)\s*[\p{L}\d]|\b[\p{Lu}][\p{L}.' -]+,\s+[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\b|\b[\p{Lu}][\p{L}.' -]+,\s+(?:texas|california|new york|illinois|florida|ohio|georgia|mass|massachusetts|colorado|oregon|washington)\b[\s,]*\d{5}|^\d{2}-\d{3}\s+\p{Lu}|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b)/iu;

/** Labels of phone kinds. Order matters: the most specific first. */
export const FAX_LABEL_RE = /\b(?:fax|faks|telefax|facsimile|fx|f)\b\.?|^f\s*[:.]/i;
export const MOBILE_LABEL_RE = /\b(?:mobile|mob|mobil|cell|cel|cellular|wireless|handy|gsm|kom|komórka|komorka|tel\.? kom|m|c)\b\.?/i;
export const HOME_LABEL_RE = /\b(?:home|dom|h)\b\.?/i;
export const WORK_LABEL_RE = /\b(?:tel|telephone|phone|ph|p|t|office|work|direct|dir|main|voice|biuro|telefon|o|w|d)\b\.?/i;

/** Disclaimers and legal footers: ignored when parsing. */
export const DISCLAIMER_RE =
  /\b(?:confidential|privileged|intended (?:solely |only )?for|intended recipient|if you (?:are not|have received)|disclos|prohibited|unauthori[sz]ed|legally|liable|virus|poufn|adresat|zabronion|niniejsz|wiadomość (?:ta|jest)|rozpowszechnianie|administrator(?:em)? danych|rodo|gdpr|sąd rejonowy|krs|kapitał zakładowy|regon|please consider the environment|think before you print)\b/iu;

/** A line that looks like prose: sentences rather than signature fields. */
export function isProse(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length >= 9) return true;
  // "Cara's new number is": a sentence that goes on in the next line.
  if (words.length >= 3 && /\b(?:is|are|was|at|to|on|of|and|or|for|with|the|a|an|jest|to|na|do|pod|i|oraz)$/i.test(line.trim())) return true;
  if (/[.?!:]$/.test(line.trim()) && words.length >= 5 && !/\b(?:inc|ltd|co|corp|jr|sr|s\.a|o\.o)\.$/i.test(line.trim())) return true;
  // Starts lowercase and has several words: the continuation of a sentence.
  if (/^[a-ząćęłńóśźż]/u.test(line.trim()) && words.length >= 3 && !EMAIL_RE.test(line) && !URL_RE.test(line)) return true;
  return false;
}

/** Words that are capitalised like a name ("Jan Kowalski", "Mark D. Guinney", "BERT MEYERS"). */
export function looksLikeName(line: string): boolean {
  const t = line.trim().replace(/,\s*(?:[A-Z][A-Za-z.]{1,6})(?:,\s*[A-Z][A-Za-z.]{1,6})*$/, ''); // ", CFA, PhD"
  if (t.length < 2 || t.length > 40) return false;
  if (/[\d@:/|]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 4) return false;
  if (TITLE_WORDS_RE.test(t) && words.length > 1) return false;
  if (COMPANY_RE.test(t)) return false;
  return words.every((w) => /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.|(?:van|von|de|der|den|du|da|di|la|le)|\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+)$/u.test(w));
}

/** Words of a display name, lowercased, to spot the sender's name in a line. */
export function nameTokens(name: string | undefined): string[] {
  if (!name) return [];
  return name
    .replace(/<[^>]*>|\([^)]*\)|\[[^\]]*\]|"/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .split(/[\s,]+/)
    .map((w) => w.toLowerCase().replace(/[^\p{L}'-]/gu, ''))
    .filter((w) => w.length >= 2);
}

/** Whether the line contains one of the sender's name words (as a whole word). */
export function mentionsSender(line: string, tokens: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  const words = line.toLowerCase().split(/[^\p{L}'-]+/u);
  return words.some((w) => w.length >= 2 && tokens.includes(w));
}
