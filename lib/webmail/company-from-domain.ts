// A company name guessed from the sender's domain ("kowalski-synowie.pl" -> "Kowalski Synowie"),
// never from a free-mail domain (gmail.com, wp.pl...), where the domain says nothing about an employer.
import { isFreeMailDomain } from '../text/free-mail';

const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'biz', 'waw', 'krakow', 'wroc', 'gda', 'poznan', 'lodz', 'szczecin']);
const MAIL_SUBDOMAINS = new Set(['mail', 'email', 'e', 'smtp', 'mx', 'post', 'poczta']);

/** The registrable name of a domain: "mail.acme.co.uk" -> "acme". */
export function domainLabel(domain: string): string | undefined {
  const parts = domain.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (parts.length < 2) return undefined;
  let i = parts.length - 2;
  if (parts.length >= 3 && SECOND_LEVEL.has(parts[i]) && parts[i + 1].length === 2) i--;
  const label = parts[i];
  return label && !MAIL_SUBDOMAINS.has(label) ? label : undefined;
}

export function companyFromDomain(domain: string | undefined): string | undefined {
  if (!domain || isFreeMailDomain(domain)) return undefined;
  const label = domainLabel(domain);
  if (!label || label.length < 2) return undefined;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => (w.length <= 3 && !/[aeiouy]/.test(w) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

/** The company's website from the sender's domain, unless free-mail. */
export function websiteFromDomain(domain: string | undefined): string | undefined {
  if (!domain || isFreeMailDomain(domain)) return undefined;
  const parts = domain.toLowerCase().split('.');
  while (parts.length > 2 && MAIL_SUBDOMAINS.has(parts[0])) parts.shift();
  return `https://${parts.join('.')}`;
}
