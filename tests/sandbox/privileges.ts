// RetrieveUserPrivileges (issue #17): GET systemusers(<id>)/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()
// answers the user's RolePrivileges, as Dataverse does. The sandbox's user holds a Salesperson-like
// set; with `canCreateLeads: false` prvCreateLead is missing, matching the 403 a create then gets.
import { randomUUID } from 'node:crypto';
import { DataverseError, codes, type SandboxResponse } from './errors';
import type { ApiContext } from './web-api';

const SALESPERSON = [
  ...['Lead', 'Note', 'Activity', 'Contact', 'Account', 'Opportunity'].flatMap((t) => ['Create', 'Read', 'Write', 'Append', 'AppendTo'].map((a) => `prv${a}${t}`)),
  'prvReadOrganization', 'prvReadUser', 'prvReadConnection', 'prvCreateConnection', 'prvReadConnectionRole',
];

export const RETRIEVE_USER_PRIVILEGES = /^systemusers\(([^)]+)\)\/Microsoft\.Dynamics\.CRM\.RetrieveUserPrivileges(\(\))?$/;

export function retrieveUserPrivileges(userId: string, ctx: ApiContext): SandboxResponse {
  if (userId.toLowerCase() !== ctx.userId.toLowerCase()) throw new DataverseError(404, codes.objectDoesNotExist, `systemuser With Id = ${userId} Does Not Exist`);
  const names = SALESPERSON.filter((p) => ctx.options.canCreateLeads || p !== 'prvCreateLead');
  const body = {
    '@odata.context': `${ctx.serviceRoot}$metadata#Microsoft.Dynamics.CRM.RetrieveUserPrivilegesResponse`,
    RolePrivileges: names.map((PrivilegeName) => ({ Depth: 'Global', PrivilegeId: randomUUID(), BusinessUnitId: ctx.businessUnitId, PrivilegeName })),
  };
  return { status: 200, headers: { 'content-type': 'application/json; odata.metadata=minimal', 'odata-version': '4.0' }, body: JSON.stringify(body) };
}
