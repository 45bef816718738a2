// The Dataverse Web API transport: standard OData headers on every request, the bearer token,
// one silent refresh on 401, and no other policy (retries belong to the sync engine).
import { AuthRequiredError, NetworkError } from './errors';

export interface TokenSource {
  /** A valid access token (refreshing silently when it is close to expiry). */
  getToken(): Promise<string>;
  /** A new access token even if the current one looks valid (after a 401). */
  refresh(): Promise<string>;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below the service root ("leads(…)") or absolute (an @odata.nextLink). */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface DataverseApi {
  /** https://org.crm.dynamics.com/api/data/v9.2/ */
  serviceRoot: string;
  send(req: ApiRequest): Promise<ApiResponse>;
  /** Requests sent, for progress and the bench. */
  readonly requestCount: number;
}

export const API_VERSION = 'v9.2';

export function serviceRootOf(environmentUrl: string): string {
  return `${new URL(environmentUrl).origin}/api/data/${API_VERSION}/`;
}

/** A request with no answer after this long is treated like a dropped connection. */
export const REQUEST_TIMEOUT_MS = 60_000;

export function createDataverseApi(environmentUrl: string, tokens: TokenSource, fetchFn: typeof fetch = (...a) => fetch(...a), timeoutMs = REQUEST_TIMEOUT_MS): DataverseApi {
  const serviceRoot = serviceRootOf(environmentUrl);
  let requestCount = 0;

  async function once(req: ApiRequest, token: string): Promise<ApiResponse> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'OData-MaxVersion': '4.0',
      'OData-Version': '4.0',
      // Keeps browser caches from answering a GET with a stale 304 (compose-http-requests-handle-errors.md).
      'If-None-Match': 'null',
      Authorization: `Bearer ${token}`,
      ...(req.body !== undefined ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
      ...req.headers,
    };
    requestCount++;
    let res: Response;
    let text: string;
    // A hung answer must not hold the queue: time out, and let the engine retry.
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    try {
      res = await fetchFn(/^https?:/.test(req.path) ? req.path : serviceRoot + req.path, { method: req.method, headers, body: req.body, signal });
      text = await res.text();
    } catch (err) {
      if (req.signal?.aborted) throw err;
      throw new NetworkError(timeout.aborted ? `No answer within ${timeoutMs / 1000} s` : err instanceof Error ? err.message : String(err), err);
    }
    return { status: res.status, headers: res.headers, text };
  }

  return {
    serviceRoot,
    get requestCount() {
      return requestCount;
    },
    async send(req) {
      const first = await once(req, await tokens.getToken());
      if (first.status !== 401) return first;
      // Expired or revoked access token: one silent refresh, then the rep has to sign in.
      const second = await once(req, await tokens.refresh());
      if (second.status === 401) throw new AuthRequiredError('Dynamics 365 refused the sign-in.', 'unauthorized');
      return second;
    },
  };
}
