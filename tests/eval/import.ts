// `npx tsx tests/eval/import.ts`: scores the importer on the shared corpus (../shared/corpus or
// LEADCLIP_CORPUS) and prints figures: parser exactness (csv-spectrum, PapaParse cases), encodings
// (PhpSpreadsheet expected.json), hostile files (refused or read, time each) and header mapping
// of real contact exports against the vCards Roundcube expects from them (per-field P/R).
import Papa from 'papaparse';
import { analyzeRows } from '../../lib/import/analyze-rows';
import { autoMap } from '../../lib/import/auto-map';
import { readCsvRows, parseCsvText } from '../../lib/import/csv-parse';
import { decodeText } from '../../lib/import/decode-text';
import { isImportError } from '../../lib/import/import-error';
import { readTable } from '../../lib/import/read-table';
import { corpusBytes, corpusDir, corpusList, corpusText } from '../tools/import-corpus';

if (!corpusDir) {
  console.log('corpus not found (../shared/corpus); nothing to evaluate');
  process.exit(0);
}

const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// 1. csv-spectrum
let spectrumOk = 0;
const spectrum = corpusList('csv/csv-spectrum/csvs');
for (const f of spectrum) {
  let text = corpusText('csv/csv-spectrum/csvs', f);
  if (f.includes('_crlf') && !text.includes('\r')) text = text.replace(/\n/g, '\r\n');
  const expected = JSON.parse(corpusText('csv/csv-spectrum/json', f.replace('.csv', '.json')));
  const { rows } = await readCsvRows(text);
  const [h, ...d] = rows.map((r) => r.cells);
  if (eq(d.map((c) => Object.fromEntries(h.map((k, i) => [k, c[i]]))), expected)) spectrumOk++;
  else console.log(`  csv-spectrum mismatch: ${f}`);
}
console.log(`csv-spectrum: ${spectrumOk}/${spectrum.length} files exact`);

// 2. PapaParse cases
const cases = JSON.parse(corpusText('csv/papaparse/papaparse-cases.json')).cases as { suite: string; description: string; input: string; config?: Papa.ParseConfig; has_function_config?: boolean; expected: { data: unknown[]; errors: { code: string }[] } }[];
let papaOk = 0;
const runnable = cases.filter((c) => !c.has_function_config);
for (const c of runnable) {
  const r = c.suite === 'CORE_PARSER_TESTS' ? new Papa.Parser(c.config ?? {}).parse(c.input, 0, false) : parseCsvText(c.input, c.config ?? {});
  if (eq(JSON.parse(JSON.stringify(r.data)), c.expected.data) && eq(r.errors.map((e: { code?: string }) => e.code), c.expected.errors.map((e) => e.code))) papaOk++;
  else console.log(`  papaparse mismatch: ${c.suite}: ${c.description}`);
}
console.log(`PapaParse cases: ${papaOk}/${runnable.length} exact (${cases.length - runnable.length} need a JS callback and are skipped)`);

// 3. Encodings
const expected = JSON.parse(corpusText('csv/phpspreadsheet/expected.json')) as Record<string, { cells?: Record<string, string> }>;
let encOk = 0;
let encTotal = 0;
for (const [file, exp] of Object.entries(expected)) {
  if (!file.startsWith('csv/')) continue;
  encTotal++;
  const { text, encoding } = decodeText(corpusBytes('csv/phpspreadsheet', file));
  const { rows } = await readCsvRows(text);
  const byRow = new Map(rows.map((r) => [r.n, r.cells]));
  const ok = Object.entries(exp.cells ?? {}).every(([ref, v]) => {
    const m = /^([A-Z])(\d+)$/.exec(ref)!;
    return byRow.get(Number(m[2]))?.[m[1].charCodeAt(0) - 65] === v;
  });
  if (ok) encOk++;
  else console.log(`  encoding mismatch: ${file} (read as ${encoding})`);
}
console.log(`PhpSpreadsheet encodings: ${encOk}/${encTotal} files with every expected cell`);

