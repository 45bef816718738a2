// Postal addresses in lines of text: US/Canada "City, ST 12345", UK postcodes, Polish
// "00-950 Warszawa", and European "75002 Paris" after a street line.
export interface FoundAddress {
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postalcode?: string;
  country?: string;
  /** Index of the line holding the city. */
  at: number;
}

const US_STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const CA_PROVINCES = 'AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT';
const STATE_NAMES = 'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta';
const COUNTRIES = 'USA|U\\.S\\.A\\.|United States(?: of America)?|US|Canada|UK|U\\.K\\.|United Kingdom|England|Scotland|Wales|Ireland|Australia|New Zealand|Poland|Polska|Germany|Deutschland|France|Spain|España|Italy|Italia|Austria|Österreich|Switzerland|Netherlands|Belgium|Sweden|Norway|Denmark|Finland|Czech Republic|Czechia|Portugal|India|Singapore|Japan|Mexico|Brazil';

const CITY = "[\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*){0,3}";
const US_LINE = new RegExp(`^(?:(.*?),\\s*)?(${CITY}),?\\s+(${US_STATES}|${CA_PROVINCES}|${STATE_NAMES})\\.?,?(?:\\s+(\\d{5}(?:-\\d{4})?|[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d))?(?:,?\\s+(${COUNTRIES}))?\\.?$`, 'u');
const UK_POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b/;
const PL_LINE = new RegExp(`^(?:(.*?),\\s*)?(\\d{2}-\\d{3})\\s+(${CITY})(?:,?\\s+(${COUNTRIES}))?$`, 'u');
const EU_LINE = new RegExp(`^(?:(.*?),\\s*)?(?:[A-Z]{1,2}-)?(\\d{4,5})\\s*[-–]?\\s*(${CITY})(?:,?\\s+(${COUNTRIES}))?$`, 'u');
const COUNTRY_LINE = new RegExp(`^(${COUNTRIES})\\.?$`);
const STREET_WORDS = /\b(st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place|pkwy|parkway|hwy|highway|sq|square|ter|terrace|cir|circle|suite|ste|floor|fl|unit|p\.?\s?o\.?\s+box|box|route|rte|pike|trail|row|close|crescent|mews|ul|ulica|al|aleja|aleje|os|osiedle|pl|plac|straße|strasse|str|weg|gasse|platz|rue|avenue|calle|via)\b\.?|(?:^|\s)c\/\s/i;
const STREET = /^(?:\d+[A-Za-z]?(?:[-–]\d+)?\s+\S.*|.*\b\d+[A-Za-z]?(?:\/\d+)?$|(?:p\.?\s?o\.?\s+)?box\s+\d+.*)$/i;

// Every word a state or province can be written with. US_LINE has one after a space, followed by
// nothing but dots and commas up to the next space or the end: a line without such a word cannot
// match, and most lines of a page outside North America have none. Compiling US_LINE (a hundred
// alternatives, Unicode classes) is a large part of the extractor's first run in a tab (issue #13).
const STATE_WORDS = new Set(`${US_STATES}|${CA_PROVINCES}|${STATE_NAMES}`.split(/[|\s]/));

function mayNameState(line: string): boolean {
  for (const word of line.split(/\s+/)) if (STATE_WORDS.has(word) || STATE_WORDS.has(word.replace(/[.,]+$/, ''))) return true;
  return false;
}

function looksLikeStreet(s: string | undefined): boolean {
  if (!s || s.length > 90 || s.length < 4) return false;
  if (/@|https?:|www\.|\b(tel|phone|fax|call|email)\b/i.test(s)) return false;
  return (STREET.test(s) && /\p{L}{2,}/u.test(s)) || (STREET_WORDS.test(s) && /\d/.test(s));
}

/** Splits "Street, Suite 5" into line1/line2. */
function streetParts(street: string | undefined, prevLine: string | undefined): { line1?: string; line2?: string } {
  const parts: string[] = [];
  if (prevLine && looksLikeStreet(prevLine)) parts.push(prevLine);
  for (const p of street ? street.split(/\s*,\s*/) : []) {
    // "C/ Bodegas Protos, 24-28": a house number written after the street, behind a comma.
    if (parts.length && /^\d+[A-Za-z]?(?:[-–/]\d+[A-Za-z]?)?$/.test(p)) parts[parts.length - 1] += `, ${p}`;
    else if (p) parts.push(p);
  }
  const streetish = parts.filter((p) => looksLikeStreet(p) || /^(suite|ste|unit|apt|floor|fl|lok|m\.)\b/i.test(p));
  if (!streetish.length) return {};
  const main = streetish.find((p) => /^\d/.test(p) || STREET_WORDS.test(p)) ?? streetish[0];
  const rest = streetish.filter((p) => p !== main);
  return { line1: main, line2: rest.join(', ') || undefined };
}

