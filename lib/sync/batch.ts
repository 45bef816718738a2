// $batch: builds multipart/mixed requests with change sets and parses the multipart response
// (execute-batch-operations-using-web-api.md). A failed change set answers with one part.
export interface BatchOperation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the service root, or "$<Content-ID>" inside a change set. */
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  contentId?: string;
}

/** A top-level part: one request, or an atomic change set. */
export type BatchPart = { changeSet: BatchOperation[]; key?: string } | { request: BatchOperation; key?: string };

export interface BatchResponsePart {
  status: number;
  headers: Record<string, string>;
  body: string;
  contentId?: string;
}

/** One entry per top-level part that was answered, in order. */
export interface BatchPartResult {
  key?: string;
  /** The responses of a successful change set, or the single failure response. */
  responses: BatchResponsePart[];
  ok: boolean;
}

const CRLF = '\r\n';
const uid = () => crypto.randomUUID();

function operationText(op: BatchOperation, serviceRoot: string, inChangeSet: boolean): string {
  const lines = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (op.contentId) lines.push(`Content-ID: ${op.contentId}`);
  const target = op.path.startsWith('$') ? op.path : serviceRoot + op.path;
  lines.push('', `${op.method} ${target} HTTP/1.1`);
  const headers: Record<string, string> = { ...(op.body !== undefined ? { 'Content-Type': 'application/json; type=entry' } : {}), ...op.headers };
  if (!inChangeSet && op.method === 'GET') headers.Accept ??= 'application/json';
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  lines.push('', op.body === undefined ? '' : JSON.stringify(op.body));
  return lines.join(CRLF);
}

export function buildBatch(parts: BatchPart[], serviceRoot: string): { body: string; contentType: string; operations: number } {
  const boundary = `batch_${uid()}`;
  let body = '';
  let operations = 0;
  for (const part of parts) {
    body += `--${boundary}${CRLF}`;
    if ('changeSet' in part) {
      const cs = `changeset_${uid()}`;
      body += `Content-Type: multipart/mixed; boundary=${cs}${CRLF}${CRLF}`;
      part.changeSet.forEach((op, i) => {
        body += `--${cs}${CRLF}${operationText({ ...op, contentId: op.contentId ?? String(i + 1) }, serviceRoot, true)}${CRLF}`;
        operations++;
      });
      body += `--${cs}--${CRLF}`;
    } else {
      body += `${operationText(part.request, serviceRoot, false)}${CRLF}`;
      operations++;
    }
  }
  body += `--${boundary}--${CRLF}`;
  return { body, contentType: `multipart/mixed; boundary=${boundary}`, operations };
}

function boundaryOf(contentType: string | undefined | null): string | undefined {
  return /boundary=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2];
}

function headerBlock(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

function split(text: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(text);
  return m ? [text.slice(0, m.index), text.slice(m.index + m[0].length)] : [text, ''];
}

function mimeParts(body: string, boundary: string): Array<{ headers: Record<string, string>; body: string }> {
  const esc = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const chunks = body.split(new RegExp(`\\r?\\n?--${esc}(?:--)?[ \\t]*(?:\\r?\\n|$)`));
  // chunks[0] is the preamble; the last is the epilogue after the closing delimiter.
  const closing = new RegExp(`--${esc}--`).test(body);
  if (!closing) throw new Error('The batch response is truncated (no closing boundary).');
  return chunks.slice(1, -1).map((c) => {
    const [head, rest] = split(c);
    return { headers: headerBlock(head), body: rest };
  });
}

function httpResponse(text: string, contentId?: string): BatchResponsePart {
  const [head, body] = split(text.replace(/^\s+/, ''));
  const [statusLine, ...headerLines] = head.split(/\r?\n/);
  const m = /^HTTP\/1\.1\s+(\d{3})/.exec(statusLine);
  if (!m) throw new Error(`Unexpected batch part: ${statusLine}`);
  return { status: Number(m[1]), headers: headerBlock(headerLines.join('\n')), body: body.replace(/\r?\n$/, ''), contentId };
}

/** Parses a $batch response. `keys` are the parts' keys in request order (answered parts come in order). */
export function parseBatchResponse(text: string, contentType: string | null, parts: BatchPart[] = []): BatchPartResult[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error('The $batch response is not multipart/mixed.');
  return mimeParts(text, boundary).map((p, i) => {
    const key = parts[i]?.key;
    const inner = boundaryOf(p.headers['content-type']);
    if (inner) {
      const responses = mimeParts(p.body, inner).map((op) => httpResponse(op.body, op.headers['content-id']));
      return { key, responses, ok: responses.every((r) => r.status < 400) };
    }
    const r = httpResponse(p.body, p.headers['content-id']);
    return { key, responses: [r], ok: r.status < 400 };
  });
}
