// npm run eval:extract — runs the page extractor in Chromium over the shared corpus and prints
// per-field precision, recall and F1 (issue #3), and for the webstruct pages what the popup's form
// shows, on all pages and cross-validated by site (issue #14). Sets whose folder is absent are skipped.
//   LEADCLIP_CORPUS=/path/to/corpus (default ../shared/corpus beside the repo, then /work/shared/corpus)
//   EVAL_VERBOSE=1 prints each miss.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'puppeteer';
import type { Candidate, Extraction } from '../../lib/extract/types';
import { launchChromium, preparePage, runExtractor, serveFiles } from './chromium';
import { extractorBundle } from './extractor-bundle';
import { choosePolicy, crossValidate, figureNames, formOf, samePerson, nameTokens, pct as rate, readableEmail, sameCompany, scoreForms, type FormFigures, type PageRecord } from './form-view';
import { prefillPolicy, type PrefillPolicy } from '../../lib/capture/prefill-choice';
import { figureTable, GAP_LIMIT_POINTS, rateOf } from './cross-validation';
import { norm, prf, samePostal, sameCountry, sameLoose, samePhone, sameRegion, sameStreet, sameText, sameUrl, Scores, table } from './score';

const verbose = process.env.EVAL_VERBOSE === '1';
const corpus = [process.env.LEADCLIP_CORPUS, resolve('../shared/corpus'), resolve('../../shared/corpus'), '/work/shared/corpus'].find((p) => p && existsSync(p));

interface GoldEntity {
  kind: 'person' | 'organization';
  name?: string;
  given?: string;
  family?: string;
  title?: string;
  company?: string[];
  email: string[];
  phone: string[];
  fax: string[];
  url: string[];
  street?: string;
  city?: string;
  region?: string;
  postalcode?: string;
  country?: string;
  /** The country a locality like "Paris, France" carries: right if predicted, not required. */
  countryInCity?: string;
}

const v = (c: Candidate, k: keyof Candidate['fields']) => c.fields[k]?.value;
const fullName = (c: Candidate) => [v(c, 'firstname'), v(c, 'middlename'), v(c, 'lastname')].filter(Boolean).join(' ');

function compare(scores: Scores, gold: GoldEntity, c: Candidate | undefined, dry = false): number {
  const s = dry ? new Scores() : scores;
  const get = (k: keyof Candidate['fields']) => (c ? v(c, k) : undefined);
  if (gold.kind === 'person') {
    const name = c ? fullName(c) : undefined;
    const withSalutation = c && v(c, 'salutation') ? `${v(c, 'salutation')} ${name}` : name;
    // Credentials after a comma ("Jeff Leek, PhD") are not part of the name fields.
    const goldName = gold.name?.replace(/,\s*(PhD|MD|MSc|MBA|Jr\.?|Sr\.?|Esq\.?)\s*$/i, '');
    s.add('name', name || undefined, goldName ? [goldName] : [], (a, b) => sameText(a, b) || (!!withSalutation && sameText(withSalutation, b)));
    // Name parts are scored where the markup marks them: mf2 never infers a family name from
    // "<span class=given-name>John</span> Doe", so a predicted "Doe" is not wrong there.
    if (gold.given) s.add('firstname', get('firstname'), [gold.given], sameText);
    if (gold.family) s.add('lastname', get('lastname'), [gold.family], sameText);
    s.add('jobtitle', get('jobtitle'), gold.title ? [gold.title] : [], sameLoose);
    s.add('company', get('companyname'), gold.company ?? [], sameLoose);
  } else s.add('company', get('companyname'), gold.name ? [gold.name] : [], sameLoose);
  s.add('email', get('emailaddress1')?.toLowerCase(), gold.email.map((e) => e.toLowerCase()), (a, b) => a === b);
  s.add('phone', get('telephone1') ?? get('mobilephone'), gold.phone, samePhone);
  s.add('fax', get('fax'), gold.fax, samePhone);
  s.add('website', get('websiteurl'), gold.url, sameUrl);
  s.add('street', get('address1_line1'), gold.street ? [gold.street] : [], sameStreet);
  s.add('city', get('address1_city'), gold.city ? [gold.city] : [], (a, b) => sameText(a, b) || (!!gold.countryInCity && sameText(a, b.replace(/,[^,]*$/, ''))));
  s.add('region', get('address1_stateorprovince'), gold.region ? [gold.region] : [], sameRegion);
  s.add('postalcode', get('address1_postalcode'), gold.postalcode ? [gold.postalcode] : [], samePostal);
  const country = gold.country ?? (get('address1_country') ? gold.countryInCity : undefined);
  s.add('country', get('address1_country'), country ? [country] : [], sameCountry);
  return s.total().tp - s.total().fp;
}

