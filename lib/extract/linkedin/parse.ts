// LinkedIn public profile (/in/...) and company (/company/...) pages -> candidates.
import { textOf } from '../dom-walk';
import { cleanText } from '../clean-text';
import { splitName } from '../text/split-name';
import type { Candidate, CandidateFields } from '../types';
import { companySelectors, firstMatch, profileSelectors, type SelectorChain } from './selectors';

export type LinkedInPage = 'profile' | 'company';

export function linkedInPage(url: string): LinkedInPage | undefined {
  try {
    const u = new URL(url);
    if (!/(^|\.)linkedin\.com$/.test(u.hostname)) return undefined;
    if (/^\/in\/[^/]+/.test(u.pathname)) return 'profile';
    if (/^\/(company|school|showcase)\/[^/]+/.test(u.pathname)) return 'company';
  } catch {
    /* not a URL */
  }
  return undefined;
}

/** "Sales Director at Contoso" -> title and company. */
export function splitHeadline(headline: string): { title?: string; company?: string } {
  const m = /^(.{2,100}?)\s+(?:at|@|w|in|bei|chez)\s+(.{2,100})$/.exec(headline);
  if (m) return { title: m[1].split(/\s*[|•·]\s*/)[0], company: m[2].split(/\s*[|•·]\s*/)[0] };
  return { title: headline.split(/\s*[|•·]\s*/)[0] };
}

export function parseLinkedIn(doc: Document, url: string): Candidate[] {
  const kind = linkedInPage(url);
  if (!kind) return [];
  const get = (chain: SelectorChain, max = 100) => {
    const hit = firstMatch(doc, chain);
    return hit ? cleanText(textOf(hit.el, max), max) : '';
  };
  const fields: CandidateFields = {};
  const put = (key: keyof CandidateFields, value: string | undefined) => {
    if (value && !fields[key]) fields[key] = { value, method: 'linkedin', source: url };
  };
  if (kind === 'profile') {
    const name = splitName(get(profileSelectors.name, 100));
    if (!name) return [];
    put('salutation', name.salutation);
    put('firstname', name.firstname);
    put('middlename', name.middlename);
    put('lastname', name.lastname);
    const headline = splitHeadline(get(profileSelectors.headline, 200));
    put('jobtitle', headline.title?.slice(0, 100));
    put('companyname', get(profileSelectors.company) || headline.company);
    const location = get(profileSelectors.location).split(/\s*,\s*/);
    if (location.length >= 2) {
      put('address1_city', location[0]);
      put('address1_country', location[location.length - 1]);
    }
    return [{ kind: 'person', fields, score: 30 }];
  }
  put('companyname', get(companySelectors.name));
  if (!fields.companyname) return [];
  const website = firstMatch(doc, companySelectors.website);
  const href = website?.el.getAttribute('href');
  const site = href && /^https?:/.test(href) && !/linkedin\.com/.test(href) ? href : website ? textOf(website.el) : '';
  put('websiteurl', /^https?:\/\/|^www\./i.test(site) ? site : undefined);
  put('telephone1', get(companySelectors.phone, 50) || undefined);
  const hq = get(companySelectors.headquarters, 200).split(/\s*,\s*/);
  if (hq.length >= 2) {
    put('address1_city', hq[0]);
    put('address1_country', hq[hq.length - 1]);
  }
  return [{ kind: 'organization', fields, score: 25 }];
}
