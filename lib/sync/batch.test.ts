import { describe, expect, it } from 'vitest';
import { buildBatch, parseBatchResponse } from './batch';
import { classify } from './classify';

describe('$batch', () => {
  it('builds change sets with Content-IDs and absolute URLs', () => {
    const { body, contentType, operations } = buildBatch([
      { changeSet: [{ method: 'PATCH', path: 'leads(1)', body: { a: 1 } }, { method: 'POST', path: 'tasks', body: { 'x@odata.bind': '$1' } }] },
      { request: { method: 'GET', path: 'WhoAmI' } },
    ], 'https://org.crm.dynamics.com/api/data/v9.2/');
    const boundary = /boundary=(.+)$/.exec(contentType)![1];
    expect(operations).toBe(3);
    expect(body.startsWith(`--${boundary}\r\nContent-Type: multipart/mixed; boundary=changeset_`)).toBe(true);
    expect(body).toContain('Content-ID: 1\r\n\r\nPATCH https://org.crm.dynamics.com/api/data/v9.2/leads(1) HTTP/1.1');
    expect(body).toContain('Content-ID: 2');
    expect(body.trimEnd().endsWith(`--${boundary}--`)).toBe(true);
  });

  it('parses a successful change set, a failed one and a plain part (LF or CRLF)', () => {
    const text = [
      '--batchresponse_1', 'Content-Type: multipart/mixed; boundary=changesetresponse_a', '',
      '--changesetresponse_a', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', 'Content-ID: 1', '',
      'HTTP/1.1 200 OK', 'Content-Type: application/json', 'ETag: W/"5"', '', '{"@odata.etag":"W/\\"5\\"","statecode":0}',
      '--changesetresponse_a--',
      '--batchresponse_1', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', 'Content-ID: 4', '',
      'HTTP/1.1 412 Precondition Failed', 'Content-Type: application/json', '', '{"error":{"code":"0x80060882","message":"x"}}',
      '--batchresponse_1', 'Content-Type: application/http', '', 'HTTP/1.1 200 OK', '', '{"UserId":"u"}',
      '--batchresponse_1--', '',
    ];
    for (const eol of ['\r\n', '\n']) {
      const parts = parseBatchResponse(text.join(eol), 'multipart/mixed; boundary=batchresponse_1', [{ changeSet: [], key: 'a' }, { changeSet: [], key: 'b' }, { request: { method: 'GET', path: 'WhoAmI' } }]);
      expect(parts.map((p) => [p.key, p.ok, p.responses.map((r) => r.status)])).toEqual([['a', true, [200]], ['b', false, [412]], [undefined, true, [200]]]);
      expect(JSON.parse(parts[0].responses[0].body)).toMatchObject({ statecode: 0 });
      expect(parts[1].responses[0].contentId).toBe('4');
    }
  });

  it('refuses a truncated response', () => {
    expect(() => parseBatchResponse('--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}', 'multipart/mixed; boundary=b')).toThrow(/truncated/);
  });
});

describe('classify', () => {
  const body = (code: string, message = '') => JSON.stringify({ error: { code, message } });
  it('keys the duplicate error on its code, whether 500 or 412', () => {
    expect(classify(500, {}, body('0x80040333', 'A record was not created or updated because a duplicate of the current record already exists.'), { attempt: 0 })).toMatchObject({ kind: 'attention', problem: { code: 'duplicate' } });
    expect(classify(412, {}, body('0x80040333'), { attempt: 0 })).toMatchObject({ kind: 'attention', problem: { code: 'duplicate' } });
  });
  it('treats other 412s as conflicts and 5xx as retryable', () => {
    expect(classify(412, {}, body('0x80060882'), { attempt: 0 }).kind).toBe('conflict');
    expect(classify(503, {}, '', { attempt: 0, random: () => 1 })).toEqual({ kind: 'retry', delayMs: 1000, reason: 'server' });
    expect(classify(429, { 'retry-after': '3' }, body('0x80072322'), { attempt: 5 })).toEqual({ kind: 'retry', delayMs: 3000, reason: 'throttled' });
  });
  it('extracts the field and limit from a length error', () => {
    const msg = "A validation error occurred. The length of the 'companyname' attribute of the 'lead' entity exceeded the maximum allowed length of '100'.";
    expect(classify(400, {}, body('0x80044331', msg), { attempt: 0 })).toMatchObject({ problem: { code: 'max_length', field: 'companyname', max: '100' } });
  });
});