/**
 * Pairs gold entities with candidates one to one, best-agreeing pair first (so a gold entity
 * with no name cannot take the candidate that another gold entity names exactly), then scores
 * the pairs; a gold entity left without a candidate counts all its fields as missed.
 */
function scorePage(scores: Scores, allGolds: GoldEntity[], candidates: Candidate[], label: string, quiet = false): void {
  const golds = mergeGold(allGolds);
  const pairs: { g: number; c: Candidate; s: number; order: number }[] = [];
  golds.forEach((gold, g) => {
    const pool = candidates.filter((c) => gold.kind === 'organization' || c.kind === 'person');
    const orgFirst = gold.kind === 'organization' ? [...pool.filter((c) => c.kind === 'organization'), ...pool.filter((c) => c.kind === 'person')] : pool;
    orgFirst.forEach((c, order) => pairs.push({ g, c, s: compare(scores, gold, c, true), order }));
  });
  pairs.sort((a, b) => b.s - a.s || a.g - b.g || a.order - b.order);
  const chosen = new Map<number, Candidate>();
  const used = new Set<Candidate>();
  for (const p of pairs) {
    if (chosen.has(p.g) || used.has(p.c)) continue;
    chosen.set(p.g, p.c);
    used.add(p.c);
  }
  golds.forEach((gold, g) => {
    const best = chosen.get(g);
    if (verbose && !quiet) {
      const before = scores.total();
      compare(scores, gold, best);
      const after = scores.total();
      if (after.fp > before.fp || after.fn > before.fn) console.log(`  miss ${label} ${JSON.stringify(gold)}\n      got: ${best ? JSON.stringify(Object.fromEntries(Object.entries(best.fields).map(([k, f]) => [k, f?.value]))) : 'none'}`);
    } else compare(scores, gold, best);
  });
}

let placeholders = 0;
let files: Awaited<ReturnType<typeof serveFiles>>;

async function open(page: Page, file: string): Promise<void> {
  await page.goto(files.url(relative(corpus!, file)), { waitUntil: 'domcontentloaded', timeout: 20_000 });
}

async function extract(page: Page, bundle: string, file: string, url?: string): Promise<Extraction> {
  await open(page, file);
  return (await runExtractor(page, bundle, url)).result;
}

/** The extractor keeps one candidate per person or organization, so the gold does too. */
function mergeGold(golds: GoldEntity[]): GoldEntity[] {
  const out: GoldEntity[] = [];
  for (const g of golds) {
    const same = g.name ? out.find((o) => o.kind === g.kind && o.name && norm(o.name) === norm(g.name!)) : undefined;
    if (!same) {
      out.push({ ...g });
      continue;
    }
    for (const [k, val] of Object.entries(g) as [keyof GoldEntity, unknown][]) {
      const cur = same[k];
      if (Array.isArray(cur)) (same as unknown as Record<string, unknown[]>)[k] = [...new Set([...cur, ...(val as unknown[])])];
      else if (cur === undefined) (same as unknown as Record<string, unknown>)[k] = val;
    }
  }
  return out;
}

// ---- jsonld: schema.org examples with markup and as plain text ----
interface ManifestEntry { id: string; files: Record<string, string>; expected: Record<string, unknown>[] }

function jsonldGold(e: Record<string, unknown>): GoldEntity {
  const list = (k: string) => ((e[k] as string[] | string | undefined) ? ([] as string[]).concat(e[k] as string[]) : []);
  const adr = (e.address as Record<string, string>[] | undefined)?.[0];
  // Some examples write the country into the locality ("Paris, France"): the same facts as a
  // city and a country, which is how the extractor (and Dataverse) holds them.
  const split = adr?.addressLocality && !adr.addressCountry ? /^(.+?),\s*(\p{Lu}[\p{L} .]+)$/u.exec(adr.addressLocality) : null;
  return {
    kind: e.kind === 'person' ? 'person' : 'organization',
    name: e.name as string | undefined,
    given: e.givenName as string | undefined,
    family: e.familyName as string | undefined,
    title: e.jobTitle as string | undefined,
    company: [...list('worksFor'), ...list('affiliation'), ...list('memberOf')],
    email: list('email'),
    phone: list('telephone'),
    fax: list('faxNumber'),
    url: list('url'),
    street: adr?.streetAddress,
    city: adr?.addressLocality,
    region: adr?.addressRegion,
    postalcode: adr?.postalCode,
    country: adr?.addressCountry,
    countryInCity: split?.[2],
  };
}

