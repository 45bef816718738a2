// Quote stripping, then signature detection, then parsing: the order issue #7 asks for, so a
// quoted signature of someone else is never read as the sender's.
import { findSignature, type SenderHint, type SignatureSpan } from './find-signature';
import { parseSignature, type SignatureFields } from './parse-signature';
import { ownText, splitThread, type Party, type ThreadPart } from './split-thread';
import { headOf, MAX_EMAIL_TEXT_CHARS } from '../text/input-bounds';

export interface PartSignature {
  /** The signature lines as written. */
  lines: string[];
  span: SignatureSpan;
  fields: SignatureFields;
}

/** Signature of one message text (no quotes in it). */
export function signatureOfText(text: string, sender?: SenderHint): PartSignature | undefined {
  const lines = text.split('\n');
  const span = findSignature(lines, sender);
  if (!span) return undefined;
  const sigLines = lines.slice(span.start, span.end);
  return { lines: sigLines, span, fields: parseSignature(sigLines, sender) };
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
}

/** Finds who the lead is in an email and reads their signature, never a quoted one. */
export function analyzeEmail(text: string, sender: Party, options: AnalyzeOptions = {}): EmailAnalysis {
  const parts = splitThread(headOf(text, MAX_EMAIL_TEXT_CHARS));
  const own = ownText(parts);
  const forward = parts.find((p) => p.kind === 'forward' && p.from && (p.from.email || p.from.name));
  const ownWords = own.split(/\s+/).filter(Boolean).length;
  // A forward the rep sends on with a line or two ("FYI, a lead for you") is about the original author.
  if (forward && (options.forwarded || ownWords <= 40) && !sameParty(forward.from, sender)) {
    return {
      person: forward.from ?? {},
      fromForward: true,
      text: forward.text,
      signature: signatureOfText(forward.text, forward.from),
      parts,
    };
  }
  return { person: sender, fromForward: false, text: own, signature: signatureOfText(own, sender), parts };
}

function sameParty(a: Party | undefined, b: Party): boolean {
  if (!a) return false;
  return Boolean(a.email && b.email && a.email.toLowerCase() === b.email.toLowerCase());
}
