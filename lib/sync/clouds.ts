// Microsoft's clouds for Dynamics 365 (issue #17): from an environment's host, which sign-in
// authority, which Global Discovery Service and which host permission belong to it. One table,
// so a sovereign cloud is never signed in to (nor its tokens sent) through another cloud's hosts.

export const CLOUD_IDS = ['public', 'gcc', 'gcchigh', 'china'] as const;
export type CloudId = (typeof CLOUD_IDS)[number];

export interface Cloud {
  id: CloudId;
  /** Environment hosts of this cloud ("contoso.crm4.dynamics.com"). */
  hosts: RegExp;
  /** Microsoft Entra ID's sign-in host for this cloud. */
  authority: string;
  /** The Dataverse Global Discovery Service (its origin is also the token's resource). */
  discovery: string;
  /** The optional host permission asked for when the rep connects (wxt.config.ts lists each). */
  hostPermission: string;
}

// Listed most specific first: crm9 (GCC) is also under dynamics.com.
export const CLOUDS: readonly Cloud[] = [
  { id: 'gcc', hosts: /^[a-z0-9-]+\.crm9\.dynamics\.com$/i, authority: 'https://login.microsoftonline.com', discovery: 'https://globaldisco.crm9.dynamics.com', hostPermission: 'https://*.dynamics.com/*' },
  { id: 'public', hosts: /^[a-z0-9-]+\.crm\d*\.dynamics\.com$/i, authority: 'https://login.microsoftonline.com', discovery: 'https://globaldisco.crm.dynamics.com', hostPermission: 'https://*.dynamics.com/*' },
  { id: 'gcchigh', hosts: /^[a-z0-9-]+\.crm\.microsoftdynamics\.us$/i, authority: 'https://login.microsoftonline.us', discovery: 'https://globaldisco.crm.microsoftdynamics.us', hostPermission: 'https://*.microsoftdynamics.us/*' },
  { id: 'china', hosts: /^[a-z0-9-]+\.crm\.dynamics\.cn$/i, authority: 'https://login.chinacloudapi.cn', discovery: 'https://globaldisco.crm.dynamics.cn', hostPermission: 'https://*.dynamics.cn/*' },
];

export function cloudById(id: CloudId): Cloud {
  return CLOUDS.find((c) => c.id === id)!;
}

/** The cloud an https environment URL belongs to, or undefined for any other host. */
export function cloudOf(environmentUrl: string): Cloud | undefined {
  let u: URL;
  try {
    u = new URL(environmentUrl);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.port) return undefined;
  return CLOUDS.find((c) => c.hosts.test(u.hostname));
}

/** The Global Discovery Service's list of the signed-in user's environments. */
export function instancesUrl(discovery: string): string {
  return `${discovery.replace(/\/$/, '')}/api/discovery/v2.0/Instances`;
}
