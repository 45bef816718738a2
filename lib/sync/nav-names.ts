// Navigation property names for @odata.bind. The lead variants come from public code and are
// "unconfirmed" (dataverse.md §2–§3), so they are read from the org's relationship metadata when
// possible, with these as the fallback.
import type { DataverseApi } from './dataverse-client';

export interface NavNames {
  annotationLead: string;
  phonecallLead: string;
  taskLead: string;
  connectionRecord1Lead: string;
  connectionRecord2Contact: string;
  connectionRecord2Role: string;
  partySystemUser: string;
  partyLead: string;
}

export const defaultNavNames: NavNames = {
  annotationLead: 'objectid_lead',
  phonecallLead: 'regardingobjectid_lead_phonecall',
  taskLead: 'regardingobjectid_lead_task',
  connectionRecord1Lead: 'record1id_lead',
  connectionRecord2Contact: 'record2id_contact',
  connectionRecord2Role: 'record2roleid',
  partySystemUser: 'partyid_systemuser',
  partyLead: 'partyid_lead',
};

interface Relationship {
  ReferencingAttribute: string;
  ReferencedEntity: string;
  ReferencingEntityNavigationPropertyName: string;
}

async function relationships(api: DataverseApi, entity: string): Promise<Relationship[]> {
  const res = await api.send({
    method: 'GET',
    path: `EntityDefinitions(LogicalName='${entity}')/ManyToOneRelationships?$select=ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName`,
  });
  if (res.status !== 200) return [];
  return (JSON.parse(res.text) as { value: Relationship[] }).value;
}

const pick = (rels: Relationship[], attribute: string, target: string, fallback: string) =>
  rels.find((r) => r.ReferencingAttribute === attribute && r.ReferencedEntity === target)?.ReferencingEntityNavigationPropertyName ?? fallback;

/** Asks the org for the real navigation names; any failure keeps the documented defaults. */
export async function resolveNavNames(api: DataverseApi): Promise<NavNames> {
  try {
    const [annotation, phonecall, task, connection] = await Promise.all(['annotation', 'phonecall', 'task', 'connection'].map((e) => relationships(api, e)));
    const d = defaultNavNames;
    return {
      ...d,
      annotationLead: pick(annotation, 'objectid', 'lead', d.annotationLead),
      phonecallLead: pick(phonecall, 'regardingobjectid', 'lead', d.phonecallLead),
      taskLead: pick(task, 'regardingobjectid', 'lead', d.taskLead),
      connectionRecord1Lead: pick(connection, 'record1id', 'lead', d.connectionRecord1Lead),
      connectionRecord2Contact: pick(connection, 'record2id', 'contact', d.connectionRecord2Contact),
      connectionRecord2Role: pick(connection, 'record2roleid', 'connectionrole', d.connectionRecord2Role),
    };
  } catch {
    return defaultNavNames;
  }
}
