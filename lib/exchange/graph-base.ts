// Where Microsoft Graph is for this connection, and the host permission that reaches it. The local
// sandbox plays Graph too in test and sandbox builds (as it plays Dataverse and Entra ID there).
import { SANDBOX_ALLOWED } from '../sync/settings';

export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0/';

export function graphBaseFor(environmentUrl: string, loopback: boolean = SANDBOX_ALLOWED): string {
  const origin = environmentUrl ? new URL(environmentUrl).origin : '';
  return loopback && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin) ? `${origin}/graph/v1.0/` : GRAPH_BASE;
}

/** The optional host permission asked for when the rep first imports from Exchange. */
export function graphHostPattern(environmentUrl: string, loopback: boolean = SANDBOX_ALLOWED): string {
  const u = new URL(graphBaseFor(environmentUrl, loopback));
  return `${u.protocol}//${u.hostname}/*`;
}
