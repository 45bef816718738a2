// The extractor: everything a page says about people and organizations, as ranked candidates.
// Runs inside the page (injected on demand) and in tests against any Document.
import type { CaptureMethod } from '../leads/schema';
import { createBudget, defaultLimits, type ExtractLimits } from './budget';
import { cleanText, looksLikeMarkup } from './clean-text';
import { defaultBudget, walkPage, type WalkBudget } from './dom-walk';
import { isFreeMailDomain } from '../text/free-mail';
import { parseLinkedIn } from './linkedin/parse';
import { completeWithOrg, dedupe, rank } from './merge';
import { plausibleCompany, readPageMeta, type PageMeta } from './page-meta';
import { isPerson, itemsToCandidates } from './schema-org/to-candidates';
import { jsonldItems } from './schema-org/jsonld';
import { microdataItems } from './schema-org/microdata';
import { microformatItems } from './schema-org/microformats';
import { rdfaItems } from './schema-org/rdfa';
import type { Item } from './schema-org/item';
import { nameEvidence } from './text/person-name';
import { parseLines, putAddress, type ParsedText } from './text/parse-lines';
import type { Candidate, CandidateFields, Extraction } from './types';

const MAX_CANDIDATES = 50;
const SOCIAL = /(facebook|twitter|x|linkedin|instagram|youtube|pinterest|tiktok|google|wikipedia)\.(com|org)/i;

export function extractPage(doc: Document, url: string, budget: WalkBudget = defaultBudget, limits: ExtractLimits = defaultLimits): Extraction {
  // One budget for every reader below: a hostile page ends early with what was found (issue #18).
  const shared = createBudget(limits);
  const walk = walkPage(doc.body ?? doc.documentElement, budget, shared);
  const meta = readPageMeta(doc, url, walk.lines);
  const items = [...jsonldItems(doc), ...microdataItems(doc, shared), ...rdfaItems(doc, shared), ...microformatItems(doc, shared)];
  const structured = itemsToCandidates(items, url);
  const linkedin = parseLinkedIn(doc, url);
  const text = parseLines(walk.lines.map((l) => l.text), walk.links, url, 'text');
  const headings = walk.lines.filter((l) => l.heading > 0 && l.heading <= 2).map((l) => l.text);
  // A page with no markup and no headings often names itself on its first line.
  if (!headings.length && !structured.length && !linkedin.length && walk.lines[0]) headings.push(walk.lines[0].text.replace(/^(name|company|organi[sz]ation|business|nazwa|firma)\s*:\s*/i, ''));
  const org = pageOrganization([...linkedin, ...structured], text, meta, headings, url);
  // Where the page marks up its people (h-card, vcard, schema.org Person), the markup says who is
  // there: guessing more names from the same text only adds strangers and duplicates.
  const marksPeople = items.some((item) => namesPeople(item));
  const candidates = finish([...linkedin, ...structured, ...(marksPeople ? [] : text.people)], org);
  return { url, title: meta.title, candidates, truncated: walk.truncated || shared.exhausted };
}

/** The organization the page belongs to: its own markup, else meta tags and the page's text. */
function pageOrganization(found: Candidate[], text: ParsedText, meta: PageMeta, headings: string[], url: string): CandidateFields {
  const marked = found.filter((c) => c.kind === 'organization').sort((a, b) => b.score - a.score)[0];
  const fields: CandidateFields = marked ? { ...marked.fields } : {};
  const put = (key: keyof CandidateFields, value: string | undefined, method: CaptureMethod) => {
    const v = cleanText(value, 200);
    if (v && !fields[key] && !looksLikeMarkup(v)) fields[key] = { value: v, method, source: url };
  };
  const isPerson = (x: string) => {
    const ev = nameEvidence(x);
    return !!ev && (ev.known || ev.marked);
  };
  const heading = headings.find((h) => h.length <= 60 && !isPerson(h) && !/^(home|welcome|contact|about|our|meet|kontakt)/i.test(h));
  const headingFitsDomain = heading && meta.domain && sharesToken(heading, meta.domain);
  // A person's name is not a company; "Stearns Design-Build" has a name's shape but no given name.
  const company = (v: string | undefined) => plausibleCompany(v, isPerson);
  put('companyname', company(meta.siteName), 'meta');
  put('companyname', company(meta.copyrightHolder), 'text');
  put('companyname', company(meta.titleCompany), 'meta');
  if (headingFitsDomain || !meta.domain) put('companyname', company(heading), 'text');
  // A logo's alt names the site only when it agrees with the domain (maps and badges have logos too).
  if (meta.logoAlt && (!meta.domain || sharesToken(meta.logoAlt, meta.domain))) put('companyname', company(meta.logoAlt), 'meta');
  if (meta.domain && !isFreeMailDomain(meta.domain)) put('companyname', meta.domain, 'meta');
  const tel = text.phones.find((p) => p.labelled && p.kind === 'phone') ?? text.phones.find((p) => p.kind === 'phone');
  put('telephone1', tel?.number, 'text');
  put('fax', text.phones.find((p) => p.kind === 'fax')?.number, 'text');
  put('emailaddress1', text.emails[0]?.value, 'text');
  if (text.addresses[0] && !['address1_line1', 'address1_city', 'address1_postalcode'].some((k) => fields[k as keyof CandidateFields])) {
    putAddress((k, v) => put(k, v, 'text'), text.addresses[0]);
  }
  if (meta.origin && !fields.websiteurl && fields.companyname && fields.companyname.method !== 'jsonld') put('websiteurl', meta.origin, 'meta');
  // A page without a site of its own (saved, local) may still name one in its text.
  if (!meta.origin) {
    const site = text.websites.find((w) => !SOCIAL.test(w));
    if (site) put('websiteurl', /^https?:\/\//i.test(site) ? site : `http://${site}`, 'text');
  }
  return fields;
}

/** A person card or Person item anywhere in the markup (nested ones included, each looked at once). */
function namesPeople(item: Item, depth = 0, seen = new Set<Item>()): boolean {
  if (isPerson(item)) return true;
  if (depth > 4 || seen.has(item)) return false;
  seen.add(item);
  for (const values of item.props.values()) for (const v of values) if (typeof v !== 'string' && namesPeople(v, depth + 1, seen)) return true;
  return false;
}

function sharesToken(a: string, domain: string): boolean {
  const key = domain.split('.')[0].toLowerCase();
  return a.toLowerCase().split(/[^a-z0-9]+/).some((w) => w.length > 2 && key.includes(w));
}

const SCHEMA_ORG = new Set<CaptureMethod>(['jsonld', 'microdata', 'rdfa']);
const MARKUP = new Set<CaptureMethod>([...SCHEMA_ORG, 'microformat']);
const isMarkup = (c: Candidate) => Object.values(c.fields).some((f) => f && MARKUP.has(f.method));

function finish(found: Candidate[], org: CandidateFields): Candidate[] {
  const all = dedupe(found);
  // Marked-up people keep what their markup says. They join the page's organization only when
  // the page declares it as a schema.org Organization: an org-only h-card, a heading or a logo
  // may name anyone (a card's employer, the person themselves).
  const declared = !!org.companyname && SCHEMA_ORG.has(org.companyname.method);
  for (const c of all) if (c.kind === 'person' && (declared || !isMarkup(c))) completeWithOrg(c, org);
  const hasOrg = all.some((c) => c.kind === 'organization' && c.fields.companyname?.value === org.companyname?.value);
  if (!hasOrg && Object.keys(org).length) all.push({ kind: 'organization', fields: org, score: 0 });
  return rank(all).slice(0, MAX_CANDIDATES);
}
