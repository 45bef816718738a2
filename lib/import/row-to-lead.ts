// One file row to a lead draft through the column mapping, validated against the lead schema.
// Every problem names the row, the file's column and what is wrong, so the user can fix it.
import { leadDraft, leadTextLimits, type LeadDraft, type LeadFieldName } from '../leads/schema';
import { leadOptionSets, type LeadOptionSetName } from '../leads/option-sets';
import { readEmailField } from '../text/email-address';
import { MAX_EMAIL_ADDRESS_CHARS } from '../text/input-bounds';
import { splitPersonName } from '../text/person-name';
import type { ColumnMapping } from './auto-map';
import { coerceDate, coerceFlag, coerceNumber, coerceOption, stripFormulaGuard } from './coerce-value';
import { normalizeHeader } from './header-aliases';
import type { TableRow } from './table';

export interface RowIssue {
  /** Row number as the user sees it in the file. */
  row: number;
  /** The file's column header (or the field's name when no column supplied it). */
  column: string;
  field: string;
  /** 'required', 'max', 'option', 'flag', 'number', 'date', 'email', 'min', 'status', 'truncated'... */
  code: string;
  /** Limit or offending value, for the message. */
  detail?: string;
  severity: 'error' | 'warning';
}

export interface ConvertOptions {
  headers: readonly string[];
  mapping: ColumnMapping;
  /** Values for fields a row leaves empty (e.g. a Topic for the whole file). */
  defaults?: Partial<Record<LeadFieldName, string>>;
  /** Shown in the lead's provenance. */
  fileName: string;
  /** ISO timestamp of the import. */
  now: string;
  /** How to read 05/06/2026: day first (Polish, British) or month first (US). */
  dayFirst?: boolean;
}

export interface ConvertedRow {
  row: number;
  lead?: LeadDraft;
  issues: RowIssue[];
  /** Fields the row left empty and the file-wide default filled (the import summary lists them). */
  defaulted?: string[];
}

const OPTION_FIELDS = new Set<string>(Object.keys(leadOptionSets));
const FLAG_FIELDS = new Set<string>(['donotemail', 'donotphone', 'donotpostalmail', 'donotbulkemail', 'decisionmaker']);
const NUMBER_FIELDS = new Set<string>(['budgetamount', 'revenue', 'numberofemployees']);
// Long free text is cut to Dataverse's limit with a warning; identity fields are errors instead.
const TRUNCATE = new Set<string>(['description', 'qualificationcomments', 'address1_line1', 'address1_line2', 'address1_line3']);
const EMAIL_FIELDS = ['emailaddress1', 'emailaddress2', 'emailaddress3'] as const;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;

type PhoneSlot = 'telephone1' | 'telephone2' | 'telephone3' | 'mobilephone' | 'fax';

/** Where a typed phone goes, from its type label in English or Polish. */
export function phoneSlots(type: string): PhoneSlot[] {
  const t = normalizeHeader(type);
  if (/fax|faks/.test(t)) return ['fax'];
  if (/pager|beeper/.test(t)) return ['telephone3'];
  if (/mobile|cell|komork|mobil/.test(t)) return ['mobilephone', 'telephone3'];
  if (/home|domow|prywat/.test(t)) return ['telephone2', 'telephone3'];
  if (/work|business|main|office|sluzb|praca|firm/.test(t)) return ['telephone1', 'telephone3'];
  return ['telephone1', 'telephone3', 'telephone2', 'mobilephone'];
}

/** Specific types claim their column before vague ones ("Work" before "Main" before "Other"). */
function phoneRank(type: string): number {
  const t = normalizeHeader(type);
  if (/work|business|sluzb|praca|firm/.test(t)) return 0;
  if (/fax|faks|mobile|cell|komork|mobil|home|domow|prywat/.test(t)) return 1;
  if (/pager|beeper/.test(t)) return 3;
  return 2;
}

function emailRank(type: string): number {
  const t = normalizeHeader(type);
  return /work|business|sluzb|praca|firm/.test(t) ? 0 : /home|domow|prywat|personal/.test(t) ? 2 : 1;
}

/** Google joins several values in one cell with " ::: ". */
const splitMulti = (v: string) => v.split(' ::: ').map((s) => s.trim()).filter(Boolean);

