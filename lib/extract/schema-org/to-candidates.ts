// Items (from any markup) -> candidates. People keep their organization's name as company.
import type { CaptureMethod } from '../../leads/schema';
import type { Candidate, CandidateField, CandidateFields } from '../types';
import { cleanText, looksLikeMarkup } from '../clean-text';
import { splitName } from '../text/split-name';
import type { Item, ItemValue } from './item';

const NOT_ORG = new Set([
  'PostalAddress', 'ContactPoint', 'GeoCoordinates', 'GeoShape', 'Offer', 'AggregateOffer', 'Product', 'Event', 'WebPage',
  'WebSite', 'WebPageElement', 'BreadcrumbList', 'ListItem', 'ImageObject', 'VideoObject', 'Rating', 'AggregateRating',
  'Review', 'OpeningHoursSpecification', 'Country', 'State', 'City', 'DefinedTerm', 'Occupation', 'SearchAction',
  'EntryPoint', 'PropertyValue', 'QuantitativeValue', 'MonetaryAmount', 'PriceSpecification', 'Menu', 'MenuSection',
  'MenuItem', 'Article', 'NewsArticle', 'BlogPosting', 'CreativeWork', 'Book', 'Course', 'Dataset', 'ClaimReview',
  'Claim', 'Reservation', 'FoodEstablishmentReservation', 'LodgingReservation', 'EmailMessage', 'Message', 'Action',
  'h-adr', 'h-resume', 'ItemList', 'Thing', 'Place', 'Service', 'GovernmentService', 'MedicalScholarlyArticle',
  'ScholarlyArticle', 'Audience', 'Language', 'MemberProgram', 'MemberProgramTier', 'DataCatalog', 'Trip',
  'CourseInstance', 'Schedule', 'Duration', 'Distance', 'HowTo', 'Recipe', 'Question', 'Answer', 'FAQPage', 'SiteNavigationElement',
]);
const ORG_PROPS = ['telephone', 'email', 'address', 'contactPoint', 'faxNumber', 'legalName', 'employee', 'founder', 'department'];
const PERSON_LINKS = ['employee', 'employees', 'founder', 'founders', 'member', 'members', 'author', 'contact', 'alumni'];

