// `npm run eval:signatures`: how well LeadClip finds and parses email signatures (issue #7).
//  - line level (precision/recall/F1 of signature lines) on forge (positives and negatives) and talon;
//  - field level (name, title, company, phone, email) on quagga-enron/train;
//  - quote stripping pass/fail on reply-quotes;
//  - what the popup's form shows (issue #14) on quagga-enron/train, on all emails and
//    cross-validated by sender (k=5: the reading rules chosen on 4 folds, scored on the 5th).
// The corpus is read from ../shared/corpus (LEADCLIP_CORPUS overrides); a missing folder is skipped.
// quagga-enron is GPL-3.0: it is only read here, never copied into the project.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { findSignature, type SenderHint } from '../../lib/signature/find-signature';
import { signatureOfText } from '../../lib/signature/extract-signature';
import { mailHtmlToText } from '../../lib/signature/html-to-text';
import { parseParty, splitThread, stripQuotes } from '../../lib/signature/split-thread';
import { signatureReadPolicy } from '../../lib/signature/read-policy';
import { figureTable, pct } from './cross-validation';
import { chooseEmailPolicy, crossValidateEmails, EMAIL_POLICY_GRID, emailFields, policyText, sameRules, scoreEmailForms, senderGroup, type EmailField, type EmailRecord } from './email-form-view';

const corpus = [process.env.LEADCLIP_CORPUS, resolve('../shared/corpus'), resolve('../../shared/corpus'), '/work/shared/corpus']
  .filter((p): p is string => Boolean(p))
  .find((p) => existsSync(p));
const verbose = process.argv.includes('--verbose');

function folder(rel: string): string | undefined {
  if (!corpus) return undefined;
  const p = join(corpus, rel);
  if (!existsSync(p)) {
    console.log(`skip: ${rel} not found`);
    return undefined;
  }
  return p;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const score = (): Score => ({ tp: 0, fp: 0, fn: 0 });
function prf(s: Score) {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { precision: +p.toFixed(3), recall: +r.toFixed(3), f1: +f.toFixed(3), ...s };
}

/** Predicted signature line indices of a whole message: every part's own signature. */
function predictLines(text: string, sender: SenderHint): Set<number> {
  const out = new Set<number>();
  for (const part of splitThread(text)) {
    const lines = part.text.split('\n');
    const span = findSignature(lines, part.kind === 'own' ? sender : part.from);
    if (!span) continue;
    for (let i = span.start; i < span.end; i++) if (lines[i].trim()) out.add(part.line + i);
  }
  return out;
}

function scoreLines(text: string, gold: Set<number>, sender: SenderHint, s: Score, id: string) {
  const pred = predictLines(text, sender);
  const lines = text.split('\n');
  let miss = false;
  for (const i of pred) if (gold.has(i)) s.tp++; else { s.fp++; miss = true; }
  for (const i of gold) if (!pred.has(i)) { s.fn++; miss = true; }
  if (verbose && miss) {
    console.log(`--- ${id}`);
    const from = Math.max(0, Math.min(...[...gold, ...pred, lines.length - 6]) - 2);
    for (let i = from; i < lines.length; i++) if (lines[i].trim()) console.log(`${gold.has(i) ? 'G' : ' '}${pred.has(i) ? 'P' : ' '} ${lines[i].slice(0, 100)}`);
  }
}

function readMarked(path: string) {
  const raw = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
  const gold = new Set<number>();
  const lines = raw.split('\n').map((l, i) => {
    if (l.startsWith('#sig#')) {
      if (l.slice(5).trim()) gold.add(i);
      return l.slice(5);
    }
    if (l.startsWith('#reply#')) return l.slice(7);
    return l;
  });
  return { text: lines.join('\n'), gold };
}

function senderOf(path: string): SenderHint {
  return existsSync(path) ? parseParty(readFileSync(path, 'utf8')) : {};
}

function evalForge() {
  const dir = folder('signatures/forge');
  if (!dir) return undefined;
  const all = score();
  const neg = { files: 0, withFalseSignature: 0 };
  for (const sub of ['P', 'N']) {
    const d = join(dir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).filter((n) => n.endsWith('_body')).sort()) {
      const { text, gold } = readMarked(join(d, f));
      const sender = senderOf(join(d, f.replace(/_body$/, '_sender')));
      const before = all.fp;
      scoreLines(text, gold, sender, all, `forge/${sub}/${f}`);
      if (sub === 'N') {
        neg.files++;
        if (all.fp > before) neg.withFalseSignature++;
      }
    }
  }
  return { ...prf(all), negatives: neg };
}

