// Page-level hints about the organization: meta tags, the title, the copyright line, the domain.
import { cleanText, looksLikeMarkup } from './clean-text';
import type { Line } from './dom-walk';

export interface PageMeta {
  title: string;
  siteName?: string;
  author?: string;
  copyrightHolder?: string;
  titleCompany?: string;
  logoAlt?: string;
  domain?: string;
  /** The site's home page, when the URL is a real web address. */
  origin?: string;
}

const GENERIC = /^(home|homepage|home page|welcome|contact|contact us|about|about us|our team|team|staff|meet the team|kontakt|o nas|strona główna|index|main|default|untitled|page|services|news|blog|\d+)$/i;

function meta(doc: Document, key: string): string | undefined {
  // The first meta naming `key`, as querySelector would find it; the tag's own list is kept by the
  // browser, where a selector walks the whole document (each call, on every page; issue #13).
  const metas = doc.getElementsByTagName('meta');
  let el: Element | undefined;
  for (let i = 0; i < metas.length && !el; i++) if (metas[i].matches(`[property="${key}" i], [name="${key}" i]`)) el = metas[i];
  const v = cleanText(el?.getAttribute('content'), 120);
  return v && !looksLikeMarkup(v) ? v : undefined;
}

/** "Copyright © 2012-2014 Leeward Productions, Inc. All rights reserved." -> "Leeward Productions, Inc". */
export function copyrightHolder(line: string): string | undefined {
  const at = line.search(/©|\(c\)|copyright/i);
  if (at < 0) return undefined;
  let rest = line.slice(at, at + 200);
  // Drop the markers and years in any order: "© Copyright 2012-13", "Copyright (c) 2014 -".
  for (let i = 0; i < 6; i++) rest = rest.replace(/^\s*(?:©|\(c\)|copyright|(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)?\d\d|present))?|by|[,.:|\-–])\s*/i, '');
  const end = rest.search(/\s*(?:\.?\s*all rights|\.?\s*wszelkie prawa|\||·|•|\s[-–—]\s|\.\s+\p{Lu}\p{Ll}+\s+\p{Ll}|$)/iu);
  const holder = rest.slice(0, end < 0 ? undefined : end).replace(/[,;:\s]+$/, '').replace(/(\p{L}{4,})\.$/u, '$1').trim(); // "Productions." loses its full stop, "Inc." and "o.o." keep theirs
  if (holder.length < 2 || holder.length > 60 || /^(all|the|this|site|website|webmaster|design|powered|statement)\b/i.test(holder) || /https?:|@/.test(holder)) return undefined;
  return holder;
}

const MAP_CREDITS = /^(google|openstreetmap|mapbox|here|tomtom|inegi|microsoft|bing|yahoo|apple|esri|getty images|istock|shutterstock)\b/i;
const NOT_COMPANY = /^(home|contacts?|statement|privacy|terms|menu|search|login|sign in|register|welcome|google|facebook|twitter|map|logo|image|photo|banner|header|footer|just another wordpress site|my blog|untitled)$/i;

/** Sanity for company names from page text and meta: not a question, a number, a person or a stock phrase. */
export function plausibleCompany(s: string | undefined, isPerson: (s: string) => boolean): string | undefined {
  const v = s?.trim();
  if (!v || v.length < 2 || v.length > 100) return undefined;
  if (/[?!]|^\W*$|^[\d\s().+-]+$/.test(v) || NOT_COMPANY.test(v) || /wordpress site/i.test(v)) return undefined;
  if (isPerson(v)) return undefined;
  return v;
}

/** The page's registrable host, or undefined for local and numeric hosts. */
export function domainOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.replace(/^www\d?\./, '');
    if (host && !/^(localhost|127\.|\d+\.\d+\.\d+\.\d+$|\[)/.test(host) && host.includes('.')) return host;
  } catch {
    /* not a URL */
  }
  return undefined;
}

/** The title segment that names the site: the one closest to the domain, else the outermost. */
export function titleCompany(title: string, domain?: string): string | undefined {
  const segs = title.split(/\s+[|–—:·•»-]\s+|\s*[|»·•]\s*/).map((s) => s.trim()).filter((s) => s.length >= 2 && s.length <= 60 && !GENERIC.test(s));
  if (!segs.length) return undefined;
  const welcome = (s: string) => s.replace(/^(welcome to|witamy w|about|contact)\s+/i, '');
  if (domain) {
    const key = domain.split('.')[0].replace(/[^a-z0-9]/g, '');
    let best: string | undefined;
    let bestScore = 0;
    for (const s of segs) {
      const compact = welcome(s).toLowerCase().replace(/[^a-z0-9]/g, '');
      const words = welcome(s).toLowerCase().split(/\W+/).filter((w) => w.length > 2);
      const score = compact && (key.includes(compact) || compact.includes(key)) ? 3 : words.filter((w) => key.includes(w)).length / Math.max(1, words.length);
      if (score > bestScore) {
        bestScore = score;
        best = welcome(s);
      }
    }
    if (best && bestScore >= 0.5) return best;
  }
  return segs.length > 1 ? welcome(segs[segs.length - 1]) : undefined;
}

export function readPageMeta(doc: Document, url: string, lines: Line[]): PageMeta {
  const title = cleanText(doc.title, 300);
  const domain = domainOf(url);
  let origin: string | undefined;
  try {
    const u = new URL(url);
    if (/^https?:$/.test(u.protocol) && domainOf(url)) origin = `${u.origin}/`;
  } catch {
    /* no origin */
  }
  let copyright: string | undefined;
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 400; i--) {
    if (/©|\(c\)|copyright/i.test(lines[i].text)) {
      // Map tiles and embeds carry their own notices ("© 2014 Google, INEGI"): skip those.
      copyright = plausibleCompany(copyrightHolder(lines[i].text), () => false);
      if (copyright && !MAP_CREDITS.test(copyright)) break;
      copyright = undefined;
    }
  }
  let logo: Element | undefined;
  const images = doc.getElementsByTagName('img');
  for (let i = 0; i < images.length && i < 200 && !logo; i++) {
    const img = images[i];
    if (img.getAttribute('alt') && /logo/i.test(`${img.getAttribute('src')} ${img.className} ${img.parentElement?.className} ${img.parentElement?.id}`)) logo = img;
  }
  const logoAlt = cleanText(logo?.getAttribute('alt'), 80) || undefined;
  return {
    title,
    siteName: meta(doc, 'og:site_name') ?? meta(doc, 'application-name') ?? meta(doc, 'twitter:site')?.replace(/^@/, ''),
    author: meta(doc, 'author'),
    copyrightHolder: copyright,
    titleCompany: titleCompany(title, domain),
    logoAlt: logoAlt && !/^(logo|home|image)$/i.test(logoAlt) ? logoAlt.replace(/\s+logo$/i, '') : undefined,
    domain,
    origin,
  };
}