const first = (item: Item, ...names: string[]): ItemValue | undefined => {
  for (const n of names) {
    const v = item.props.get(n)?.[0];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
};
const text = (v: ItemValue | undefined): string => (v === undefined ? '' : typeof v === 'string' ? v : nameOf(v));
const nameOf = (item: Item): string => text(first(item, 'name', 'legalName'));

export function isPerson(item: Item): boolean {
  return item.types.includes('Person') || (item.types.includes('h-card') && !isOrgCard(item));
}

/** An h-card whose name is its org (`fn org` on one element) stands for an organization. */
function isOrgCard(item: Item): boolean {
  const name = text(first(item, 'name'));
  const org = text(first(item, 'worksFor'));
  return !!org && (!name || name === org) && !item.props.has('givenName') && !item.props.has('familyName');
}

export function isOrganization(item: Item): boolean {
  if (isPerson(item)) return false;
  if (item.types.includes('h-card')) return true;
  if (!item.types.length || item.types.every((t) => NOT_ORG.has(t))) return false;
  if (/Organization|Business|Corporation|Store|Restaurant|School|Hospital|Clinic|College|University|Agency|Office|Pharmacy|Hotel|Library|Bank|Company|Dentist|Physician|Attorney|LegalService|Brewery|Winery|Cafe/.test(item.types.join(' '))) return true;
  return ORG_PROPS.some((p) => item.props.has(p));
}

function put(fields: CandidateFields, key: CandidateField, value: string | undefined, method: CaptureMethod, source: string, max = 200) {
  const v = cleanText(value, max);
  if (!v || fields[key] || looksLikeMarkup(v)) return;
  fields[key] = { value: v, method, source };
}

function contactBits(item: Item, fields: CandidateFields, method: CaptureMethod, source: string) {
  for (const e of item.props.get('email') ?? []) put(fields, 'emailaddress1', text(e).replace(/^mailto:/i, '').replace(/\?.*$/, ''), method, source, 100);
  for (const t of item.props.get('telephone') ?? []) put(fields, 'telephone1', text(t).replace(/^tel:/i, ''), method, source, 50);
  put(fields, 'fax', text(first(item, 'faxNumber')), method, source, 50);
  // Only `url`: sameAs usually points at social profiles, not the lead's website.
  const url = text(first(item, 'url'));
  if (/^https?:\/\//i.test(url)) put(fields, 'websiteurl', url, method, source);
  const adr = first(item, 'address', 'location', 'workLocation');
  if (adr) addressBits(adr, fields, method, source);
  for (const cp of item.props.get('contactPoint') ?? []) {
    if (typeof cp === 'string') continue;
    for (const e of cp.props.get('email') ?? []) put(fields, 'emailaddress1', text(e).replace(/^mailto:/i, ''), method, source, 100);
    for (const t of cp.props.get('telephone') ?? []) put(fields, 'telephone1', text(t).replace(/^tel:/i, ''), method, source, 50);
    put(fields, 'fax', text(first(cp, 'faxNumber')), method, source, 50);
  }
}

function addressBits(adr: ItemValue, fields: CandidateFields, method: CaptureMethod, source: string) {
  if (typeof adr === 'string') {
    put(fields, 'address1_line1', adr, method, source, 250);
    return;
  }
  const inner = adr.types.includes('PostalAddress') || adr.types.includes('h-adr') ? adr : first(adr, 'address');
  if (!inner || typeof inner === 'string') {
    if (typeof inner === 'string') put(fields, 'address1_line1', inner, method, source, 250);
    return;
  }
  put(fields, 'address1_line1', text(first(inner, 'streetAddress')), method, source, 250);
  put(fields, 'address1_line2', text(first(inner, 'extendedAddress', 'postOfficeBoxNumber')), method, source, 250);
  put(fields, 'address1_city', text(first(inner, 'addressLocality')), method, source, 80);
  put(fields, 'address1_stateorprovince', text(first(inner, 'addressRegion')), method, source, 50);
  put(fields, 'address1_postalcode', text(first(inner, 'postalCode')), method, source, 20);
  put(fields, 'address1_country', text(first(inner, 'addressCountry')), method, source, 80);
}

function personFields(item: Item, method: CaptureMethod, source: string, orgName?: string): CandidateFields {
  const fields: CandidateFields = {};
  const given = text(first(item, 'givenName'));
  const family = text(first(item, 'familyName'));
  const rawName = text(first(item, 'name'));
  // A name carrying markup is hostile: keep none of it rather than a fragment ("<img").
  const split = looksLikeMarkup(rawName) ? undefined : splitName(rawName);
  put(fields, 'salutation', text(first(item, 'honorificPrefix')) || split?.salutation, method, source, 100);
  put(fields, 'firstname', given || split?.firstname, method, source, 50);
  put(fields, 'middlename', given || family ? text(first(item, 'additionalName')) : split?.middlename, method, source, 50);
  put(fields, 'lastname', family || split?.lastname, method, source, 50);
  const job = first(item, 'jobTitle', 'role', 'hasOccupation');
  put(fields, 'jobtitle', text(job), method, source, 100);
  const org = first(item, 'worksFor', 'affiliation', 'memberOf');
  put(fields, 'companyname', text(org) || orgName, method, source, 100);
  contactBits(item, fields, method, source);
  if (org && typeof org !== 'string') {
    // The employer's phone and address are the lead's business contact details.
    const orgFields: CandidateFields = {};
    contactBits(org, orgFields, method, source);
    for (const [k, v] of Object.entries(orgFields)) if (k !== 'emailaddress1' && k !== 'websiteurl') fields[k as CandidateField] ??= v;
  }
  return fields;
}

/** Turns items into candidates; `source` is the page URL. */
export function itemsToCandidates(items: Item[], source: string): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<Item>();
  const visit = (item: Item, orgName: string | undefined, depth: number) => {
    if (seen.has(item) || depth > 6) return;
    seen.add(item);
    const method = item.method;
    if (isPerson(item)) {
      const fields = personFields(item, method, source, orgName);
      if (fields.lastname || fields.firstname) out.push({ kind: 'person', fields, score: structuredScore(fields) });
    } else if (isOrganization(item)) {
      const fields: CandidateFields = {};
      const name = nameOf(item) || (item.types.includes('h-card') ? text(first(item, 'worksFor')) : '');
      put(fields, 'companyname', name, method, source, 100);
      contactBits(item, fields, method, source);
      if (Object.keys(fields).length) out.push({ kind: 'organization', fields, score: structuredScore(fields) - 1 });
      for (const rel of PERSON_LINKS) for (const p of item.props.get(rel) ?? []) if (typeof p !== 'string') visit(p, name || orgName, depth + 1);
      for (const rel of ['department', 'subOrganization', 'branch']) for (const p of item.props.get(rel) ?? []) if (typeof p !== 'string') visit(p, undefined, depth + 1);
      return;
    }
    for (const values of item.props.values()) for (const v of values) if (typeof v !== 'string') visit(v, orgName, depth + 1);
  };
  for (const item of items) visit(item, undefined, 0);
  return out;
}

/** Markup beats text; within markup, people stay in page order (rank() sorts stably). */
function structuredScore(fields: CandidateFields): number {
  return fields.emailaddress1 || fields.telephone1 || fields.jobtitle ? 11 : 10;
}