async function evalJsonld(page: Page, bundle: string): Promise<Record<string, Scores> | undefined> {
  const dir = join(corpus!, 'jsonld');
  if (!existsSync(join(dir, 'manifest.json'))) return undefined;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const out: Record<string, Scores> = { jsonld: new Scores(), microdata: new Scores(), rdfa: new Scores(), plain: new Scores(), plainShown: new Scores() };
  for (const entry of manifest) {
    const golds = entry.expected.map(jsonldGold);
    for (const [kind, file] of Object.entries(entry.files)) {
      const html = readFileSync(join(dir, file), 'utf8');
      // Some renderings upstream are placeholders ("<!-- TODO -->"): nothing to extract, nothing to score.
      const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1].replace(/<!--[\s\S]*?-->/g, '').trim() ?? '';
      if (!body && !/application\/ld\+json/i.test(html)) {
        placeholders++;
        continue;
      }
      const result = await extract(page, bundle, join(dir, file));
      scorePage(out[kind], golds, result.candidates, `${entry.id}.${kind}`);
      if (kind === 'plain') {
        // Plain renderings that show the entity at all (some only describe a JSON-LD-only example).
        const text = norm(body.replace(/<[^>]+>/g, ' '));
        const shown = golds.filter((g) => g.name && text.includes(norm(g.name)));
        if (shown.length) scorePage(out.plainShown, shown, result.candidates, `${entry.id}.${kind}`, true);
      }
    }
  }
  return out;
}

// ---- hcard: the microformats test suite ----
type Mf = { type: string[]; properties: Record<string, unknown[]>; value?: string; children?: Mf[] };

function mfText(x: unknown): string | undefined {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object') {
    const o = x as Mf & { value?: string };
    return o.value ?? mfText(o.properties?.name?.[0]);
  }
  return undefined;
}

function hcardGold(item: Mf): GoldEntity | undefined {
  const p = item.properties;
  const strs = (k: string) => (p[k] ?? []).map(mfText).filter((s): s is string => !!s);
  const adrItem = (p.adr?.find((a) => typeof a === 'object') as Mf | undefined)?.properties ?? p;
  const a = (k: string) => mfText(adrItem[k]?.[0]);
  const org = strs('org');
  // A card naming only an organization stands for that organization.
  const isOrg = (!strs('name')[0] || strs('name')[0] === org[0]) && !!org[0] && !p['given-name'] && !p['family-name'];
  const name = strs('name')[0] ?? (isOrg ? org[0] : undefined);
  const gold: GoldEntity = {
    kind: isOrg ? 'organization' : 'person',
    name,
    given: strs('given-name')[0],
    family: strs('family-name')[0],
    title: strs('job-title')[0] ?? strs('title')[0] ?? strs('role')[0],
    company: isOrg ? [] : org,
    email: strs('email').map((e) => e.replace(/^mailto:/i, '').replace(/\?.*$/, '')),
    phone: strs('tel').map((t) => t.replace(/^tel:/i, '')),
    fax: [],
    url: strs('url'),
    street: a('street-address'),
    city: a('locality'),
    region: a('region'),
    postalcode: a('postal-code'),
    country: a('country-name'),
  };
  return gold;
}

function hcardGolds(items: Mf[]): GoldEntity[] {
  const out: GoldEntity[] = [];
  const visit = (item: Mf) => {
    if (item.type.includes('h-card')) {
      const g = hcardGold(item);
      if (g) out.push(g);
    }
    if (item.type.includes('h-resume')) for (const c of item.properties.contact ?? []) if (typeof c === 'object') visit(c as Mf);
    for (const c of item.children ?? []) visit(c);
  };
  items.forEach(visit);
  return out;
}