function evalTalon() {
  const dir = folder('signatures/talon');
  if (!dir) return undefined;
  const s = score();
  const p = join(dir, 'P');
  if (existsSync(p)) {
    for (const f of readdirSync(p).filter((n) => n.endsWith('_body'))) {
      const { text, gold } = readMarked(join(p, f));
      scoreLines(text, gold, senderOf(join(p, f.replace(/_body$/, '_sender'))), s, `talon/P/${f}`);
    }
  }
  const st = join(dir, 'stripped');
  if (existsSync(st)) {
    for (const f of readdirSync(st).filter((n) => n.endsWith('_body'))) {
      const base = f.replace(/_body$/, '');
      const text = readFileSync(join(st, f), 'utf8').replace(/\r\n?/g, '\n');
      const sigPath = join(st, `${base}_signature`);
      const sig = existsSync(sigPath) ? readFileSync(sigPath, 'utf8').replace(/\r\n?/g, '\n').trim() : '';
      const lines = text.split('\n');
      const gold = new Set<number>();
      if (sig) {
        const at = text.lastIndexOf(sig);
        if (at >= 0) {
          const first = text.slice(0, at).split('\n').length - 1;
          sig.split('\n').forEach((l, k) => { if (l.trim()) gold.add(first + k); });
        }
      }
      void lines;
      scoreLines(text, gold, senderOf(join(st, `${base}_sender`)), s, `talon/stripped/${base}`);
    }
  }
  return prf(s);
}

// ---- quagga-enron: field level ----

type Field = 'name' | 'title' | 'company' | 'phone' | 'email';
const FIELDS: Field[] = ['name', 'title', 'company', 'phone', 'email'];

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/^[\s,.;:*>-]+|[\s,.;:*>-]+$/g, '').trim();
const digits = (s: string) => s.replace(/\D/g, '');

function matches(field: Field, pred: string, gold: string): boolean {
  if (field === 'phone') {
    const a = digits(pred);
    const b = digits(gold);
    return a === b || (Math.min(a.length, b.length) >= 7 && (a.endsWith(b) || b.endsWith(a)));
  }
  if (field === 'email') return pred.toLowerCase() === gold.toLowerCase();
  const p = norm(pred);
  if (p === norm(gold)) return true;
  // Multi-line gold ("West Texas Geoscience\nExxonMobil Production Co."): any one line counts.
  return gold.includes('\n') && gold.split('\n').some((l) => norm(l) === p);
}

interface QuaggaSig {
  name?: string;
  position?: string;
  organisation?: string;
  phone?: string[];
  mail?: string[];
}
interface QuaggaRow {
  id: string;
  split: string;
  from_header: string;
  x_from_header: string;
  signatures: QuaggaSig[];
}

