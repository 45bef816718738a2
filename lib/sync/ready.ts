// Whether sync can work (a usable connection, and a sign-in or a webhook secret), answered
// without the sync engine: the background asks at every wake-up and loads lib/sync/service only
// when there is something to send or a page asks (issue #15).
import { idbTokenStore } from './auth/secret-store';
import { signedInWith } from './auth/issued-by';
import { readConnection } from './connection-store';
import { confirmedTarget } from './confirmed-targets';
import { normalizeSettings, type NormalizedSettings } from './settings';

/** The connection in force, or undefined if it is incomplete or names a target the rep did not confirm. */
export async function usableConnection(): Promise<NormalizedSettings | undefined> {
  const { settings, locked } = await readConnection();
  const n = normalizeSettings(settings);
  if (!n.ok) return undefined;
  // Issue #18: a target the rep did not confirm here (nor the administrator set) gets no leads.
  const unconfirmed = async (target: 'environmentUrl' | 'webhookUrl') => {
    const url = n.settings[target];
    return !!url && !locked.includes(target) && url !== (await confirmedTarget(idbTokenStore, target, url));
  };
  if (await unconfirmed('environmentUrl')) return undefined;
  return (await unconfirmed('webhookUrl')) ? { ...n.settings, webhookUrl: undefined } : n.settings;
}

export async function syncReady(): Promise<boolean> {
  const settings = await usableConnection();
  if (!settings) return false;
  if (!settings.environmentUrl) return !!settings.webhookUrl && !!(await idbTokenStore.getSecret('webhook'));
  return signedInWith(await idbTokenStore.load(), settings, Date.now());
}
