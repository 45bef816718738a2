// Issue #17 in the sandbox: an org's own lead columns (a required custom choice such as
// new_region, with display names in English and Polish), the attribute list with requirement
// levels, the owner lookup bound to a user or a team, and a record of every QualifyLead call.
import { randomUUID } from 'node:crypto';
import { DataverseError, codes } from './errors';
import { tables, type AttrDef, type TableDef } from './metadata';
import type { Row, Store } from './store';

/** Entity set -> column -> definition: what an org added (`ApiOptions.customColumns`). */
export type CustomColumns = Record<string, Record<string, AttrDef>>;

/** The table's columns, the org's own included. */
export function attributesOf(table: TableDef, custom: CustomColumns | undefined): Record<string, AttrDef> {
  const extra = custom?.[table.entitySet];
  return extra ? { ...table.attributes, ...extra } : table.attributes;
}

const label = (text: string, lcid: number) => ({ Label: text, LanguageCode: lcid, IsManaged: false });

/** `EntityDefinitions(LogicalName='lead')/Attributes`: every column with its requirement level
 * and display name (LocalizedLabels per language; UserLocalizedLabel in the caller's, English here). */
export function attributeDefinitions(table: TableDef, requiredColumns: string[], custom: CustomColumns | undefined): Row[] {
  return Object.entries(attributesOf(table, custom)).map(([attr, def]) => {
    const en = def.labels?.en ?? def.display;
    const pl = def.labels?.pl;
    return {
      LogicalName: attr,
      SchemaName: attr,
      AttributeType: def.type,
      IsCustomAttribute: !!def.custom,
      IsValidForCreate: !def.readOnly,
      RequiredLevel: { Value: def.required || requiredColumns.includes(attr) ? 'ApplicationRequired' : 'None', CanBeChanged: true, ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings' },
      DisplayName: { LocalizedLabels: [label(en, 1033), ...(pl ? [label(pl, 1045)] : [])], UserLocalizedLabel: label(en, 1033) },
      MetadataId: randomUUID(),
    };
  });
}

/** Owner lookups bind to a user or a team: `ownerid@odata.bind: /systemusers(id)` or `/teams(id)`. */
export function ownerTarget(value: unknown): 'systemusers' | 'teams' {
  const set = typeof value === 'string' ? /(?:^|\/)(systemusers|teams)\(/.exec(value)?.[1] : undefined;
  if (set === 'systemusers' || set === 'teams') return set;
  throw new DataverseError(400, codes.invalidProperty, "The value of 'ownerid@odata.bind' must reference a systemuser or a team.");
}

export const ownerLogicalName = (set: 'systemusers' | 'teams') => tables[set].logicalName;

/** Tests read what QualifyLead was asked (`sandbox.records('qualifyleadcalls')`). */
export function recordQualifyCall(store: Store, leadId: string, body: Row, lead: Row, at: string): void {
  const id = randomUUID();
  store.put('qualifyleadcalls', id, {
    id, leadId, at,
    CreateAccount: body.CreateAccount, CreateContact: body.CreateContact, CreateOpportunity: body.CreateOpportunity, Status: body.Status,
    OpportunityCustomerId: body.OpportunityCustomerId ?? null,
    parentaccountid: lead._parentaccountid_value ?? null,
    parentcontactid: lead._parentcontactid_value ?? null,
  });
}

/** A fresh org in Poland: the account the seed's qualify steps find, a colleague and two teams. */
export function seedOrg(store: Store, at: string): void {
  const budimex = randomUUID();
  store.put('accounts', budimex, {
    accountid: budimex, name: 'Budimex Polska SA', websiteurl: 'https://budimex.example', telephone1: '+48 22 623 60 00',
    address1_line1: 'ul. Siedmiogrodzka 9', address1_city: 'Warszawa', address1_postalcode: '01-204', address1_country: 'Polska',
    statecode: 0, createdon: at,
  });
  const contact = randomUUID();
  store.put('contacts', contact, {
    contactid: contact, firstname: 'Marek', lastname: 'Budny', fullname: 'Marek Budny', emailaddress1: 'marek.budny@budimex.example', jobtitle: 'Dyrektor zakupów',
    telephone1: '+48 22 623 61 11', statecode: 0, createdon: at,
    _parentcustomerid_value: budimex, '_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'account',
  });
  for (const [fullname, email] of [['Anna Kowalczyk', 'anna.kowalczyk@contoso.example'], ['Tomasz Nowicki', 'tomasz.nowicki@contoso.example']]) {
    const id = randomUUID();
    store.put('systemusers', id, { systemuserid: id, fullname, internalemailaddress: email, isdisabled: false, createdon: at });
  }
  for (const name of ['Sprzedaż Warszawa', 'Key Accounts']) {
    const id = randomUUID();
    store.put('teams', id, { teamid: id, name, teamtype: 0, createdon: at });
  }
}
