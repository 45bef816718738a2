// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPageMeta } from './page-meta';

const docOf = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('readPageMeta', () => {
  it('reads meta tags by property or name, the first in the document winning', () => {
    const doc = docOf(`<html><head><title>Team | Acme</title>
      <meta name="description" content="x"><meta PROPERTY="og:site_name" content="Acme Polska"><meta name="og:site_name" content="Later">
      <meta Name="author" content="Anna Nowak"></head><body><meta name="application-name" content="Body App"></body></html>`);
    const meta = readPageMeta(doc, 'https://acme.pl/team', []);
    expect(meta).toMatchObject({ siteName: 'Acme Polska', author: 'Anna Nowak', domain: 'acme.pl', origin: 'https://acme.pl/' });
  });

  it('falls back to later keys, wherever the tag sits, and drops markup', () => {
    const doc = docOf(`<html><head><meta name="twitter:site" content="@acme"><meta property="author" content="<b>x</b>"></head>
      <body><meta name="application-name" content="Acme App"></body></html>`);
    expect(readPageMeta(doc, 'https://acme.pl/', [])).toMatchObject({ siteName: 'Acme App', author: undefined });
  });
});
