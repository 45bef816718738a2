// The rep's Outlook contact folders and their contacts (issue #17). A folder is read with a delta
// query, so its next import brings only what changed since (Graph keeps the state in the
// deltaLink). Outlook's default Contacts folder is read whole each time: Graph offers no delta on
// /me/contacts, and the duplicate step then finds the contacts imported before.
import { CONTACT_SELECT, type GraphContact } from './contact-rows';
import { GraphError, readAllPages, type GraphApi } from './graph-client';

export interface ContactFolder {
  id: string;
  displayName: string;
}

/** The folder /me/contacts reads (Outlook's "Contacts"). */
export const DEFAULT_FOLDER_ID = 'default';

/** How a folder was read: its first import, only the changes, everything again and why. */
export type ReadMode = 'first' | 'changes' | 'expired' | 'no_delta';

export interface FolderRead {
  folderId: string;
  mode: ReadMode;
  contacts: GraphContact[];
  /** Contacts deleted in Outlook since the last import (leads are kept). */
  removed: number;
  deltaLink?: string;
}

export async function listContactFolders(api: GraphApi, signal?: AbortSignal): Promise<ContactFolder[]> {
  const { items } = await readAllPages<ContactFolder>(api, 'me/contactFolders?$select=id,displayName&$top=100', undefined, signal);
  return [{ id: DEFAULT_FOLDER_ID, displayName: '' }, ...items.map((f) => ({ id: f.id, displayName: f.displayName }))];
}

/** Graph answers an expired or unknown delta state with 410 Gone (SyncStateNotFound / resyncRequired). */
const deltaExpired = (err: unknown) => err instanceof GraphError && (err.status === 410 || /syncstate|resync/i.test(err.code));

export async function readContactFolder(api: GraphApi, folderId: string, deltaLink?: string, onPage?: (n: number) => void, signal?: AbortSignal): Promise<FolderRead> {
  const count = onPage && ((items: unknown[]) => onPage(items.length));
  const split = (items: GraphContact[]) => {
    const contacts = items.filter((c) => !('@removed' in c));
    return { contacts, removed: items.length - contacts.length };
  };
  if (folderId === DEFAULT_FOLDER_ID) {
    const { items } = await readAllPages<GraphContact>(api, `me/contacts?$select=${CONTACT_SELECT}`, count, signal);
    return { folderId, mode: 'no_delta', ...split(items) };
  }
  const full = `me/contactFolders/${encodeURIComponent(folderId)}/contacts/delta?$select=${CONTACT_SELECT}`;
  if (deltaLink) {
    try {
      const r = await readAllPages<GraphContact>(api, deltaLink, count, signal);
      return { folderId, mode: 'changes', ...split(r.items), deltaLink: r.deltaLink };
    } catch (err) {
      if (!deltaExpired(err)) throw err;
      const r = await readAllPages<GraphContact>(api, full, count, signal);
      return { folderId, mode: 'expired', ...split(r.items), deltaLink: r.deltaLink };
    }
  }
  const r = await readAllPages<GraphContact>(api, full, count, signal);
  return { folderId, mode: 'first', ...split(r.items), deltaLink: r.deltaLink };
}
