// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBudget } from './dom-walk';
import { extractPage } from './extract-page';
import { extractSelection } from './extract-selection';
import { companySelectors, firstMatch, profileSelectors } from './linkedin/selectors';
import type { Candidate } from './types';

const fixture = (name: string) => readFileSync(resolve('lib/extract/__fixtures__', name), 'utf8');

function load(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc;
}

const flat = (c: Candidate) => Object.fromEntries(Object.entries(c.fields).map(([k, f]) => [k, f?.value]));
const person = (cs: Candidate[], last: string) => cs.find((c) => c.fields.lastname?.value === last);

describe('extractPage', () => {
  it('reads JSON-LD, microdata, RDFa and microformats v1/v2 into people with their methods', () => {
    const { candidates } = extractPage(load(fixture('markup.html')), 'https://northwind.example/contact');
    const nancy = person(candidates, 'Davolio')!;
    expect(flat(nancy)).toMatchObject({ firstname: 'Nancy', jobtitle: 'Sales Representative', emailaddress1: 'nancy@northwind.example', companyname: 'Northwind Traders', telephone1: '+1 206 555 0100', address1_city: 'Seattle' });
    expect(nancy.fields.lastname?.method).toBe('jsonld');
    expect(nancy.fields.lastname?.source).toBe('https://northwind.example/contact');
    expect(person(candidates, 'Fuller')?.fields.jobtitle).toMatchObject({ value: 'VP Sales', method: 'microdata' });
    expect(person(candidates, 'Leverling')?.fields.telephone1).toMatchObject({ value: '+1 206 555 0103', method: 'rdfa' });
    const steven = person(candidates, 'Buchanan')!;
    expect(flat(steven)).toMatchObject({ jobtitle: 'Sales Manager', companyname: 'Northwind Traders', fax: '+1 206 555 0199' });
    expect(steven.fields.fax?.method).toBe('microformat');
    expect(flat(person(candidates, 'Peacock')!)).toMatchObject({ jobtitle: 'Account Manager', websiteurl: 'https://example.com/margaret', companyname: 'Northwind Traders' });
    // People first, then the organization.
    expect(candidates[0].kind).toBe('person');
    expect(candidates.at(-1)).toMatchObject({ kind: 'organization' });
  });

  it('falls back from the page organization to the site name, then the domain, never a free-mail domain', () => {
    const withSite = extractPage(load('<html><head><title>Home</title><meta property="og:site_name" content="Fabrikam"></head><body><p>Tel. 22 123 45 67</p></body></html>'), 'https://www.fabrikam.example/');
    expect(withSite.candidates[0].fields.companyname).toMatchObject({ value: 'Fabrikam', method: 'meta' });
    const bare = extractPage(load('<html><head><title>Home</title></head><body><p>Tel. 22 123 45 67</p></body></html>'), 'https://www.fabrikam.example/');
    expect(bare.candidates[0].fields.companyname?.value).toBe('fabrikam.example');
    const gmail = extractPage(load('<html><head><title>Inbox</title></head><body><p>Tel. 22 123 45 67</p></body></html>'), 'https://gmail.com/');
    expect(gmail.candidates[0]?.fields.companyname).toBeUndefined();
  });

  it('returns only text from hostile pages and stops at its budgets', () => {
    const html = `<html><head><title>x</title><script type="application/ld+json">{"@type":"Person","name":"<img src=x onerror=alert(1)>","jobTitle":"CEO"}</script></head><body>
      <div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Mallory<script>alert(2)</script> Evil</span></div></body></html>`;
    const doc = load(html);
    // Built directly: parsing 5 MB of HTML in happy-dom is slow and not what is under test. A
    // smaller node budget than the default, so a few thousand links (not 50,000) exceed it.
    const p = doc.createElement('p');
    for (let i = 0; i < 3_000; i++) {
      const a = doc.createElement('a');
      a.setAttribute('href', `/p${i}`);
      a.textContent = `l${i}`;
      p.appendChild(a);
    }
    doc.body.appendChild(p);
    doc.body.appendChild(doc.createTextNode('x'.repeat(5_000_000)));
    const result = extractPage(doc, 'https://hostile.example/', { ...defaultBudget, maxNodes: 2_000 });
    expect(result.truncated).toBe(true);
    const values = result.candidates.flatMap((c) => Object.values(c.fields).map((f) => f!.value));
    for (const v of values) expect(v).not.toMatch(/<|alert\(/);
    expect(person(result.candidates, 'Evil')?.fields.firstname?.value).toBe('Mallory');
  });
});

describe('LinkedIn selector chains', () => {
  it('match the public profile fixture with their first selector', () => {
    const doc = load(fixture('linkedin-profile.html'));
    for (const chain of Object.values(profileSelectors)) expect(firstMatch(doc, chain)?.index).toBe(0);
    const [c] = extractPage(doc, 'https://www.linkedin.com/in/anna-kowalczyk').candidates;
    expect(flat(c)).toMatchObject({ firstname: 'Anna', lastname: 'Kowalczyk', jobtitle: 'Head of Sales', companyname: 'Contoso Sp. z o.o.', address1_city: 'Warsaw', address1_country: 'Poland' });
    expect(c.fields.lastname?.method).toBe('linkedin');
  });

  it('match the public company fixture', () => {
    const doc = load(fixture('linkedin-company.html'));
    expect(firstMatch(doc, companySelectors.name)?.index).toBe(0);
    expect(firstMatch(doc, companySelectors.website)?.index).toBe(0);
    expect(firstMatch(doc, companySelectors.headquarters)?.index).toBe(0);
    const org = extractPage(doc, 'https://www.linkedin.com/company/fabrikam').candidates.find((c) => c.fields.companyname?.method === 'linkedin')!;
    expect(flat(org)).toMatchObject({ companyname: 'Fabrikam Logistics', websiteurl: 'https://www.fabrikam.example/', address1_city: 'Gdańsk' });
  });
});

describe('extractSelection', () => {
  it('fills a person from a pasted signature and ignores free-mail domains as companies', () => {
    const [c] = extractSelection('John Smith\nSenior Buyer\njohn.smith@gmail.com\n+44 20 7946 0958', 'selection');
    expect(flat(c)).toMatchObject({ firstname: 'John', lastname: 'Smith', jobtitle: 'Senior Buyer', emailaddress1: 'john.smith@gmail.com', telephone1: '+44 20 7946 0958' });
    expect(c.fields.companyname).toBeUndefined();
    expect(c.fields.lastname?.method).toBe('selection');
    const [d] = extractSelection('Ewa Lis\newa.lis@fabrikam.example');
    expect(d.fields.companyname?.value).toBe('fabrikam.example');
  });

  it('lets markup decide who is on a page: no guessed names beside cards, no company from an org-only card', () => {
    const html = '<div class="h-card"><span class="p-name">Jane Doe</span></div><div class="h-card"><span class="p-org">Mozilla</span></div><p>Frances Berriman, Sales Director</p>';
    const { candidates } = extractPage(load(html), 'https://people.example/');
    const people = candidates.filter((c) => c.kind === 'person');
    expect(people.map((p) => p.fields.lastname?.value)).toEqual(['Doe']);
    expect(people[0].fields.companyname).toBeUndefined();
  });
});
