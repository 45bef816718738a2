// The background calls behind the people list (issue #13): the same messages one lead uses.
import { send } from '@/lib/messaging/send';
import type { PeopleBackend } from '@/lib/state/people-model';

export const peopleBackend: PeopleBackend = {
  assess: async (lead) => (await send('leads/assess', { lead })).matches,
  // Only a connected org answers; otherwise the background refuses and the list says nothing.
  lookupCrm: async (lead) => (lead.emailaddress1 || (lead.lastname && lead.companyname)
    ? (await send('sync/lookup', { email: lead.emailaddress1, firstname: lead.firstname, lastname: lead.lastname, companyname: lead.companyname })).matches
    : []),
  saveBatch: async (leads) => (await send('leads/save-batch', { leads, onDuplicate: 'ask' })).outcomes,
};
