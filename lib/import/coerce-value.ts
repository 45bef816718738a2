// Cell text to the value a lead column takes: choice labels in English or Polish (or the number),
// yes/no in either language, numbers written the Polish or English way, and dates as ISO.
import { leadOptionSets, type LeadOptionSetName, type OptionSet } from '../leads/option-sets';
import { spreadsheetSafe } from '../export/spreadsheet-safe';
import { normalizeHeader } from './header-aliases';

export type Coerced<T> = { ok: true; value: T | undefined } | { ok: false; code: string };

const optionIndex = new Map<LeadOptionSetName, Map<string, number>>();
function labelsOf(name: LeadOptionSetName): Map<string, number> {
  let idx = optionIndex.get(name);
  if (!idx) {
    idx = new Map();
    const set: OptionSet = leadOptionSets[name];
    for (const [value, label] of Object.entries(set)) {
      idx.set(normalizeHeader(label.en), Number(value));
      idx.set(normalizeHeader(label.pl), Number(value));
    }
    optionIndex.set(name, idx);
  }
  return idx;
}

/** "Trade Show", "targi", "7" → 7. Unknown labels are an error, not a silent blank. */
export function coerceOption(name: LeadOptionSetName, raw: string): Coerced<number> {
  const s = raw.trim();
  if (!s) return { ok: true, value: undefined };
  const set: OptionSet = leadOptionSets[name];
  if (/^\d+$/.test(s)) return Object.hasOwn(set, Number(s)) ? { ok: true, value: Number(s) } : { ok: false, code: 'option' };
  const v = labelsOf(name).get(normalizeHeader(s));
  return v === undefined ? { ok: false, code: 'option' } : { ok: true, value: v };
}

const YES = new Set(['true', 'yes', 'y', 'tak', 't', '1', 'x', 'prawda', 'do not allow', 'nie zezwalaj', 'opted out', 'wahr', 'vrai', 'checked']);
const NO = new Set(['false', 'no', 'n', 'nie', '0', 'falsz', 'allow', 'zezwalaj', 'opted in', 'falsch', 'faux', 'unchecked']);

export function coerceFlag(raw: string): Coerced<boolean> {
  const s = normalizeHeader(raw);
  if (!s) return { ok: true, value: undefined };
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return { ok: false, code: 'flag' };
}

/** "1 234,56 zł", "1,234.56", "1.234,56", "12 000" → numbers. */
export function coerceNumber(raw: string): Coerced<number> {
  let s = raw.replace(/[\s\u00a0\u202f']/g, '').replace(/(zł|pln|eur|usd|gbp|chf|[$€£])/gi, '');
  if (!s) return { ok: true, value: undefined };
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    s = /^-?\d{1,3}(,\d{3}){2,}$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) return { ok: false, code: 'number' };
  return { ok: true, value: Number(s) };
}

const pad = (n: number) => String(n).padStart(2, '0');
function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Dates as Dataverse's DateOnly takes them. Accepts ISO (with or without time), 31.12.2026
 * (Polish), 31/12/2026 or 12/31/2026 (the impossible reading is ruled out; an ambiguous one
 * follows `dayFirst`), and Excel serial numbers.
 */
export function coerceDate(raw: string, dayFirst = true): Coerced<string> {
  const s = raw.trim();
  if (!s) return { ok: true, value: undefined };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return wrap(isoDate(+m[1], +m[2], +m[3]));
  m = /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/.exec(s);
  if (m) return wrap(isoDate(+m[1], +m[2], +m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+[\d:]+)?$/.exec(s);
  if (m) return wrap(isoDate(+m[3], +m[2], +m[1]));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:\s+[\d:]+(?:\s*[AP]M)?)?$/i.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const dmy = a > 12 ? true : b > 12 ? false : dayFirst;
    return wrap(dmy ? isoDate(+m[3], b, a) : isoDate(+m[3], a, b));
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    // Excel serial day (1900 system): 25569 is 1970-01-01.
    const ms = Math.round((Number(s) - 25569) * 86400000);
    const dt = new Date(ms);
    return wrap(isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()));
  }
  return { ok: false, code: 'date' };
}

const wrap = (v: string | undefined): Coerced<string> => (v ? { ok: true, value: v } : { ok: false, code: 'date' });

/** Excel shows a leading apostrophe as "text", and our CSV export adds one before a formula
 * character; drop it again so a failed-rows file round-trips. */
export function stripFormulaGuard(s: string): string {
  // Exactly the apostrophe the export adds (spreadsheetSafe), and no other.
  return s[0] === "'" && spreadsheetSafe(s.slice(1)) === s ? s.slice(1) : s;
}
