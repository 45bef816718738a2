// Unsaved popup drafts live in storage.session: they survive closing the popup (and the worker
// stopping) but not the browser, and content scripts cannot read that area.
import { browser } from '#imports';
import type { LeadFormState } from '../state/lead-form-model';

const prefix = 'draft:';

export async function loadDraft(key: string): Promise<LeadFormState | undefined> {
  const got = await browser.storage.session.get(prefix + key);
  return got[prefix + key] as LeadFormState | undefined;
}

export async function saveDraft(key: string, state: LeadFormState): Promise<void> {
  await browser.storage.session.set({ [prefix + key]: state });
}

export async function clearDraft(key: string): Promise<void> {
  await browser.storage.session.remove(prefix + key);
}