async function evalHcard(page: Page, bundle: string): Promise<Scores | undefined> {
  const dir = join(corpus!, 'hcard');
  if (!existsSync(dir)) return undefined;
  const scores = new Scores();
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      if (f.isDirectory()) walk(join(d, f.name));
      else if (f.name.endsWith('.json') && existsSync(join(d, f.name.replace(/\.json$/, '.html')))) files.push(join(d, f.name));
    }
  };
  walk(dir);
  for (const f of files.sort()) {
    const golds = hcardGolds((JSON.parse(readFileSync(f, 'utf8')) as { items: Mf[] }).items);
    if (!golds.length) continue;
    // No site URL: these fragments belong to no site, so no domain fallback applies.
    const result = await extract(page, bundle, f.replace(/\.json$/, '.html'));
    scorePage(scores, golds, result.candidates, f.slice(dir.length + 1));
  }
  return scores;
}

// ---- webstruct: annotated small-business pages ----
interface WsPage { file: string; base_href?: string; entities: { type: string; text: string }[] }

const longTokens = (s: string) => nameTokens(s).filter((w) => w.length > 1);
function sameName(pred: string, gold: string): boolean {
  const p = longTokens(pred);
  const g = longTokens(gold);
  if (!p.length || !g.length) return false;
  const shared = p.filter((w) => g.includes(w)).length;
  return shared >= 2 ? shared >= Math.min(p.length, g.length) : norm(pred) === norm(gold);
}

async function evalWebstruct(page: Page, bundle: string) {
  const dir = join(corpus!, 'pages', 'webstruct');
  if (!existsSync(dir)) return undefined;
  const stats = { pages: 0, orgPages: 0, orgHit: 0, telPages: 0, telHit: 0, perGold: 0, perFound: 0, predNames: 0, predRight: 0, ms: [] as number[] };
  const byCorpus: Record<string, { org: [number, number]; tel: [number, number] }> = {};
  const records: PageRecord[] = [];
  for (const jsonl of readdirSync(dir).filter((f) => f.endsWith('.expected.jsonl')).sort()) {
    const name = jsonl.replace('.expected.jsonl', '');
    const bc = (byCorpus[name] = { org: [0, 0], tel: [0, 0] });
    for (const row of readFileSync(join(dir, jsonl), 'utf8').split('\n').filter(Boolean)) {
      const gold = JSON.parse(row) as WsPage;
      const file = join(dir, gold.file);
      if (!existsSync(file)) continue;
      stats.pages++;
      // The page's own address (its <base href>), as a rep would have it open.
      const url = gold.base_href || undefined;
      await open(page, file);
      const { result, ms } = await runExtractor(page, bundle, url);
      stats.ms.push(ms);
      const top = result.candidates[0];
      const orgs = gold.entities.filter((e) => e.type === 'ORG').map((e) => e.text);
      const tels = gold.entities.filter((e) => e.type === 'TEL').map((e) => e.text);
      if (orgs.length) {
        stats.orgPages++;
        bc.org[1]++;
        const company = top?.fields.companyname?.value;
        if (company && orgs.some((o) => sameCompany(company, o))) {
          stats.orgHit++;
          bc.org[0]++;
        } else if (verbose) console.log(`  org miss ${gold.file}: got ${JSON.stringify(company)} (${top?.fields.companyname?.method}) want ${JSON.stringify([...new Set(orgs)].slice(0, 4))}`);
      }
      if (tels.length) {
        stats.telPages++;
        bc.tel[1]++;
        const phone = top?.fields.telephone1?.value ?? top?.fields.mobilephone?.value;
        if (phone && tels.some((t) => samePhone(phone, t))) {
          stats.telHit++;
          bc.tel[0]++;
        } else if (verbose) console.log(`  tel miss ${gold.file}: got ${JSON.stringify(phone)} want ${JSON.stringify([...new Set(tels)].slice(0, 3))}`);
      }
      const pers = [...new Set(gold.entities.filter((e) => e.type === 'PER').map((e) => e.text.trim()))];
      const fullPers = pers.filter((p) => longTokens(p).length >= 2);
      const site = url ? new URL(url).hostname.replace(/^www\./, '') : `${name}/${gold.file}`;
      records.push({ site, set: name, file: gold.file, orgs, tels, emails: gold.entities.filter((e) => e.type === 'EMAIL').map((e) => e.text.trim()), people: pers, candidates: result.candidates });
      const predicted = [...new Set(result.candidates.filter((c) => c.kind === 'person').map(fullName).filter(Boolean))];
      stats.perGold += fullPers.length;
      stats.perFound += fullPers.filter((g) => predicted.some((p) => sameName(p, g))).length;
      stats.predNames += predicted.length;
      const right = predicted.filter((p) => pers.some((g) => sameName(p, g)));
      stats.predRight += right.length;
      if (verbose) {
        for (const p of predicted) if (!right.includes(p)) console.log(`  per false ${gold.file}: ${p}`);
        for (const g of fullPers) if (!predicted.some((p) => sameName(p, g))) console.log(`  per missed ${gold.file}: ${g}`);
      }
    }
  }
  return { stats, byCorpus, records };
}

