// Tokens live in their own IndexedDB database, opened only by the background service worker:
// content scripts cannot read the extension's IndexedDB (theirs is the page's). chrome.storage is
// closed to them too (lib/settings/restrict-storage.ts), from the worker's first start on.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredTokens } from './pkce';

export const SECRETS_DB = 'leadclip-secrets';

interface SecretsDb extends DBSchema {
  secrets: { key: string; value: unknown };
}

export interface TokenStore {
  load(): Promise<StoredTokens | undefined>;
  save(tokens: StoredTokens): Promise<void>;
  clear(): Promise<void>;
  getFlag(name: string): Promise<boolean>;
  setFlag(name: string, on: boolean): Promise<void>;
  /** Other secrets (the webhook's signing key). */
  getSecret(name: string): Promise<string | undefined>;
  setSecret(name: string, value: string | undefined): Promise<void>;
}

let dbp: Promise<IDBPDatabase<SecretsDb>> | undefined;
function db(): Promise<IDBPDatabase<SecretsDb>> {
  return (dbp ??= openDB<SecretsDb>(SECRETS_DB, 1, {
    upgrade(d) {
      d.createObjectStore('secrets');
    },
    blocking() {
      void dbp?.then((d) => d.close());
      dbp = undefined;
    },
  }));
}

export function resetSecretsDbForTests(): void {
  dbp = undefined;
}

export const idbTokenStore: TokenStore = {
  async load() {
    return (await (await db()).get('secrets', 'tokens')) as StoredTokens | undefined;
  },
  async save(tokens) {
    await (await db()).put('secrets', tokens, 'tokens');
  },
  async clear() {
    const d = await db();
    const tx = d.transaction('secrets', 'readwrite');
    await Promise.all([tx.store.delete('tokens'), tx.store.delete('flag:signInNotified')]);
    await tx.done;
  },
  async getFlag(name) {
    return (await (await db()).get('secrets', `flag:${name}`)) === true;
  },
  async setFlag(name, on) {
    await (await db()).put('secrets', on, `flag:${name}`);
  },
  async getSecret(name) {
    return (await (await db()).get('secrets', `secret:${name}`)) as string | undefined;
  },
  async setSecret(name, value) {
    const d = await db();
    if (value === undefined) await d.delete('secrets', `secret:${name}`);
    else await d.put('secrets', value, `secret:${name}`);
  },
};

/** For tests and the bench: the same contract in memory. */
export function memoryTokenStore(): TokenStore {
  let tokens: StoredTokens | undefined;
  const flags = new Map<string, boolean>();
  const secrets = new Map<string, string>();
  return {
    load: async () => tokens,
    save: async (t) => { tokens = t; },
    clear: async () => { tokens = undefined; flags.delete('signInNotified'); },
    getFlag: async (n) => flags.get(n) === true,
    setFlag: async (n, on) => { flags.set(n, on); },
    getSecret: async (n) => secrets.get(n),
    setSecret: async (n, v) => { if (v === undefined) secrets.delete(n); else secrets.set(n, v); },
  };
}
