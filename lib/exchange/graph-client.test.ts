// Issue #17: reading Outlook contacts through Microsoft Graph against the sandbox: every page by
// @odata.nextLink, a 429 waited out for as long as Retry-After says, the Graph token obtained by
// incremental consent, and a second read of a folder bringing only what changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox';
import { connectToSandbox, fetchLaunch, originFetch, sandboxAuthConfig } from '../../tests/sandbox/connect';
import { createGraphTokens } from '../sync/auth/graph-token';
import { createGraphApi, GRAPH_CONTACTS_SCOPE, readAllPages, type GraphApi } from './graph-client';
import { listContactFolders, readContactFolder, DEFAULT_FOLDER_ID } from './read-contact-folders';
import { contactsTable } from './contact-rows';

const person = (i: number) => ({ givenName: `Anna${i}`, surname: `Nowak${i}`, companyName: 'Budimex', emailAddresses: [{ address: `anna${i}@budimex.example` }], businessPhones: ['+48 22 000 00 00'], notes: 'not selected' });

describe('Microsoft Graph contacts', () => {
  let sandbox: Sandbox;
  let api: GraphApi;
  let slept: number[];
  beforeEach(async () => {
    sandbox = await startSandbox();
    const { store } = await connectToSandbox(sandbox);
    const tokens = createGraphTokens({ config: async () => sandboxAuthConfig(sandbox), store, launch: fetchLaunch(), fetch: originFetch(), scope: GRAPH_CONTACTS_SCOPE });
    slept = [];
    api = createGraphApi(tokens, { base: `${sandbox.url}/graph/v1.0/`, pageSize: 100, sleep: async (ms) => { slept.push(ms); } });
  });
  afterEach(async () => { await sandbox.close(); });

  it('follows every nextLink and waits out a 429 for the Retry-After it was given', async () => {
    const id = sandbox.graph.addFolder('Targi 2026', Array.from({ length: 25 }, (_, i) => person(i)));
    sandbox.graph.maxPageSize = 10;
    sandbox.graph.throttleNext = 1;
    sandbox.graph.retryAfterSeconds = 7;
    const r = await readContactFolder(api, id);
    expect(r.contacts.map((c) => c.surname)).toEqual(Array.from({ length: 25 }, (_, i) => `Nowak${i}`));
    expect(slept).toEqual([7000]);
    expect(sandbox.graph.stats.throttled).toBe(1);
    // 3 pages + the throttled attempt.
    expect(sandbox.graph.stats.requests).toBe(4);
    expect(r.mode).toBe('first');
    expect(r.deltaLink).toMatch(/\/delta\?/);
    // Only the selected fields came back.
    expect(r.contacts[0]).not.toHaveProperty('notes');
  });

  it('gives up after repeated throttling with the server message, not silently', async () => {
    const id = sandbox.graph.addFolder('Busy', [person(1)]);
    sandbox.graph.throttleNext = 100;
    await expect(readContactFolder(api, id)).rejects.toMatchObject({ status: 429 });
    expect(slept.length).toBe(6);
  });

  it('asks for Contacts.Read consent once, then refreshes silently', async () => {
    expect(sandbox.oauth.options.graphConsent).toBeUndefined();
    sandbox.graph.addFolder('A', [person(1)]);
    const folders = await listContactFolders(api);
    expect(folders.map((f) => f.displayName)).toEqual(['', 'A']);
    expect(sandbox.oauth.options.graphConsent).toBe('granted');
    const before = sandbox.oauth.tokenRequests.length;
    sandbox.expireAccessTokens();
    await readAllPages(api, 'me/contactFolders');
    expect(sandbox.oauth.tokenRequests.slice(before).map((t) => t.grantType)).toEqual(['refresh_token']);
  });

  it('a second read brings only what changed; an expired delta reads everything and says so', async () => {
    const id = sandbox.graph.addFolder('Klienci', Array.from({ length: 5 }, (_, i) => person(i)));
    const first = await readContactFolder(api, id);
    expect(first.contacts).toHaveLength(5);
    sandbox.graph.editContact(id, first.contacts[2].id, { jobTitle: 'Dyrektor' });
    sandbox.graph.addContacts(id, [person(9)]);
    sandbox.graph.removeContact(id, first.contacts[0].id);
    const second = await readContactFolder(api, id, first.deltaLink);
    expect(second.mode).toBe('changes');
    expect(second.contacts.map((c) => c.surname)).toEqual(['Nowak2', 'Nowak9']);
    expect(second.removed).toBe(1);
    const third = await readContactFolder(api, id, second.deltaLink);
    expect(third.contacts).toEqual([]);
    sandbox.graph.expireDeltaTokens();
    const fourth = await readContactFolder(api, id, third.deltaLink);
    expect(fourth.mode).toBe('expired');
    expect(fourth.contacts).toHaveLength(5);
  });

  it('reads the default folder whole (no delta there) and never follows a link off Graph', async () => {
    sandbox.graph.addContacts('', [person(1), { displayName: 'Recepcja Budimex' }]);
    const r = await readContactFolder(api, DEFAULT_FOLDER_ID);
    expect(r.mode).toBe('no_delta');
    const table = contactsTable(r.contacts);
    expect(table.rows[1].cells[2]).toBe('Recepcja Budimex');
    await expect(api.get('https://attacker.example/steal')).rejects.toMatchObject({ code: 'foreign_link' });
  });
});
