// The rep's own company domain (issue #8): its people are colleagues, never leads.
import { domainOfEmail, normalizeEmail } from './domains';
import { isFreeMailDomain } from '../text/free-mail';

/** The company domain whose people are colleagues, never leads: set, or derived from the rep's email. */
export function effectiveOwnDomain(s: { ownDomain: string; repIdentity: string }): string | undefined {
  if (s.ownDomain) return s.ownDomain;
  const email = normalizeEmail(s.repIdentity);
  const derived = email ? domainOfEmail(email) : undefined;
  // A rep on gmail.com does not make every gmail.com sender a colleague.
  return derived && !isFreeMailDomain(derived) ? derived : undefined;
}