function evalQuagga() {
  const dir = folder('signatures/quagga-enron');
  if (!dir || !existsSync(join(dir, 'train')) || !existsSync(join(dir, 'expected.jsonl'))) return undefined;
  const rows = readFileSync(join(dir, 'expected.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as QuaggaRow);
  const scores = Object.fromEntries(FIELDS.map((f) => [f, score()])) as Record<Field, Score>;
  let emails = 0;
  const records: EmailRecord[] = [];
  for (const row of rows.filter((r) => r.split === 'train')) {
    const path = join(dir, 'train', `${row.id}.txt.ann`);
    if (!existsSync(path)) continue;
    emails++;
    // The annotated body (headers removed, quoted-printable decoded), as the annotators saw it.
    const body = decodeQuotedPrintable((JSON.parse(readFileSync(path, 'utf8')) as { text: string }).text.replace(/\r\n?/g, '\n'));
    const sender = { ...parseParty(row.x_from_header), email: row.from_header };
    records.push({ id: row.id, sender, body, signatures: row.signatures });
    const gold: Record<Field, string[]> = { name: [], title: [], company: [], phone: [], email: [] };
    for (const s of row.signatures) {
      if (s.name) gold.name.push(s.name);
      if (s.position) gold.title.push(s.position);
      if (s.organisation) gold.company.push(s.organisation);
      gold.phone.push(...(s.phone ?? []).map((p) => p.trim()));
      gold.email.push(...(s.mail ?? []));
    }
    const pred: Record<Field, string[]> = { name: [], title: [], company: [], phone: [], email: [] };
    for (const part of splitThread(body)) {
      const sig = signatureOfText(part.text, part.kind === 'own' ? sender : part.from);
      if (!sig) continue;
      const f = sig.fields;
      if (f.name) pred.name.push(f.name);
      if (f.title) pred.title.push(f.title);
      if (f.company) pred.company.push(f.company);
      pred.phone.push(...f.phones.filter((p) => p.kind !== 'fax').map((p) => p.number));
      pred.email.push(...f.emails);
    }
    for (const field of FIELDS) {
      const g = dedupe(field, gold[field]);
      const p = dedupe(field, pred[field]);
      const left = [...g];
      const wrong: string[] = [];
      for (const v of p) {
        const k = left.findIndex((x) => matches(field, v, x));
        if (k >= 0) {
          scores[field].tp++;
          left.splice(k, 1);
        } else {
          scores[field].fp++;
          wrong.push(v);
        }
      }
      scores[field].fn += left.length;
      if (verbose && (wrong.length || left.length) && process.argv.includes(`--field=${field}`)) {
        console.log(`${row.id} ${field}: predicted-wrong=${JSON.stringify(wrong)} missed=${JSON.stringify(left)}`);
      }
    }
  }
  return { emails, records, ...Object.fromEntries(FIELDS.map((f) => [f, prf(scores[f])])) };
}

/** Enron bodies are often still quoted-printable ("=20", soft breaks); a mail client shows them decoded. */
function decodeQuotedPrintable(text: string): string {
  if (!/=\n|=20|=09/.test(text)) return text;
  return text.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function dedupe(field: Field, values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) if (!out.some((o) => matches(field, v, o) && matches(field, o, v))) out.push(v);
  return out;
}

// ---- reply-quotes: quote stripping ----

function htmlText(html: string): string {
  const win = new Window();
  const doc = new win.DOMParser().parseFromString(html, 'text/html');
  const text = mailHtmlToText((doc.body ?? doc.documentElement) as unknown as Element);
  void win.happyDOM.close();
  return text;
}

/** The text/plain part of a raw message, transfer encoding undone. */
function plainPart(eml: string): string {
  const boundary = /boundary="?([^";\n]+)"?/i.exec(eml)?.[1];
  const parts = boundary ? eml.split(`--${boundary}`) : [eml];
  const part = parts.find((p) => /Content-Type:\s*text\/plain/i.test(p)) ?? parts[0];
  const split = part.indexOf('\n\n');
  const head = part.slice(0, split);
  let body = part.slice(split + 2).replace(/\n$/, '');
  if (/Content-Transfer-Encoding:\s*base64/i.test(head)) body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(head)) body = decodeQuotedPrintableUtf8(body);
  return body;
}

function decodeQuotedPrintableUtf8(text: string): string {
  const bytes = text.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  } catch {
    return decodeQuotedPrintable(text);
  }
}

function evalReplyQuotes() {
  const dir = folder('signatures/reply-quotes');
  if (!dir) return undefined;
  const results: { id: string; pass: boolean }[] = [];
  const ws = (s: string) => s.replace(/\s+/g, '');
  const talon = join(dir, 'talon', 'expected.json');
  if (existsSync(talon)) {
    const expected = JSON.parse(readFileSync(talon, 'utf8')) as Record<string, { expected_reply: string; compare: string }>;
    for (const [file, exp] of Object.entries(expected)) {
      if (file.startsWith('_')) continue;
      const raw = readFileSync(join(dir, 'talon', file), 'utf8').replace(/\r\n?/g, '\n');
      const reply = file.endsWith('.html') ? stripQuotes(htmlText(raw)) : stripQuotes(plainPart(raw)).trim();
      const pass = exp.compare === 'exact' ? reply.trim() === exp.expected_reply.trim() : ws(reply) === ws(exp.expected_reply);
      results.push({ id: `talon/${file}`, pass });
      if (verbose && !pass) console.log(`reply-quotes talon/${file}: got ${JSON.stringify(reply.slice(0, 200))}`);
    }
  }
  const planer = join(dir, 'planer', 'expected.json');
  if (existsSync(planer)) {
    const expected = JSON.parse(readFileSync(planer, 'utf8')) as Record<string, { reply_snippet: string; quoted_snippet: string }>;
    for (const [file, exp] of Object.entries(expected)) {
      if (file.startsWith('_')) continue;
      const reply = stripQuotes(htmlText(readFileSync(join(dir, 'planer', file), 'utf8')));
      const flat = reply.replace(/\s+/g, ' ');
      const pass = flat.includes(exp.reply_snippet) && !flat.includes(exp.quoted_snippet);
      results.push({ id: `planer/${file}`, pass });
      if (verbose && !pass) console.log(`reply-quotes planer/${file}: got ${JSON.stringify(flat.slice(0, 300))}`);
    }
  }
  const erp = join(dir, 'email_reply_parser', 'expected.json');
  if (existsSync(erp)) {
    const expected = JSON.parse(readFileSync(erp, 'utf8')) as Record<string, { reply?: string; reply_prefix_regex?: string }>;
    for (const [file, exp] of Object.entries(expected)) {
      if (file.startsWith('_') || (!exp.reply && !exp.reply_prefix_regex)) continue;
      const text = readFileSync(join(dir, 'email_reply_parser', 'emails', file), 'utf8').replace(/\r\n?/g, '\n');
      const own = stripQuotes(text);
      // email_reply_parser also drops the signature; do the same with ours before comparing.
      const sig = signatureOfText(own);
      const lines = own.split('\n');
      const dropSig = sig && (sig.span.kinds[0] === 'separator' || sig.span.kinds.every((k) => k === 'device' || k === 'separator' || k === 'blank' || k === 'short' || k === 'name'));
      const reply = (dropSig ? lines.slice(0, sig!.span.start) : lines).join('\n').trim();
      const pass = exp.reply ? reply === exp.reply.trim() : new RegExp(exp.reply_prefix_regex!).test(reply);
      results.push({ id: `email_reply_parser/${file}`, pass });
      if (verbose && !pass) console.log(`reply-quotes email_reply_parser/${file}: got ${JSON.stringify(reply.slice(0, 200))}`);
    }
  }
  const passed = results.filter((r) => r.pass).length;
  return { passed, total: results.length, failed: results.filter((r) => !r.pass).map((r) => r.id) };
}

