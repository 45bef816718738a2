// The sandbox behaves like the Web API and Entra where the sync code depends on it.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import { originFetch, sandboxAuthConfig, TEST_CLIENT_ID, TEST_EXTENSION_ID } from './connect';

let sb: Sandbox;
let token: string;
const redirectUri = `https://${TEST_EXTENSION_ID}.chromiumapp.org/`;

async function authorize(challenge: string, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({
    client_id: TEST_CLIENT_ID, response_type: 'code', redirect_uri: redirectUri, scope: `${sb.url}/user_impersonation offline_access`,
    state: 's1', code_challenge: challenge, code_challenge_method: 'S256', ...extra,
  });
  const res = await fetch(`${sb.url}/${sb.tenant}/oauth2/v2.0/authorize?${q}`, { redirect: 'manual' });
  return { res, location: res.headers.get('location') ? new URL(res.headers.get('location')!) : undefined };
}

const s256 = (v: string) => createHash('sha256').update(v).digest('base64url');

async function tokenRequest(form: Record<string, string>, withOrigin = true) {
  const f = withOrigin ? originFetch() : fetch;
  const res = await f(`${sb.url}/${sb.tenant}/oauth2/v2.0/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: TEST_CLIENT_ID, ...form }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function signIn(): Promise<{ access: string; refresh: string }> {
  const verifier = 'v'.repeat(50);
  const { location } = await authorize(s256(verifier));
  const r = await tokenRequest({ grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: redirectUri, code_verifier: verifier });
  return { access: r.body.access_token as string, refresh: r.body.refresh_token as string };
}

function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(sb.serviceRoot + path, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'application/json', 'odata-version': '4.0', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  sb = await startSandbox();
  token = (await signIn()).access;
});
afterAll(() => sb.close());
beforeEach(() => sb.setFaults({ queue: [], rate429: 0, rate5xx: 0, rateDropAfter: 0, rateDropBefore: 0 }));

describe('OAuth (PKCE)', () => {
  it('issues tokens only for the verifier that matches the challenge, once per code', async () => {
    const verifier = 'a'.repeat(64);
    const { location } = await authorize(s256(verifier));
    expect(location?.origin).toBe(`https://${TEST_EXTENSION_ID}.chromiumapp.org`);
    expect(location?.searchParams.get('state')).toBe('s1');
    const code = location!.searchParams.get('code')!;
    const wrong = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: 'b'.repeat(64) });
    expect(wrong.status).toBe(400);
    expect(String(wrong.body.error_description)).toContain('AADSTS501481');
    const right = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
    expect(right.status).toBe(200);
    expect(right.body.refresh_token).toBeTruthy();
    const again = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
    expect(String(again.body.error_description)).toContain('AADSTS54005');
  });

  it('requires PKCE, an Origin on redemption (SPA), consent and a known tenant', async () => {
    const noPkce = await authorize('', { code_challenge_method: '' });
    expect(noPkce.location?.searchParams.get('error_description')).toContain('AADSTS9002325');
    const verifier = 'c'.repeat(60);
    const { location } = await authorize(s256(verifier));
    const noOrigin = await tokenRequest({ grant_type: 'authorization_code', code: location!.searchParams.get('code')!, redirect_uri: redirectUri, code_verifier: verifier }, false);
    expect(String(noOrigin.body.error_description)).toContain('AADSTS9002327');
    sb.oauth.options.consent = 'missing';
    const consent = await authorize(s256(verifier));
    expect(consent.location?.searchParams.get('error')).toBe('consent_required');
    sb.oauth.options.consent = 'granted';
    const res = await fetch(`${sb.url}/nope.onmicrosoft.com/oauth2/v2.0/authorize?client_id=x`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS90002');
  });

  it('refresh tokens keep the first sign-in\'s 24 h expiry', async () => {
    const { refresh } = await signIn();
    sb.advanceClock(23 * 3600_000);
    const r1 = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh });
    expect(r1.status).toBe(200);
    sb.advanceClock(2 * 3600_000);
    const r2 = await tokenRequest({ grant_type: 'refresh_token', refresh_token: r1.body.refresh_token as string });
    expect(r2.status).toBe(400);
    expect(String(r2.body.error_description)).toContain('AADSTS700084');
    sb.advanceClock(-25 * 3600_000);
  });

  it('rejects expired access tokens with 401 and WWW-Authenticate', async () => {
    const { access } = await signIn();
    const ok = await fetch(`${sb.serviceRoot}WhoAmI`, { headers: { authorization: `Bearer ${access}` } });
    expect(ok.status).toBe(200);
    sb.setFaults({ queue: ['expire-token'] });
    const res = await fetch(`${sb.serviceRoot}WhoAmI`, { headers: { authorization: `Bearer ${access}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('authorization_uri=');
    token = (await signIn()).access;
  });

  it('serves the auth config the extension would use', () => {
    expect(sandboxAuthConfig(sb).authority).toBe(sb.url);
  });
});

describe('Web API', () => {
  const lead = (extra: Record<string, unknown> = {}) => ({ subject: 'Expo', lastname: 'Nowak', firstname: 'Ewa', ...extra });

  it('upserts by client GUID: create, update, If-None-Match and If-Match', async () => {
    const id = crypto.randomUUID();
    const created = await api('PATCH', `leads(${id})?$select=leadid,fullname`, lead(), { prefer: 'return=representation' });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, string>;
    expect(body.fullname).toBe('Ewa Nowak');
    const etag = body['@odata.etag'];
    expect(etag).toMatch(/^W\/"\d+"$/);
    expect((await api('PATCH', `leads(${id})`, lead({ jobtitle: 'CEO' }))).status).toBe(204);
    expect(sb.records('leads').filter((r) => r.leadid === id)).toHaveLength(1);
    const createOnly = await api('PATCH', `leads(${id})`, lead(), { 'if-none-match': '*' });
    expect(createOnly.status).toBe(412);
    const stale = await api('PATCH', `leads(${id})`, lead(), { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('0x80060882');
    const missing = await api('PATCH', `leads(${crypto.randomUUID()})`, lead(), { 'if-match': '*' });
    expect(missing.status).toBe(404);
    // "If-None-Match: null" is the standard header, not a condition.
    expect((await api('PATCH', `leads(${id})`, lead(), { 'if-none-match': 'null' })).status).toBe(204);
  });

  it('answers validation errors with Dataverse codes', async () => {
    const tooLong = await api('POST', 'leads', lead({ lastname: 'x'.repeat(51) }));
    expect(tooLong.status).toBe(400);
    const e1 = ((await tooLong.json()) as { error: { code: string; message: string } }).error;
    expect(e1.code).toBe('0x80044331');
    expect(e1.message).toContain("maximum allowed length of '50'");
    const noLast = await api('POST', 'leads', { subject: 'x' });
    expect(noLast.status).toBe(400);
    const badOption = await api('POST', 'leads', lead({ leadsourcecode: 99 }));
    expect(((await badOption.json()) as { error: { code: string } }).error.code).toBe('0x8004431a');
    const badProp = await api('POST', 'leads', lead({ nonsense: 1 }));
    expect(((await badProp.json()) as { error: { code: string } }).error.code).toBe('0x80048d19');
    const badNav = await api('POST', 'annotations', { notetext: 'x', 'objectid_leadx@odata.bind': '/leads(00000000-0000-0000-0000-000000000000)' });
    expect(((await badNav.json()) as { error: { message: string } }).error.message).toContain('undeclared property');
  });

  it('applies duplicate rules only when asked, as 500 or 412', async () => {
    await api('POST', 'leads', lead({ emailaddress1: 'dup@x.example' }));
    expect((await api('POST', 'leads', lead({ emailaddress1: 'DUP@x.example' }))).status).toBe(204);
    const dup = await api('POST', 'leads', lead({ emailaddress1: 'dup@x.example' }), { 'MSCRM.SuppressDuplicateDetection': 'false' });
    expect(dup.status).toBe(500);
    expect(((await dup.json()) as { error: { code: string } }).error.code).toBe('0x80040333');
    sb.setApi({ duplicateStatus: 412 });
    expect((await api('POST', 'leads', lead({ emailaddress1: 'dup@x.example' }), { 'MSCRM.SuppressDuplicateDetection': 'false' })).status).toBe(412);
    sb.setApi({ duplicateStatus: 500 });
  });

  it('injects 429 with Retry-After, 5xx and dropped connections', async () => {
    sb.setFaults({ queue: ['429', '503', 'drop-before'], retryAfterSeconds: 7 });
    const t = await api('GET', 'WhoAmI');
    expect(t.status).toBe(429);
    expect(t.headers.get('retry-after')).toBe('7');
    expect((await api('GET', 'WhoAmI')).status).toBe(503);
    await expect(api('GET', 'WhoAmI')).rejects.toThrow();
    expect((await api('GET', 'WhoAmI')).status).toBe(200);
  });

  it('drop-after commits the write but loses the answer', async () => {
    const id = crypto.randomUUID();
    sb.setFaults({ queue: ['drop-after'] });
    await expect(api('PATCH', `leads(${id})`, lead())).rejects.toThrow();
    expect(sb.record('leads', id)).toBeTruthy();
  });

  it('disqualifies with statecode + statuscode and refuses invalid pairs', async () => {
    const id = crypto.randomUUID();
    await api('PATCH', `leads(${id})`, lead());
    expect((await api('PATCH', `leads(${id})`, { statecode: 2, statuscode: 3 })).status).toBe(400);
    expect((await api('PATCH', `leads(${id})`, { statecode: 2, statuscode: 6 })).status).toBe(204);
    expect(sb.record('leads', id)).toMatchObject({ statecode: 2, statuscode: 6 });
    expect((await api('PATCH', `leads(${id})`, { statecode: 1, statuscode: 3 })).status).toBe(400);
  });

  it('QualifyLead creates account, contact and opportunity linked to the lead', async () => {
    const id = crypto.randomUUID();
    await api('PATCH', `leads(${id})`, lead({ companyname: 'Qualico', telephone1: '+48 22 100 10 10', emailaddress1: 'ewa@qualico.example' }));
    const res = await api('POST', `leads(${id})/Microsoft.Dynamics.CRM.QualifyLead`, { CreateAccount: true, CreateContact: true, CreateOpportunity: true, Status: 3 });
    expect(res.status).toBe(200);
    const created = ((await res.json()) as { value: Array<Record<string, string>> }).value;
    expect(created.map((c) => c['@odata.type'])).toEqual(['#Microsoft.Dynamics.CRM.account', '#Microsoft.Dynamics.CRM.contact', '#Microsoft.Dynamics.CRM.opportunity']);
    const l = sb.record('leads', id)!;
    expect(l).toMatchObject({ statecode: 1, statuscode: 3, _qualifyingopportunityid_value: created[2].opportunityid });
    expect(sb.record('contacts', created[1].contactid)).toMatchObject({ managerphone: '+48 22 100 10 10', _parentcustomerid_value: created[0].accountid, _originatingleadid_value: id });
    const again = await api('POST', `leads(${id})/Microsoft.Dynamics.CRM.QualifyLead`, { CreateAccount: false, CreateContact: false, CreateOpportunity: false, Status: 3 });
    expect(again.status).toBe(400);
  });

  it('serves option-set metadata with localized labels and custom values', async () => {
    sb.setApi({ customOptions: { leadsourcecode: { 100000000: { en: 'Webinar', pl: 'Webinarium' } } } });
    const res = await api('GET', "EntityDefinitions(LogicalName='lead')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet($select=Options)");
    const body = (await res.json()) as { value: Array<{ LogicalName: string; OptionSet: { Options: Array<{ Value: number; Label: { LocalizedLabels: Array<{ Label: string; LanguageCode: number }> } }> } }> };
    const source = body.value.find((a) => a.LogicalName === 'leadsourcecode')!;
    const webinar = source.OptionSet.Options.find((o) => o.Value === 100000000)!;
    expect(webinar.Label.LocalizedLabels.find((l) => l.LanguageCode === 1045)?.Label).toBe('Webinarium');
    sb.setApi({ customOptions: {} });
  });

  it('$batch: change sets are atomic and Content-ID references work', async () => {
    const a = crypto.randomUUID();
    const boundary = 'batch_x';
    const cs = 'changeset_y';
    const part = (id: number, line: string, body: unknown) =>
      `--${cs}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: ${id}\r\n\r\n${line} HTTP/1.1\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}\r\n`;
    const good = `--${boundary}\r\nContent-Type: multipart/mixed; boundary=${cs}\r\n\r\n${part(1, `PATCH ${sb.serviceRoot}leads(${a})`, lead())}${part(2, 'POST tasks', { subject: 'Call back', 'regardingobjectid_lead_task@odata.bind': '$1' })}--${cs}--\r\n--${boundary}--\r\n`;
    const res = await api('POST', '$batch', undefined, { 'content-type': `multipart/mixed; boundary=${boundary}` });
    expect(res.status).toBe(400); // empty body
    const ok = await fetch(`${sb.serviceRoot}$batch`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/mixed; boundary=${boundary}` }, body: good });
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text.match(/HTTP\/1\.1 204/g)).toHaveLength(2);
    expect(sb.records('tasks').find((t) => t._regardingobjectid_value === a)).toBeTruthy();

    const b = crypto.randomUUID();
    const bad = `--${boundary}\r\nContent-Type: multipart/mixed; boundary=${cs}\r\n\r\n${part(1, `PATCH leads(${b})`, lead())}${part(2, 'POST tasks', { subject: 'x'.repeat(201), 'regardingobjectid_lead_task@odata.bind': '$1' })}--${cs}--\r\n--${boundary}--\r\n`;
    const failed = await fetch(`${sb.serviceRoot}$batch`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/mixed; boundary=${boundary}` }, body: bad });
    expect(failed.status).toBe(400);
    expect(await failed.text()).toContain('0x80044331');
    expect(sb.record('leads', b)).toBeUndefined();
  });

  it('connections create their reciprocal', async () => {
    const l = crypto.randomUUID();
    await api('PATCH', `leads(${l})`, lead());
    const contact = sb.records('contacts')[0];
    const role = sb.records('connectionroles').find((r) => r.name === 'Champion')!;
    const cid = crypto.randomUUID();
    const res = await api('PATCH', `connections(${cid})`, {
      'record1id_lead@odata.bind': `/leads(${l})`, 'record2id_contact@odata.bind': `/contacts(${contact.contactid})`, 'record2roleid@odata.bind': `/connectionroles(${role.connectionroleid})`,
    });
    expect(res.status).toBe(204);
    const both = sb.records('connections').filter((c) => c._record1id_value === l || c._record2id_value === l);
    expect(both).toHaveLength(2);
    expect(both.find((c) => c.connectionid !== cid)?._record1roleid_value).toBe(role.connectionroleid);
  });
});