// 4. Hostile and robustness files
for (const dir of ['spreadsheetml-adversarial', 'xlsx-adversarial', 'xlsx', 'spreadsheetml']) {
  const files = corpusList('csv/phpspreadsheet', dir);
  const outcomes: string[] = [];
  let slowest = 0;
  let crashes = 0;
  for (const f of files) {
    const t0 = performance.now();
    try {
      const t = await readTable(corpusBytes('csv/phpspreadsheet', dir, f), { fileName: f });
      outcomes.push(`read(${t.rows.length})`);
    } catch (err) {
      if (isImportError(err)) outcomes.push(err.code);
      else {
        crashes++;
        outcomes.push(`CRASH ${String(err).slice(0, 60)}`);
      }
    }
    slowest = Math.max(slowest, performance.now() - t0);
  }
  const tally = new Map<string, number>();
  for (const o of outcomes) tally.set(o.replace(/\(\d+\)/, ''), (tally.get(o.replace(/\(\d+\)/, '')) ?? 0) + 1);
  console.log(`${dir}: ${files.length} files, ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}; crashes ${crashes}; slowest ${slowest.toFixed(0)} ms`);
}

// 5. Mapping of contact exports vs the vCards Roundcube expects (field level).
interface Gold { first?: string; last?: string; org?: string; title?: string; emails: string[]; phones: string[] }
function parseVcf(text: string): Gold[] {
  return text.split('BEGIN:VCARD').slice(1).map((card) => {
    const g: Gold = { emails: [], phones: [] };
    for (const line of card.split(/\r?\n/)) {
      const [k, ...rest] = line.split(':');
      const v = rest.join(':');
      const name = k.split(';')[0];
      if (name === 'N') [g.last, g.first] = v.split(';').map((x) => x || undefined);
      else if (name === 'ORG') g.org = v.split(';')[0] || undefined;
      else if (name === 'TITLE') g.title = v || undefined;
      else if (name === 'EMAIL') g.emails.push(v);
      else if (name === 'TEL') g.phones.push(v);
    }
    return g;
  });
}
const score = { tp: 0, fp: 0, fn: 0 };
const perField = new Map<string, { tp: number; fp: number; fn: number }>();
const count = (field: string, got: string[], want: string[]) => {
  const s = perField.get(field) ?? { tp: 0, fp: 0, fn: 0 };
  for (const g of got) {
    if (want.includes(g)) s.tp++;
    else s.fp++;
  }
  for (const w of want) if (!got.includes(w)) s.fn++;
  perField.set(field, s);
};
for (const f of ['gmail', 'outlook', 'tb_plain', 'all', 'email']) {
  const t = await readTable(corpusBytes('csv/crm-samples/roundcube-csv2vcard', `${f}.csv`), { fileName: `${f}.csv` });
  const gold = parseVcf(corpusText('csv/crm-samples/roundcube-csv2vcard', `${f}.vcf`));
  const a = analyzeRows(t.rows, { headers: t.headers, mapping: autoMap(t.headers), fileName: f, now: new Date().toISOString(), defaults: { subject: 'x', lastname: '-' }, previewRows: 1e9 });
  a.preview.forEach((row, i) => {
    const l = row.lead;
    const g = gold[i];
    if (!g) return;
    const opt = (v: string | undefined) => (v && v !== '-' ? [v] : []);
    count('firstname', opt(l?.firstname), opt(g.first));
    count('lastname', opt(l?.lastname), opt(g.last));
    count('companyname', opt(l?.companyname), opt(g.org));
    count('jobtitle', opt(l?.jobtitle), opt(g.title));
    count('email', [l?.emailaddress1, l?.emailaddress2, l?.emailaddress3].filter((x): x is string => !!x), g.emails.slice(0, 3));
    const phones = [l?.telephone1, l?.telephone2, l?.telephone3, l?.mobilephone, l?.fax].filter((x): x is string => !!x);
    // A lead has five phone columns; the gold may list more (pager, car, video...).
    count('phone', phones, g.phones.filter((p) => phones.includes(p) || phones.length < 5));
  });
}
console.log('contact exports → lead fields (Roundcube vCard gold, 5 files):');
for (const [field, s] of perField) {
  score.tp += s.tp;
  score.fp += s.fp;
  score.fn += s.fn;
  const p = s.tp / Math.max(1, s.tp + s.fp);
  const r = s.tp / Math.max(1, s.tp + s.fn);
  console.log(`  ${field.padEnd(12)} P ${p.toFixed(2)}  R ${r.toFixed(2)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
}
console.log(`  overall      P ${(score.tp / Math.max(1, score.tp + score.fp)).toFixed(2)}  R ${(score.tp / Math.max(1, score.tp + score.fn)).toFixed(2)}`);
