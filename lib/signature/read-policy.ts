// The choosable rules of reading a lead out of an email (issue #14). `npm run eval:signatures`
// chooses them on the development emails, cross-validated by sender, so a rule that only fits the
// emails it was chosen on shows as a gap between the development and cross-validated figures.

export interface SignatureReadPolicy {
  /** At most this many non-blank lines at the end of a message are a signature; longer tails are text. */
  maxSignatureLines: number;
  /**
   * A forward the sender passes on with at most this many words of their own (and no signature
   * that identifies them) is about the forwarded message's author, even without "Fwd:" in the
   * subject. 0: only a "Fwd:" subject makes it so.
   */
  forwardOwnWords: number;
  /** Whether a short reply takes the fields it lacks from the sender's own earlier message quoted below. */
  earlierSignature: boolean;
  /**
   * Whether unlabelled lines between the name and the contact data (no title word, no legal form,
   * not the sender's domain) are read as a job title and a company, or left empty.
   */
  unlabelledTitleCompany: boolean;
}

export const signatureReadPolicy: SignatureReadPolicy = { maxSignatureLines: 14, forwardOwnWords: 40, earlierSignature: true, unlabelledTitleCompany: true };
