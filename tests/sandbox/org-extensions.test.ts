// The sandbox behaves as Dataverse is documented to for issue #17's requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import { connectToSandbox, type Connected } from './connect';

let sb: Sandbox;
let c: Connected;
beforeAll(async () => {
  sb = await startSandbox();
  c = await connectToSandbox(sb);
});
afterAll(() => sb.close());

const send = (method: 'GET' | 'PATCH' | 'POST', path: string, body?: unknown) => c.api.send({ method, path, body: body === undefined ? undefined : JSON.stringify(body) });

describe('sandbox: issue #17', () => {
  it('takes phone-call parties inline on create only; on update they are replaced by a PUT of the collection', async () => {
    const lead = crypto.randomUUID();
    const call = crypto.randomUUID();
    expect((await send('PATCH', `leads(${lead})`, { subject: 'x', lastname: 'y' })).status).toBe(204);
    const party = (mask: number, bind: string) => ({ 'partyid_lead@odata.bind': bind, participationtypemask: mask });
    expect((await send('PATCH', `phonecalls(${call})`, { subject: 'Call', phonecall_activity_parties: [party(2, `/leads(${lead})`)] })).status).toBe(204);
    const again = await send('PATCH', `phonecalls(${call})`, { subject: 'Call', phonecall_activity_parties: [party(1, `/leads(${lead})`)] });
    expect(again.status).toBe(400);
    expect(again.text).toMatch(/only supported on create/);
    const put = await c.api.send({ method: 'POST', path: '$batch', headers: { 'Content-Type': 'multipart/mixed; boundary=b' }, body: [
      '--b', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      `PUT ${sb.serviceRoot}phonecalls(${call})/phonecall_activity_parties HTTP/1.1`, 'Content-Type: application/json', '',
      JSON.stringify({ value: [party(1, `/leads(${lead})`)] }), '--b--', '',
    ].join('\r\n') });
    expect(put.text).toMatch(/HTTP\/1\.1 204/);
    expect(sb.record('phonecalls', call)?.phonecall_activity_parties).toEqual([expect.objectContaining({ participationtypemask: 1, _partyid_value: lead })]);
  });

  it('binds ownerid to a user or a team only', async () => {
    const team = sb.records('teams')[0];
    const lead = crypto.randomUUID();
    expect((await send('PATCH', `leads(${lead})`, { subject: 'x', lastname: 'y', 'ownerid@odata.bind': `/teams(${team.teamid})` })).status).toBe(204);
    expect(sb.record('leads', lead)).toMatchObject({ _ownerid_value: team.teamid });
    const account = sb.records('accounts')[0];
    expect((await send('PATCH', `leads(${crypto.randomUUID()})`, { subject: 'x', lastname: 'y', 'ownerid@odata.bind': `/accounts(${account.accountid})` })).status).toBe(400);
  });

  it('lists an org\u2019s custom required column with its labels, and refuses a create without it', async () => {
    sb.setApi({ customColumns: { leads: { new_region: { type: 'String', display: 'Region', custom: true, required: true, max: 100, labels: { en: 'Region', pl: 'Region sprzedaży' } } } } });
    const r = await send('GET', "EntityDefinitions(LogicalName='lead')/Attributes?$select=LogicalName,RequiredLevel,DisplayName");
    const attr = (JSON.parse(r.text) as { value: Array<Record<string, unknown>> }).value.find((a) => a.LogicalName === 'new_region');
    expect(attr).toMatchObject({ IsCustomAttribute: true, RequiredLevel: { Value: 'ApplicationRequired' }, DisplayName: { LocalizedLabels: [{ Label: 'Region', LanguageCode: 1033 }, { Label: 'Region sprzedaży', LanguageCode: 1045 }] } });
    const refused = await send('PATCH', `leads(${crypto.randomUUID()})`, { subject: 'x', lastname: 'y' });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/new_region/);
    expect((await send('PATCH', `leads(${crypto.randomUUID()})`, { subject: 'x', lastname: 'y', new_region: 'North' })).status).toBe(204);
    sb.setApi({ customColumns: {} });
  });
});
