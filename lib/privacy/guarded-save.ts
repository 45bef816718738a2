// Every path that stores a lead in the background goes through here (popup, options, capture,
// webmail, import), so never-capture rules cannot be skipped by a page or a content script.
import { getLead, saveLead } from '../store';
import type { LeadDraftInput, LeadRecord } from '../leads/schema';
import { t } from '../i18n/t';
import { guardSave } from './save-guard';
import { getPrivacySettings } from './settings';

export interface GuardedSaveOptions {
  confirmFreeMail?: boolean;
  now?: () => Date;
  translate?: (key: string, subs?: string | string[]) => string;
}

export async function saveLeadWithPrivacy(input: LeadDraftInput, options: GuardedSaveOptions = {}): Promise<LeadRecord> {
  const now = options.now ?? (() => new Date());
  const id = (input as { id?: unknown }).id;
  const existing = typeof id === 'string' ? await getLead(id) : undefined;
  const guarded = guardSave({
    input,
    existing,
    settings: await getPrivacySettings(),
    confirmFreeMail: options.confirmFreeMail,
    now: now(),
    translate: options.translate ?? t,
  });
  return saveLead(guarded, now);
}
