// Issue #17: the lawful-basis line as a note on the lead (the default), not in every lead's
// description. One note per lead at an id derived from the lead's, so a re-sync rewrites it.
import { privacyFooter, privacyNoteSubject, type FooterLead, type FooterOptions } from '../privacy/privacy-footer';
import type { BatchOperation } from './batch';
import { derivedGuid } from './lead-payload';
import type { NavNames } from './nav-names';

export function privacyNoteId(leadId: string): Promise<string> {
  return derivedGuid(`leadclip:privacy-note:${leadId}`);
}

export function privacyNoteOperation(lead: FooterLead & { id: string }, noteId: string, nav: NavNames, options: FooterOptions): BatchOperation {
  return {
    method: 'PATCH',
    path: `annotations(${noteId})`,
    body: { subject: privacyNoteSubject(options.lang), notetext: privacyFooter(lead, options), [`${nav.annotationLead}@odata.bind`]: `/leads(${lead.id})` },
  };
}
