// Attaches the email to a lead as a Timeline note, when the rep left the box checked (issue #7).
import type { LeadDraft } from '../leads/schema';
import type { EmailNote } from './email-to-lead';

export function withEmailNote(draft: LeadDraft, note: EmailNote, now = new Date(), id = crypto.randomUUID()): LeadDraft {
  // Saving the same form twice must not attach the same email twice.
  if (draft.timeline.some((t) => t.kind === 'note' && t.subject === note.subject && t.notetext === note.notetext)) return draft;
  return { ...draft, timeline: [...draft.timeline, { id, createdAt: now.toISOString(), kind: 'note', subject: note.subject, notetext: note.notetext }] };
}
