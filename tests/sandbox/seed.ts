// What a fresh trial org holds: the signed-in user, a few accounts and contacts to find in the
// Qualify step, and the out-of-the-box connection roles (dataverse.md §2).
import { randomUUID } from 'node:crypto';
import type { Store } from './store';
import { seedOrg } from './org-extensions';

const roles: Array<[string, number]> = [
  ['Stakeholder', 1000], ['Champion', 1000], ['Decision Maker', 1000], ['End User', 1000],
  ['Economic Buyer', 1000], ['Influencer', 1000], ['Technical Buyer', 1000],
  // Same names in other categories, so a client that forgets the category filter picks the wrong one.
  ['Stakeholder', 5], ['Influencer', 1], ['Colleague', 1], ['Former Employee', 1], ['Partner', 4],
];

export function seed(store: Store, userId: string): void {
  const at = new Date().toISOString();
  store.put('systemusers', userId, { systemuserid: userId, fullname: 'Sandbox Rep', createdon: at });
  seedOrg(store, at);
  for (const [name, category] of roles) {
    const id = randomUUID();
    store.put('connectionroles', id, { connectionroleid: id, name, category, statecode: 0, createdon: at });
  }
  const accounts = [
    ['Contoso Ltd', 'https://contoso.example'], ['Fabrikam, Inc.', 'https://fabrikam.example'],
    ['Adventure Works Cycles', 'https://adventure-works.example'], ['Żabka Polska sp. z o.o.', 'https://zabka.example'],
  ];
  const accountIds: string[] = [];
  for (const [name, websiteurl] of accounts) {
    const id = randomUUID();
    accountIds.push(id);
    store.put('accounts', id, { accountid: id, name, websiteurl, statecode: 0, createdon: at });
  }
  const contacts = [
    ['Yvonne', 'McKay', 'yvonne@contoso.example', 'Purchasing Manager', 0],
    ['Susanna', 'Stubberod', 'susanna@fabrikam.example', 'CTO', 1],
    ['Nancy', 'Anderson', 'nancy@adventure-works.example', 'Owner', 2],
    ['Łukasz', 'Żółkiewski', 'lukasz@zabka.example', 'Dyrektor zakupów', 3],
  ] as const;
  for (const [firstname, lastname, emailaddress1, jobtitle, account] of contacts) {
    const id = randomUUID();
    store.put('contacts', id, {
      contactid: id, firstname, lastname, fullname: `${firstname} ${lastname}`, emailaddress1, jobtitle, statecode: 0, createdon: at,
      _parentcustomerid_value: accountIds[account], '_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'account',
    });
  }
}