export function rowToLead(r: TableRow, o: ConvertOptions): ConvertedRow {
  const { targets, typeColumns } = o.mapping;
  const values = new Map<string, string>();
  const source = new Map<string, number>(); // field -> column that supplied it
  const issues: RowIssue[] = [];
  const typedEmails: { v: string; rank: number; col: number }[] = [];
  const typedPhones: { v: string; type: string; col: number }[] = [];
  let fullName: { v: string; col: number } | undefined;

  for (let col = 0; col < targets.length; col++) {
    const target = targets[col];
    if (target === 'ignore') continue;
    const text = stripFormulaGuard(r.cells[col] ?? '').trim();
    if (!text) continue;
    if (target === 'email') {
      const type = typeColumns[col] >= 0 ? r.cells[typeColumns[col]] ?? '' : '';
      for (const v of splitMulti(text)) typedEmails.push({ v, rank: emailRank(type), col });
    } else if (target === 'phone') {
      const type = typeColumns[col] >= 0 ? r.cells[typeColumns[col]] ?? '' : '';
      for (const v of splitMulti(text)) typedPhones.push({ v, type, col });
    } else if (target === 'fullname') {
      fullName ??= { v: text, col };
    } else if (!values.has(target)) {
      values.set(target, text);
      source.set(target, col);
    } else if (target === 'description') {
      values.set(target, `${values.get(target)}\n${text}`);
    }
  }

  const put = (field: string, v: string, col: number) => {
    if (values.has(field)) return false;
    values.set(field, v);
    source.set(field, col);
    return true;
  };
  if (fullName && !values.has('lastname') && !values.has('firstname')) {
    const parts = splitPersonName(fullName.v);
    for (const f of ['salutation', 'firstname', 'middlename', 'lastname'] as const) if (parts[f]) put(f, parts[f]!, fullName.col);
  }
  typedEmails.sort((a, b) => a.rank - b.rank);
  for (const e of typedEmails) EMAIL_FIELDS.some((f) => put(f, e.v, e.col));
  typedPhones.sort((a, b) => phoneRank(a.type) - phoneRank(b.type));
  for (const p of typedPhones) phoneSlots(p.type).some((f) => put(f, p.v, p.col));
  const defaulted: string[] = [];
  if (o.defaults) {
    for (const [f, v] of Object.entries(o.defaults)) {
      if (!v?.trim() || values.has(f)) continue;
      values.set(f, v.trim());
      defaulted.push(f);
    }
  }

  const columnOf = (field: string) => {
    const c = source.get(field);
    return c === undefined ? field : o.headers[c] ?? field;
  };
  const issue = (field: string, code: string, detail?: string, severity: RowIssue['severity'] = 'error') =>
    issues.push({ row: r.n, column: columnOf(field), field, code, detail, severity });

  const draft: Record<string, unknown> = Object.create(null);
  for (const [field, v] of values) {
    if (OPTION_FIELDS.has(field)) {
      const c = coerceOption(field as LeadOptionSetName, v);
      if (c.ok) draft[field] = c.value;
      else issue(field, c.code, v);
    } else if (FLAG_FIELDS.has(field)) {
      const c = coerceFlag(v);
      if (c.ok) draft[field] = c.value ?? false;
      else issue(field, c.code, v);
    } else if (NUMBER_FIELDS.has(field)) {
      const c = coerceNumber(v);
      if (c.ok) draft[field] = c.value;
      else issue(field, c.code, v);
    } else if (field === 'estimatedclosedate') {
      const c = coerceDate(v, o.dayFirst ?? true);
      if (c.ok) draft[field] = c.value;
      else issue(field, c.code, v);
    } else {
      const limit = leadTextLimits[field as LeadFieldName];
      if (limit && v.length > limit && TRUNCATE.has(field)) {
        draft[field] = v.slice(0, limit);
        issue(field, 'truncated', String(limit), 'warning');
      } else draft[field] = v;
      if ((EMAIL_FIELDS as readonly string[]).includes(field)) {
        // The length first: EMAIL backtracks quadratically on a long run of dots (#18).
        if (v.length > MAX_EMAIL_ADDRESS_CHARS) {
          issue(field, 'email', v);
          continue;
        }
        // Read as the lead model reads it: "Jan <jan@firma.pl>" is one address; two in a cell are an error.
        const { addresses } = readEmailField(v);
        if (addresses.length > 1) issue(field, 'email_multiple', v);
        else if (!addresses[0] || !EMAIL.test(addresses[0])) issue(field, 'email', v);
      }
    }
  }

  draft.provenance = { origin: 'import', capturedAt: o.now, pageTitle: o.fileName.slice(0, 500), fields: {} };
  const parsed = leadDraft.safeParse({ ...draft });
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const field = String(zi.path[0] ?? '');
      if (issues.some((i) => i.field === field && i.severity === 'error')) continue;
      const [code, detail] = zi.message.includes(':') ? zi.message.split(':') : [zi.message, undefined];
      if (/^(url|email|email_multiple)$/.test(code)) issue(field, code, values.get(field)); // the message quotes the cell
      else issue(field, /^(required|max|min|option|date|status)$/.test(code) ? code : 'invalid', detail ?? (zi.code === 'invalid_type' ? undefined : zi.message));
    }
  }
  const hasError = issues.some((i) => i.severity === 'error');
  return { row: r.n, lead: hasError || !parsed.success ? undefined : parsed.data, issues, ...(defaulted.length ? { defaulted } : {}) };
}

/** The sentence for an issue in English (the UI uses the localised `import_issue_<code>`). */
export function issueMessage(i: RowIssue): string {
  switch (i.code) {
    case 'required':
      return 'is required';
    case 'max':
      return `is longer than ${i.detail} characters`;
    case 'min':
      return `is below ${i.detail}`;
    case 'truncated':
      return `was cut to ${i.detail} characters`;
    case 'option':
      return `"${i.detail}" is not one of the choices`;
    case 'flag':
      return `"${i.detail}" is not yes or no`;
    case 'number':
      return `"${i.detail}" is not a number`;
    case 'date':
      return `"${i.detail}" is not a date`;
    case 'email':
      return `"${i.detail}" is not an email address`;
    case 'email_multiple':
      return `"${i.detail}" holds more than one email address (one per column)`;
    case 'url':
      return `"${i.detail}" is not a web address (http or https)`;
    default:
      return i.detail ? `is invalid (${i.detail})` : 'is invalid';
  }
}
