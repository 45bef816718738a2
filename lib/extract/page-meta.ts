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
  const el = doc.querySelector(`meta[property="${key}" i], meta[name="${key}" i]`);
  const v = cleanText(el?.getAttribute('content'), 120);
  return v && !looksLikeMarkup(v) ? v : undefined;
}

/** "Copyright © 2012-2014 Leeward Productions, Inc. All rights reserved." -> "Leeward Productions, Inc". */
export function copyrightHolder(line: string): string | undefined {
  const m = /(?:©|\(c\)|&copy;|copyright)\s*(?:©|\(c\))?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)?\d\d|present))?)?\s*[,.:]?\s*(?:by\s+)?(.{2,80}?)\s*(?:\.?\s*(?:all rights|wszelkie prawa|\||·|•|-\s|–|—|$)|\.\s)/i.exec(line);
  if (!m) return undefined;
  let holder = m[1].replace(/^(?:©|\(c\))\s*/, '').replace(/\s*(?:(?:19|20)\d\d)\s*$/, '').replace(/[.,;:\s]+$/, '').trim();
  if (/^(?:19|20)\d\d/.test(holder)) holder = holder.replace(/^(?:19|20)\d\d\s*[-–,]?\s*/, '');
  if (holder.length < 2 || holder.length > 60 || /^(all|the|this|site|website|webmaster|design|powered)\b/i.test(holder) || /https?:|@/.test(holder)) return undefined;
  return holder;
}

export function domainOf(url: string, base?: string): string | undefined {
  for (const u of [url, base]) {
    try {
      const host = new URL(u ?? '').hostname.replace(/^www\d?\./, '');
      if (host && !/^(localhost|127\.|\d+\.\d+\.\d+\.\d+$|\[)/.test(host) && host.includes('.')) return host;
    } catch {
      /* not a URL */
    }
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
  const domain = domainOf(url, doc.baseURI);
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
      copyright = copyrightHolder(lines[i].text);
      if (copyright) break;
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
