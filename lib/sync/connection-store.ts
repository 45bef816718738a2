// Where the connection settings live: the rep's fields in storage.local (written only by the
// background, on a message from an extension page), the administrator's locks in storage.managed.
// Both are parsed on every read (issue #18): nothing in storage is trusted as it stands.
import { browser } from '#imports';
import { managedPolicy } from '../settings/managed-policy';
import { mergeManaged, readStoredConnection, type ConnectionSettings } from './settings';

export const CONNECTION_KEY = 'sync:connection';

export async function readConnection(): Promise<{ settings: ConnectionSettings; locked: (keyof ConnectionSettings)[] }> {
  const stored = readStoredConnection((await browser.storage.local.get(CONNECTION_KEY))[CONNECTION_KEY]);
  return mergeManaged(stored, await managedPolicy());
}

/** Stores the rep's fields; an authority is never stored (policy only), locked fields are left out. */
export async function writeConnection(settings: ConnectionSettings, locked: readonly (keyof ConnectionSettings)[]): Promise<void> {
  const { environmentUrl, tenant, clientId, webhookUrl } = settings;
  const fields: Partial<ConnectionSettings> = { environmentUrl, tenant, clientId, ...(webhookUrl ? { webhookUrl } : {}) };
  for (const k of locked) delete fields[k];
  await browser.storage.local.set({ [CONNECTION_KEY]: fields });
}
