// Normalising what reps type into never-capture lists: "https://www.Firma.pl/kontakt" -> "firma.pl".
import { emailDomain } from '../text/free-mail';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
// A dotted name with an alphabetic TLD, an intranet's single-label host ("intranet") or an IPv4.
const DOMAIN = new RegExp(`^(?=.{1,253}$)(?:(?:${LABEL}\\.)+(?:[a-z][a-z0-9-]{0,62}|xn--[a-z0-9-]{1,59})|[a-z][a-z0-9-]{0,62}|(?:\\d{1,3}\\.){3}\\d{1,3})$`);
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}$/;

/** A bare, lower-case host name from a domain, URL or "@domain" the rep typed; undefined if it is none. */
export function normalizeDomain(input: string): string | undefined {
  let s = input.trim().toLowerCase();
  if (!s) return undefined;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^@/, '').replace(/^\*\./, '');
  s = s.split(/[/?#]/)[0].replace(/:\d+$/, '').replace(/\.$/, '').replace(/^www\./, '');
  if (/[@\s\\]/.test(s)) return undefined; // "user@host" would parse as the host
  // URL() would read "1.2.3" as the IPv4 1.2.0.3: a partial address is a typo, not a host.
  if (/^[\d.]+$/.test(s) && s.split('.').length !== 4) return undefined;
  try {
    // Internationalised names are compared in their ASCII (punycode) form, as URL.hostname gives them.
    s = new URL(`http://${s}`).hostname;
  } catch {
    return undefined;
  }
  return DOMAIN.test(s) ? s : undefined;
}

export function normalizeEmail(input: string): string | undefined {
  const s = input.trim().toLowerCase().replace(/^mailto:/, '');
  if (!EMAIL.test(s)) return undefined;
  const domain = domainOfEmail(s);
  return domain?.includes('.') ? `${s.slice(0, s.lastIndexOf('@'))}@${domain}` : undefined;
}

/** True when `host` is `domain` or one of its subdomains (mail.firma.pl is under firma.pl). */
export function isUnderDomain(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === domain || h.endsWith(`.${domain}`);
}

/** The host of an http(s) URL, or undefined for anything else (mailto:, file:, garbage). */
export function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export function domainOfEmail(email: string | undefined): string | undefined {
  if (!email) return undefined;
  const d = emailDomain(email);
  // Already-normal ASCII domains (the common case) skip the URL parser.
  return d && /^[a-z0-9.-]+$/.test(d) && !d.startsWith('www.') && DOMAIN.test(d) ? d : d ? normalizeDomain(d) : undefined;
}

/** Parses a list the rep typed (one per line, or separated by commas/semicolons/spaces). */
export function parseList(text: string, kind: 'domain' | 'email'): { values: string[]; invalid: string[] } {
  const values: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    if (!raw) continue;
    const v = kind === 'domain' ? normalizeDomain(raw) : normalizeEmail(raw);
    if (v === undefined) invalid.push(raw);
    else if (!values.includes(v)) values.push(v);
  }
  return { values, invalid };
}
