// The Dataverse Global Discovery Service (issue #17): GET /api/discovery/v2.0/Instances with a
// token for the discovery resource answers the signed-in user's environments. The sandbox is one
// of them; the others are real-looking hosts the tests never reach.
import type { AuthorizationServer } from './oauth';
import type { SandboxResponse } from './errors';

export const DISCOVERY_PATH = '/api/discovery/v2.0/Instances';

export function discoveryInstances(origin: string, oauth: AuthorizationServer, authorization: string | undefined): SandboxResponse {
  const bearer = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  const grant = oauth.check(bearer, origin);
  if (!grant || grant === 'expired') {
    return { status: 401, headers: { 'www-authenticate': `Bearer error="invalid_token"`, 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: '', message: 'Unauthorized' } }) };
  }
  const env = (FriendlyName: string, UniqueName: string, Url: string, Region: string, State = 0) => ({
    Id: UniqueName, UniqueName, UrlName: UniqueName, FriendlyName, State, Version: '9.2.25111.00000', Url, ApiUrl: Url,
    LastUpdated: '2026-11-30T08:00:00Z', Region, Purpose: '', OrganizationType: 0, TenantId: '', EnvironmentId: UniqueName, TrialExpirationDate: null,
  });
  const value = [
    env('Contoso Dev', 'contosodev', 'https://contoso-dev.crm4.dynamics.com', 'EUR'),
    env('Contoso Sales (sandbox)', 'contososales', origin, 'EUR'),
    env('Contoso Archive', 'contosoarchive', 'https://contoso-archive.crm4.dynamics.com', 'EUR', 1),
  ];
  return { status: 200, headers: { 'content-type': 'application/json; odata.metadata=minimal', 'odata-version': '4.0' }, body: JSON.stringify({ '@odata.context': `${origin}/api/discovery/v2.0/$metadata#Instances`, value }) };
}