export function findAddresses(lines: string[], maxLines = 5_000): FoundAddress[] {
  const out: FoundAddress[] = [];
  const n = Math.min(lines.length, maxLines);
  for (let i = 0; i < n && out.length < 30; i++) {
    const line = lines[i].replace(/^(address|adres|main address|mailing address|location|siedziba|biuro)\s*:\s*/i, '').trim();
    if (line.length > 160 || line.length < 4) continue;
    let country: string | undefined;
    const nextCountry = lines[i + 1] && COUNTRY_LINE.exec(lines[i + 1].trim());
    let m = mayNameState(line) ? US_LINE.exec(line) : null;
    if (m && (m[4] || m[1] || /,/.test(line)) && !/\d{3}.*\d{4}$/.test(m[2])) {
      const street = streetParts(m[1], m[1] ? undefined : lines[i - 1]);
      if (!street.line1 && !m[4]) continue;
      out.push({ ...street, city: m[2], state: m[3], postalcode: m[4], country: m[5] ?? nextCountry?.[1], at: i });
      continue;
    }
    m = PL_LINE.exec(line);
    if (m) {
      const street = streetParts(m[1], m[1] ? undefined : lines[i - 1]);
      if (street.line1 || /\b(ul|al|pl)\.\s/i.test(lines[i - 1] ?? '')) {
        out.push({ ...street, postalcode: m[2], city: m[3], country: m[4] ?? nextCountry?.[1], at: i });
        continue;
      }
    }
    m = EU_LINE.exec(line);
    if (m && !STREET_WORDS.test(m[3])) {
      const street = streetParts(m[1], m[1] ? undefined : lines[i - 1]);
      if (street.line1) {
        out.push({ ...street, postalcode: m[2], city: m[3], country: m[4] ?? nextCountry?.[1], at: i });
        continue;
      }
    }
    const uk = UK_POSTCODE.exec(line);
    if (uk && /^[A-Z]{1,2}\d/.test(uk[1])) {
      const before = line.slice(0, uk.index).replace(/[,\s]+$/, '');
      const segs = before ? before.split(/\s*,\s*/) : [];
      let city = segs.pop();
      let streetSrc = segs.join(', ');
      let prev = lines[i - 1];
      if (!city && prev && !looksLikeStreet(prev) && prev.length < 40) {
        city = prev;
        prev = lines[i - 2];
      }
      if (!streetSrc && prev) streetSrc = '';
      const street = streetParts(streetSrc || undefined, streetSrc ? undefined : prev);
      if (street.line1 && city) {
        country = /\b(UK|United Kingdom|England|Scotland|Wales)\b/.exec(line.slice(uk.index))?.[1] ?? nextCountry?.[1];
        out.push({ ...street, city, postalcode: uk[1], country, at: i });
      }
    }
  }
  if (!out.length) stackedAddress(lines, n, out);
  return out;
}

const POSTAL_PART = /^(?:[A-Z]{1,2}-)?(\d{4,5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)$/;
const STATE_PART = new RegExp(`^(${US_STATES}|${CA_PROVINCES}|${STATE_NAMES})$`);
const PLACE_PART = new RegExp(`^${CITY}$`, 'u');

/**
 * One part to a line, as pages that lay an address out in spans or cells show it:
 * "Technikerstrasse 21 / 6020 / Innsbruck / Tyrol, / Austria". Only tried when nothing else was found.
 */
function stackedAddress(lines: string[], n: number, out: FoundAddress[]): void {
  for (let i = 0; i < n - 2; i++) {
    if (!looksLikeStreet(lines[i])) continue;
    const found: Omit<FoundAddress, 'at'> = {};
    let places = 0;
    let anchored = false; // a postal code, country or state name: a city alone is just a word
    let k = i + 1;
    for (; k < Math.min(n, i + 6) && lines[k].length <= 40; k++) {
      const pieces = lines[k].split(/\s*,\s*/).map((x) => x.trim()).filter(Boolean);
      if (!pieces.length) break;
      let fits = true;
      for (const piece of pieces) {
        if (!found.postalcode && POSTAL_PART.test(piece)) found.postalcode = POSTAL_PART.exec(piece)![1];
        else if (!found.country && COUNTRY_LINE.test(piece)) found.country = piece;
        else if (!found.state && STATE_PART.test(piece)) found.state = piece;
        else continue;
        anchored = true;
      }
      for (const piece of pieces) {
        if (piece === found.postalcode || piece === found.country || piece === found.state || POSTAL_PART.test(piece)) continue;
        else if (PLACE_PART.test(piece) && places < 2) {
          if (places++ === 0) found.city = piece;
          else if (!found.state) found.state = piece;
          else fits = false;
        } else fits = false;
      }
      if (!fits) break;
    }
    if (found.city && anchored && k - i >= 3) {
      out.push({ ...streetParts(lines[i], undefined), ...found, at: i + 1 });
      return;
    }
  }
}
