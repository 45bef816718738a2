// The Dataverse Global Discovery Service (issue #17): after "Sign in with Microsoft", the
// environments the rep may use, to pick from. Its answer is outside input: each entry is parsed,
// and only an environment URL the settings would accept (one of Microsoft's clouds, or the local
// sandbox in sandbox builds) is offered.
import * as z from 'zod/mini';
import { instancesUrl } from './clouds';
import { normalizeSettings, type SettingsRules } from './settings';

const instance = z.object({
  FriendlyName: z.optional(z.nullable(z.string())),
  UniqueName: z.optional(z.nullable(z.string())),
  Url: z.string(),
  Region: z.optional(z.nullable(z.string())),
  /** 0 enabled, 1 disabled. */
  State: z.optional(z.nullable(z.number())),
});
const instances = z.object({ value: z.array(z.unknown()) });

export interface DiscoveredEnvironment {
  name: string;
  url: string;
  region?: string;
}

export class DiscoveryError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

/** Enabled environments with an acceptable URL, named, sorted by name; at most 200. */
export function parseInstances(body: unknown, rules?: SettingsRules): DiscoveredEnvironment[] {
  const list = instances.safeParse(body);
  if (!list.success) throw new DiscoveryError('The discovery service answered something else than a list of environments.');
  const out = new Map<string, DiscoveredEnvironment>();
  for (const raw of list.data.value) {
    const i = instance.safeParse(raw);
    if (!i.success || (i.data.State ?? 0) !== 0) continue;
    const n = normalizeSettings({ environmentUrl: i.data.Url, tenant: '', clientId: '00000000-0000-4000-8000-000000000000' }, rules);
    if (!n.ok) continue;
    const url = n.settings.environmentUrl;
    const name = (i.data.FriendlyName || i.data.UniqueName || new URL(url).hostname).slice(0, 200);
    out.set(url, { name, url, ...(i.data.Region ? { region: i.data.Region.slice(0, 50) } : {}) });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name)).slice(0, 200);
}

export async function listEnvironments(discovery: string, accessToken: string, fetchFn: typeof fetch = (...a) => fetch(...a), rules?: SettingsRules): Promise<DiscoveredEnvironment[]> {
  let res: Response;
  try {
    res = await fetchFn(instancesUrl(discovery), { headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    throw new DiscoveryError(err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw new DiscoveryError(`HTTP ${res.status}`, res.status);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new DiscoveryError('The discovery service did not answer JSON.');
  }
  return parseInstances(body, rules);
}
