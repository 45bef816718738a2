// Unsaved state can hold a person's details too: form drafts ("draft:…" in chrome.storage) and
// anything in storage.session (e.g. a webmail message waiting for its form). Erasure and export
// look at them by lead id and by the person's email addresses.
import { browser } from '#imports';
import { mentions } from '../store';

const DRAFT_PREFIX = 'draft:';
type Area = 'local' | 'session';
const areas: Area[] = ['local', 'session'];

export interface DraftTrace {
  area: Area;
  key: string;
  value: unknown;
}

/** Drafts mentioning the lead id or one of `emails` (compared case-insensitively). */
export async function findDraftTraces(leadId: string, emails: readonly string[]): Promise<DraftTrace[]> {
  const needles = [leadId, ...emails].map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3);
  const found: DraftTrace[] = [];
  for (const area of areas) {
    const all = await browser.storage[area].get(null);
    for (const [key, value] of Object.entries(all)) {
      // storage.session is transient UI state throughout; in storage.local only drafts are (the
      // rest is settings, where an address on a never-capture list must stay).
      const transient = area === 'session' || key.startsWith(DRAFT_PREFIX);
      if (transient && needles.some((n) => mentions(value, n))) found.push({ area, key, value });
    }
  }
  return found;
}

export async function eraseDraftTraces(leadId: string, emails: readonly string[]): Promise<number> {
  const found = await findDraftTraces(leadId, emails);
  for (const area of areas) {
    const keys = found.filter((f) => f.area === area).map((f) => f.key);
    if (keys.length) await browser.storage[area].remove(keys);
  }
  return found.length;
}
