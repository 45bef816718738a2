// Quote stripping, then signature detection, then parsing: the order issue #7 asks for, so a
// quoted signature of someone else is never read as the sender's.
import { findSignature, type SenderHint, type SignatureSpan } from './find-signature';
import { parseSignature, type SignatureFields } from './parse-signature';
import { nameTokens } from './line-features';
import { ownText, splitThread, type Party, type ThreadPart } from './split-thread';
import { headOf, MAX_EMAIL_TEXT_CHARS } from '../text/input-bounds';
import { signatureReadPolicy, type SignatureReadPolicy } from './read-policy';

export interface PartSignature {
  /** The signature lines as written. */
  lines: string[];
  span: SignatureSpan;
  fields: SignatureFields;
}

/** Signature of one message text (no quotes in it). */
export function signatureOfText(text: string, sender?: SenderHint, policy: SignatureReadPolicy = signatureReadPolicy): PartSignature | undefined {
  const lines = text.split('\n');
  const span = findSignature(lines, sender, policy.maxSignatureLines);
  if (!span) return undefined;
  const sigLines = lines.slice(span.start, span.end);
  return { lines: sigLines, span, fields: parseSignature(sigLines, sender, policy) };
}

export interface EmailAnalysis {
  /** Whose details these are: the sender, or the original author of a forwarded message. */
  person: Party;
  /** True when the person comes from a forwarded message's header. */
  fromForward: boolean;
  /** The text that person wrote (quotes removed). */
  text: string;
  signature?: PartSignature;
  parts: ThreadPart[];
}

export interface AnalyzeOptions {
  /** A forward ("Fwd:", "PD:") whose own text is short: take the forwarded message's author. */
  forwarded?: boolean;
  /** The choosable rules (the shipped ones unless an evaluation tries others). */
  policy?: SignatureReadPolicy;
}

/** Finds who the lead is in an email and reads their signature, never a quoted one of someone else. */
export function analyzeEmail(text: string, sender: Party, options: AnalyzeOptions = {}): EmailAnalysis {
  const policy = options.policy ?? signatureReadPolicy;
  const parts = splitThread(headOf(text, MAX_EMAIL_TEXT_CHARS));
  const own = ownText(parts);
  const ownSignature = ownSignatureOf(parts, own, sender, policy);
  // Only a forward right under the sender's text is theirs to pass on; one deeper in the quoted
  // history was forwarded by someone else (#14).
  const next = parts.find((p) => p.kind !== 'own');
  const forward = next?.kind === 'forward' && next.from && (next.from.email || next.from.name) ? next : undefined;
  const ownWords = own.split(/\s+/).filter(Boolean).length;
  // A forward the rep sends on with a line or two ("FYI, a lead for you") is about the original
  // author; without "Fwd:" in the subject, a sender who signs with their title or contact data
  // wrote the message about themselves (#14).
  const aboutOriginal = options.forwarded || (ownWords <= policy.forwardOwnWords && !identifies(ownSignature?.fields));
  if (forward && aboutOriginal && !sameParty(forward.from, sender)) {
    return {
      person: forward.from ?? {},
      fromForward: true,
      text: forward.text,
      signature: signatureOfText(forward.text, forward.from, policy),
      parts,
    };
  }
  const signature = policy.earlierSignature ? withEarlierSignature(ownSignature, parts, sender, policy) : ownSignature;
  return { person: sender, fromForward: false, text: own, signature, parts };
}

/**
 * The sender's signature: at the end of their text, or, when that end is an attachment list or a
 * footer below a quote, at the end of one of their own parts ("Name\nTitle\nphone" above a quote).
 */
function ownSignatureOf(parts: readonly ThreadPart[], own: string, sender: Party, policy: SignatureReadPolicy): PartSignature | undefined {
  const whole = signatureOfText(own, sender, policy);
  if (identifies(whole?.fields)) return whole;
  const mine = parts.filter((p) => p.kind === 'own' && p.depth === 0 && p.text.trim());
  if (mine.length < 2) return whole;
  for (let i = mine.length - 1; i >= 0; i--) {
    const s = signatureOfText(mine[i].text, sender, policy);
    if (identifies(s?.fields)) return s;
  }
  return whole;
}

/** A signature that says more than a name: a title, a company, a phone or an address. */
function identifies(f: SignatureFields | undefined): boolean {
  return Boolean(f && (f.title || f.company || f.phones.length || f.emails.length || f.address.length));
}

/**
 * A short reply ("TS", "Thanks, Kim") quoting the sender's own earlier message: the full
 * signature is in that message. Fields the own text lacks are taken from it (#14).
 */
function withEarlierSignature(own: PartSignature | undefined, parts: readonly ThreadPart[], sender: Party, policy: SignatureReadPolicy): PartSignature | undefined {
  if (own && own.fields.title && own.fields.phones.length) return own;
  let earlier: PartSignature | undefined;
  for (const p of parts) {
    if (p.kind === 'own' || !p.from || !sameAuthor(p.from, sender)) continue;
    const s = signatureOfText(p.text, sender, policy);
    if (identifies(s?.fields)) {
      earlier = s;
      break;
    }
  }
  if (!earlier) return own;
  if (!own) return earlier;
  const a = own.fields;
  const b = earlier.fields;
  const fields: SignatureFields = {
    ...b,
    ...Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))),
    emails: [...new Set([...a.emails, ...b.emails])],
  };
  fields.name ??= a.closingName ?? b.closingName;
  if (fields.name && fields.closingName) delete fields.closingName;
  return { ...own, fields };
}

function sameParty(a: Party | undefined, b: Party): boolean {
  if (!a) return false;
  return Boolean(a.email && b.email && a.email.toLowerCase() === b.email.toLowerCase());
}

/** The same person: the same address, or the same name words in any order ("Nowak, Jan" = "Jan Nowak"). */
function sameAuthor(a: Party, b: Party): boolean {
  if (sameParty(a, b)) return true;
  const words = (p: Party) => nameTokens(p.name?.split('/')[0]).sort().join(' ');
  const x = words(a);
  return x.includes(' ') && x === words(b);
}