// ---- issue #14: what the popup's form shows, on all emails and cross-validated by sender ----

const FORM_NAMES: Record<EmailField, string> = { name: 'name', title: 'job title', company: 'company', phone: 'phone (any phone field)', email: 'email' };
const FORM_GOALS: Record<EmailField, number> = { name: 0.85, title: 0.8, company: 0.8, phone: 0.88, email: 0.98 };

/** Why the folds are not by domain: how many emails the most common sender domain holds. */
function topDomain(records: EmailRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) {
    const d = r.sender.email?.split('@')[1]?.toLowerCase() ?? '?';
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const [domain, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['?', 0];
  return `${n} of ${records.length} emails are from ${domain}`;
}

/** The form figures on the development emails and cross-validated by sender, as a table. */
function formReport(records: EmailRecord[]): { table: string; formShows: Record<string, string> } {
  const k = 5;
  // Development figures: the policy the grid picks on every email, scored on the same emails.
  const devPolicy = chooseEmailPolicy(records, EMAIL_POLICY_GRID);
  const dev = scoreEmailForms(records, devPolicy);
  const cv = crossValidateEmails(records, k, EMAIL_POLICY_GRID);
  const senders = new Set(records.map(senderGroup)).size;
  const lines = [
    `quagga-enron/train as the form shows it (${records.length} emails, ${senders} senders; a field counts where the sender's own signature has it)`,
    figureTable(emailFields.map((f) => ({ name: FORM_NAMES[f], dev: dev[f], cv: cv.figures[f], goal: FORM_GOALS[f] })), k, 28),
    `  folds by sender address, not by domain (${topDomain(records)}); ${EMAIL_POLICY_GRID.length} policies in the grid; held-out folds:`,
    ...cv.perFold.map((f, i) => `    fold ${i + 1}: ${emailFields.map((x) => `${x} ${pct(f[x])} of ${f[x][1]}`).join(', ')}; chosen on the other folds: ${policyText(cv.chosen[i])}`),
    `  chosen on all emails: ${policyText(devPolicy)}`,
    `  shipped: ${policyText(signatureReadPolicy)} ${sameRules(devPolicy, signatureReadPolicy) ? '(the same)' : '(DIFFERS from the one chosen on all emails)'}`,
  ];
  const formShows = Object.fromEntries(emailFields.map((f) => [f, `dev ${pct(dev[f])}, cv ${pct(cv.figures[f])} of ${cv.figures[f][1]}`]));
  return { table: lines.join('\n'), formShows };
}

if (!corpus) {
  console.log('skip: no corpus folder (set LEADCLIP_CORPUS or put it at ../shared/corpus)');
} else {
  const started = performance.now();
  const quagga = evalQuagga();
  const form = quagga ? formReport(quagga.records) : undefined;
  const report = {
    corpus,
    forge: evalForge(),
    talon: evalTalon(),
    quaggaEnronTrain: quagga ? { ...quagga, records: undefined, formShows: form?.formShows } : undefined,
    replyQuotes: evalReplyQuotes(),
    seconds: +((performance.now() - started) / 1000).toFixed(2),
  };
  console.log(JSON.stringify(report, null, 2));
  if (form) console.log(`\n${form.table}`);
}
