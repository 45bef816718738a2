// multipart/mixed as $batch uses it: parts separated by --boundary, each an embedded HTTP message
// (application/http) or a nested change set (multipart/mixed). CRLF per RFC 2046; LF tolerated.
export interface MimePart {
  headers: Record<string, string>;
  body: string;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '');
  return m?.[2];
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

/** Splits a header block from its body at the first empty line. */
export function splitHead(text: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return [text, ''];
  return [text.slice(0, m.index), text.slice(m.index + m[0].length)];
}

export function parseMultipart(body: string, boundary: string): MimePart[] {
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(--)?[ \\t]*(?:\\r?\\n|$)`, 'g');
  const parts: MimePart[] = [];
  let last: number | undefined;
  let closed = false;
  for (let m = delimiter.exec(body); m; m = delimiter.exec(body)) {
    if (last !== undefined) {
      const [head, rest] = splitHead(body.slice(last, m.index));
      parts.push({ headers: parseHeaders(head), body: rest });
    }
    last = m.index + m[0].length;
    if (m[1]) { closed = true; break; }
  }
  if (!closed) throw new Error('multipart body has no closing delimiter');
  return parts;
}

export interface HttpMessageRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string;
}

export function parseHttpRequest(text: string): HttpMessageRequest {
  const [head, body] = splitHead(text.replace(/^\s+/, ''));
  const [requestLine, ...headerLines] = head.split(/\r?\n/);
  const m = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/1\.1)?$/.exec(requestLine.trim());
  if (!m) throw new Error(`bad request line: ${requestLine}`);
  return { method: m[1], target: m[2], headers: parseHeaders(headerLines.join('\n')), body: body.replace(/\r?\n$/, '') };
}

const reasons: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 412: 'Precondition Failed', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

export function formatHttpResponse(status: number, headers: Record<string, string>, body?: string): string {
  const lines = [`HTTP/1.1 ${status} ${reasons[status] ?? ''}`.trim()];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

export function formatMultipart(boundary: string, parts: Array<{ headers: Record<string, string>; body: string }>): string {
  let out = '';
  for (const p of parts) {
    out += `--${boundary}\r\n`;
    for (const [k, v] of Object.entries(p.headers)) out += `${k}: ${v}\r\n`;
    out += `\r\n${p.body}\r\n`;
  }
  return `${out}--${boundary}--\r\n`;
}
