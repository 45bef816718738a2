// Serves the webmail fixture pages under the real clients' hosts and paths: HTTPS on 127.0.0.1
// with a throwaway self-signed certificate made at test time (these hosts are HSTS-preloaded),
// and Chromium flags that send the hosts to it and accept the certificate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WEBMAIL_HOSTS = ['mail.google.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.live.com'];

export interface WebmailServer {
  port: number;
  /** https://<host>:<port><path> */
  url(host: string, path: string): string;
  /** Chromium arguments mapping the hosts to this server. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

function throwawayCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'leadclip-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=leadclip-e2e',
      '-addext', `subjectAltName=${WEBMAIL_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startWebmailServer(): Promise<WebmailServer> {
  const fixtures = resolve('tests/fixtures/webmail');
  const page = (name: string) => readFileSync(join(fixtures, `${name}.html`), 'utf8');
  const server: Server = createServer(throwawayCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    let body: string | undefined;
    if (host === 'mail.google.com' && /^\/mail\/u\/\d+\/?$/.test(path)) body = page('gmail');
    else if (host !== 'mail.google.com' && WEBMAIL_HOSTS.includes(host) && path.startsWith('/mail/')) body = page('outlook');
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (host, path) => `https://${host}:${port}${path}`,
    chromiumArgs: [
      `--host-resolver-rules=${WEBMAIL_HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
    ],
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
