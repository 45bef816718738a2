// Owner at capture (issue #17): users and teams of the org, searched by name, for
// `ownerid@odata.bind` (/systemusers(id) or /teams(id)).
import type { DataverseApi } from './dataverse-client';
import { odataString } from './crm-lookup';

export interface OwnerMatch {
  entity: 'systemuser' | 'team';
  id: string;
  name: string;
}

async function rows<T>(api: DataverseApi, path: string): Promise<T[]> {
  const r = await api.send({ method: 'GET', path });
  if (r.status !== 200) throw new Error(`CRM query failed: HTTP ${r.status}`);
  return (JSON.parse(r.text) as { value: T[] }).value;
}

export async function searchOwners(api: DataverseApi, term: string): Promise<OwnerMatch[]> {
  const q = term.trim();
  if (q.length < 2) return [];
  const lit = odataString(q);
  const [users, teams] = await Promise.all([
    rows<{ systemuserid: string; fullname: string }>(api, `systemusers?$select=systemuserid,fullname&$filter=${encodeURIComponent(`contains(fullname,${lit}) and isdisabled eq false`)}&$top=10`),
    rows<{ teamid: string; name: string }>(api, `teams?$select=teamid,name&$filter=${encodeURIComponent(`contains(name,${lit})`)}&$top=10`),
  ]);
  return [
    ...users.map((u): OwnerMatch => ({ entity: 'systemuser', id: u.systemuserid, name: u.fullname })),
    ...teams.map((t): OwnerMatch => ({ entity: 'team', id: t.teamid, name: t.name })),
  ];
}