/** The policies the cross-validation may choose from: every evidence level a person can have. */
const POLICY_GRID = [1, 2, 3, 10, 11, 1000].flatMap((minPersonScore) => [true, false].map((corroborate) => ({ minPersonScore, corroborate })));
const policyText = (p: PrefillPolicy) => `minPersonScore ${p.minPersonScore}${p.corroborate ? ' + corroboration' : ''}`;
const GOALS: Partial<Record<keyof FormFigures, number>> = { company: 0.85, phone: 0.92, personPrecision: 0.8, personRecall: 0.65, contactEmail: 0.85 };

/** Issue #14: the form as the popup prefills it, on all pages and cross-validated by site. */
function formViewReport(records: PageRecord[]): string[] {
  const k = 5;
  // Development figures: the policy the grid picks on every page, scored on the same pages.
  const devPolicy = choosePolicy(records, POLICY_GRID);
  const dev = scoreForms(records, devPolicy);
  const cv = crossValidate(records, k, POLICY_GRID);
  const sites = new Set(records.map((r) => r.site)).size;
  console.log(`\npages/webstruct as the form shows it (${records.length} pages, ${sites} sites; shipped policy ${policyText(prefillPolicy)})`);
  const keys = Object.keys(figureNames) as (keyof FormFigures)[];
  console.log(figureTable(keys.map((key) => ({ name: figureNames[key], dev: dev[key], cv: cv.figures[key], goal: GOALS[key] })), k));
  const out: string[] = [];
  for (const key of keys) {
    const goal = GOALS[key];
    const gap = (100 * (rateOf(dev[key]) - rateOf(cv.figures[key]))).toFixed(1);
    if (goal) out.push(`form ${key.padEnd(15)} cv ${rate(cv.figures[key])} of ${cv.figures[key][1]} (goal >= ${goal * 100}%) ${verdict(rateOf(cv.figures[key]) >= goal)}; dev ${rate(dev[key])}, gap ${gap} points (limit ${GAP_LIMIT_POINTS}) ${verdict(Math.abs(Number(gap)) < GAP_LIMIT_POINTS)}`);
  }
  cv.perFold.forEach((f, i) => console.log(`    fold ${i + 1}: ${keys.map((key) => `${key} ${rate(f[key])} of ${f[key][1]}`).join(', ')}`));
  console.log(`  policy chosen on all pages: ${policyText(devPolicy)}; per fold: ${cv.chosen.map(policyText).join('; ')}`);
  const same = devPolicy.minPersonScore === prefillPolicy.minPersonScore && !!devPolicy.corroborate === !!prefillPolicy.corroborate;
  out.push(`form policy: shipped ${policyText(prefillPolicy)}, chosen on the development pages ${policyText(devPolicy)} ${verdict(same)}`);
  if (verbose) {
    for (const r of records) {
      const form = formOf(r.candidates, devPolicy);
      if (form.lastname && !r.people.some((g) => samePerson(String(form.firstname ?? ''), String(form.lastname), g))) console.log(`  form person wrong ${r.file}: ${form.firstname} ${form.lastname} (${r.people.slice(0, 3).join('; ')})`);
      if (r.set === 'us_contact_pages' && r.emails.length && String(form.emailaddress1 ?? '').toLowerCase() !== '' && !r.emails.some((e) => readableEmail(e) === String(form.emailaddress1).toLowerCase())) console.log(`  form email wrong ${r.file}: ${form.emailaddress1} (${r.emails.join('; ')})`);
      if (r.set === 'us_contact_pages' && r.emails.length && !form.emailaddress1) console.log(`  form email empty ${r.file}: (${r.emails.join('; ')}) person ${form.lastname ?? '-'}`);
    }
  }
  return out;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function main() {
  if (!corpus) {
    console.log('eval:extract: no corpus folder found (set LEADCLIP_CORPUS); nothing to evaluate.');
    return;
  }
  console.log(`eval:extract over ${corpus}`);
  const bundle = await extractorBundle();
  const browser = await launchChromium();
  // The microformats suite resolves relative URLs against http://example.com/ (its README).
  files = await serveFiles(corpus, (path) => (/^\/?hcard\//.test(path) ? 'http://example.com/' : undefined));
  const summary: string[] = [];
  try {
    const page = await preparePage(browser);
    const jl = await evalJsonld(page, bundle);
    if (jl) {
      const markup = new Scores();
      for (const k of ['jsonld', 'microdata', 'rdfa']) {
        console.log(table(`jsonld/${k}`, jl[k]));
        for (const [f, t] of jl[k].fields) markup.fields.set(f, ((m) => (m ? { tp: m.tp + t.tp, fp: m.fp + t.fp, fn: m.fn + t.fn } : { ...t }))(markup.fields.get(f)));
      }
      console.log(table('jsonld/plain (no markup), all pages', jl.plain));
      console.log(table('jsonld/plain (no markup), pages that show the entity', jl.plainShown));
      console.log(`(${placeholders} placeholder renderings skipped)`);
      const fm = prf(markup.total()).f1;
      const fp = prf(jl.plain.total()).f1;
      const fs = prf(jl.plainShown.total()).f1;
      summary.push(`jsonld markup field F1 ${fm.toFixed(3)} (target >= 0.95) ${verdict(fm >= 0.95)}`);
      summary.push(`jsonld plain  field F1 ${fp.toFixed(3)} on all plain pages; ${fs.toFixed(3)} on those that show the entity (target >= 0.70) ${verdict(fs >= 0.7)}`);
    } else console.log('\njsonld: folder absent, skipped');
    const hc = await evalHcard(page, bundle);
    if (hc) {
      console.log(table('hcard (microformats v1 + v2)', hc));
      const f = prf(hc.total()).f1;
      summary.push(`hcard field F1 ${f.toFixed(3)} (target >= 0.95) ${verdict(f >= 0.95)}`);
    } else console.log('\nhcard: folder absent, skipped');
    const ws = await evalWebstruct(page, bundle);
    if (ws) {
      const s = ws.stats;
      console.log(`\npages/webstruct: ${s.pages} pages`);
      for (const [name, c] of Object.entries(ws.byCorpus)) console.log(`  ${name.padEnd(18)} company ${pct(...c.org)} of ${c.org[1]}, phone ${pct(...c.tel)} of ${c.tel[1]}`);
      const sorted = [...s.ms].sort((a, b) => a - b);
      console.log(`  extraction time in Chromium: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted[sorted.length - 1]?.toFixed(1)} ms`);
      const perR = s.perGold ? s.perFound / s.perGold : 0;
      const perP = s.predNames ? s.predRight / s.predNames : 1;
      summary.push(`webstruct company on ${pct(s.orgHit, s.orgPages)} of ${s.orgPages} pages with ORG (target >= 85%) ${verdict(s.orgHit / s.orgPages >= 0.85)}`);
      summary.push(`webstruct phone   on ${pct(s.telHit, s.telPages)} of ${s.telPages} pages with TEL (target >= 85%) ${verdict(s.telHit / s.telPages >= 0.85)}`);
      summary.push(`webstruct person names: recall ${pct(s.perFound, s.perGold)} of ${s.perGold} full names (target >= 60%) ${verdict(perR >= 0.6)}, precision ${pct(s.predRight, s.predNames)} of ${s.predNames} (target >= 80%) ${verdict(perP >= 0.8)}`);
      // EVAL_RECORDS=file keeps every page's gold and candidates, to study the prefill choice offline.
      if (process.env.EVAL_RECORDS) writeFileSync(process.env.EVAL_RECORDS, JSON.stringify(ws.records));
      summary.push(...formViewReport(ws.records));
    } else console.log('\npages/webstruct: folder absent, skipped');
  } finally {
    await browser.close();
    await files.close();
  }
  console.log(`\nSummary\n${summary.map((l) => `  ${l}`).join('\n')}`);
}

await main();
