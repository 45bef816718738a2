// An Entra-like authorization server for the sandbox: /{tenant}/oauth2/v2.0/authorize and /token,
// authorization code + PKCE (S256 verified for real), refresh tokens with the fixed, non-sliding
// 24 h lifetime Entra gives single-page apps (dataverse.md §5), and the AADSTS errors clients meet.
import { createHash, randomBytes } from 'node:crypto';

export interface OAuthOptions {
  /** Tenants that exist (name or GUID). Default: any. */
  tenants?: string[];
  /** Registered application (client) IDs. Default: any. */
  clientIds?: string[];
  /** 'missing' answers like Entra when nobody consented to user_impersonation. */
  consent?: 'granted' | 'missing';
  /** Microsoft Graph Contacts.Read (issue #17): 'missing' until the rep consents on the sign-in page. */
  graphConsent?: 'granted' | 'missing';
  /** Entra rejects SPA code redemption without an Origin header (AADSTS9002327). */
  requireOrigin?: boolean;
  /** Access token lifetime in seconds (Entra: random 60–90 min). */
  accessTokenLifetime?: number;
  /** Refresh token lifetime for SPA registrations: 24 h, not extended by refreshing. */
  refreshTokenLifetime?: number;
  /** Whether the token response carries refresh_token_expires_in (clients must cope with both). */
  sendRefreshTokenExpiresIn?: boolean;
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}
interface RefreshGrant {
  clientId: string;
  scope: string;
  sessionExpiresAt: number;
  revoked: boolean;
}
export interface AccessGrant {
  scope: string;
  expiresAt: number;
  userId: string;
}

export interface OAuthResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';

const b64url = (buf: Buffer) => buf.toString('base64url');
const token = (prefix: string) => `${prefix}.${b64url(randomBytes(24))}`;

export class AuthorizationServer {
  readonly codes = new Map<string, CodeGrant>();
  readonly refreshTokens = new Map<string, RefreshGrant>();
  readonly accessTokens = new Map<string, AccessGrant>();
  /** What the last token request looked like (answers "does a service worker send Origin?"). */
  readonly tokenRequests: Array<{ grantType: string; origin: string | undefined; ok: boolean; error?: string }> = [];

  constructor(public options: OAuthOptions, private readonly now: () => number, private readonly userId: string) {}

  private knownTenant(t: string) {
    return !this.options.tenants || this.options.tenants.includes(t) || ['common', 'organizations'].includes(t);
  }

  authorize(tenant: string, query: URLSearchParams): OAuthResult {
    if (!this.knownTenant(tenant)) {
      return page(400, `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    }
    const clientId = query.get('client_id') ?? '';
    const redirectUri = query.get('redirect_uri') ?? '';
    if (this.options.clientIds && !this.options.clientIds.includes(clientId)) {
      return page(400, `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${tenant}'.`);
    }
    if (!/^https:\/\/[a-p]{32}\.chromiumapp\.org\/?/.test(redirectUri) && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(redirectUri)) {
      return page(400, `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`);
    }
    const state = query.get('state');
    const back = new URL(redirectUri);
    const redirect = (params: Record<string, string>) => {
      for (const [k, v] of Object.entries(params)) back.searchParams.set(k, v);
      if (state !== null) back.searchParams.set('state', state);
      return { status: 302, headers: { location: back.toString() }, body: '' };
    };
    if (query.get('response_type') !== 'code') {
      return redirect({ error: 'unsupported_response_type', error_description: 'AADSTS70005: response_type is not supported.' });
    }
    const challenge = query.get('code_challenge');
    if (!challenge || query.get('code_challenge_method') !== 'S256') {
      return redirect({ error: 'invalid_request', error_description: 'AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.' });
    }
    const scope = query.get('scope') ?? '';
    if (!/\/(user_impersonation|\.default|Contacts\.Read)\b/.test(scope)) {
      return redirect({ error: 'invalid_scope', error_description: `AADSTS70011: The provided value for the input parameter 'scope' is not valid: ${scope}` });
    }
    if (this.options.consent === 'missing') {
      return redirect({
        error: 'consent_required',
        error_description: `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`,
      });
    }
    // Incremental consent: the rep agrees to Contacts.Read on this page.
    if (scope.includes(GRAPH_ORIGIN)) this.options.graphConsent = 'granted';
    const code = token('code');
    this.codes.set(code, { clientId, redirectUri, challenge, scope, expiresAt: this.now() + 10 * 60_000, used: false });
    return redirect({ code, session_state: b64url(randomBytes(8)) });
  }

  token(form: URLSearchParams, origin: string | undefined): OAuthResult {
    const grantType = form.get('grant_type') ?? '';
    const result = this.tokenInner(grantType, form, origin);
    const error = result.status === 200 ? undefined : (JSON.parse(result.body) as { error: string }).error;
    this.tokenRequests.push({ grantType, origin, ok: result.status === 200, error });
    return result;
  }

  private tokenInner(grantType: string, form: URLSearchParams, origin: string | undefined): OAuthResult {
    const clientId = form.get('client_id') ?? '';
    if (this.options.requireOrigin !== false && !origin) {
      return oauthError(400, 'invalid_request', "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");
    }
    if (grantType === 'authorization_code') {
      const grant = this.codes.get(form.get('code') ?? '');
      if (!grant) return oauthError(400, 'invalid_grant', 'AADSTS70000: The provided authorization code is invalid.');
      if (grant.used) return oauthError(400, 'invalid_grant', 'AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
      if (grant.expiresAt < this.now()) return oauthError(400, 'invalid_grant', 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.');
      if (grant.clientId !== clientId) return oauthError(400, 'invalid_grant', 'AADSTS70000: The authorization code was issued to a different client.');
      if (grant.redirectUri !== form.get('redirect_uri')) return oauthError(400, 'invalid_grant', 'AADSTS50148: The redirect_uri does not match the one used to request the code.');
      const verifier = form.get('code_verifier') ?? '';
      if (!verifier) return oauthError(400, 'invalid_request', "AADSTS50148: The code_verifier is missing.");
      if (b64url(createHash('sha256').update(verifier).digest()) !== grant.challenge) {
        return oauthError(400, 'invalid_grant', 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.');
      }
      grant.used = true;
      return this.issue(clientId, grant.scope, this.now() + (this.options.refreshTokenLifetime ?? 86_400) * 1000);
    }
    if (grantType === 'refresh_token') {
      const grant = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grant || grant.revoked) return oauthError(400, 'invalid_grant', 'AADSTS9002313: Invalid request. Request is malformed or invalid.');
      if (grant.clientId !== clientId) return oauthError(400, 'invalid_grant', 'AADSTS700005: Provided refresh token is not for this client.');
      if (grant.sessionExpiresAt <= this.now()) {
        return oauthError(400, 'invalid_grant', 'AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.');
      }
      const scope = form.get('scope') || grant.scope;
      if (scope.includes(GRAPH_ORIGIN) && this.options.graphConsent !== 'granted') {
        return oauthError(400, 'invalid_grant', `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}' named 'LeadClip'. Send an interactive authorization request for this user and resource.`);
      }
      return this.issue(clientId, scope, grant.sessionExpiresAt);
    }
    return oauthError(400, 'unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${grantType}'.`);
  }

  private issue(clientId: string, scope: string, sessionExpiresAt: number): OAuthResult {
    const lifetime = this.options.accessTokenLifetime ?? 3600 + Math.floor(Math.random() * 1800);
    const access = token('at');
    const refresh = token('rt');
    this.accessTokens.set(access, { scope, expiresAt: this.now() + lifetime * 1000, userId: this.userId });
    this.refreshTokens.set(refresh, { clientId, scope, sessionExpiresAt, revoked: false });
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: scope.split(' ').filter((s) => s !== 'offline_access' && s !== 'openid' && s !== 'profile').join(' '),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: access,
      refresh_token: refresh,
    };
    if (this.options.sendRefreshTokenExpiresIn) body.refresh_token_expires_in = Math.max(0, Math.floor((sessionExpiresAt - this.now()) / 1000));
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(body) };
  }

  /** The access grant for a bearer token, if it is known, unexpired and meant for `audience`. */
  check(bearer: string | undefined, audience: string): AccessGrant | 'expired' | undefined {
    const grant = bearer ? this.accessTokens.get(bearer) : undefined;
    if (!grant) return undefined;
    if (grant.expiresAt <= this.now()) return 'expired';
    const aud = audience.replace(/\/$/, '');
    if (!grant.scope.split(' ').some((s) => s.startsWith(`${aud}/`))) return undefined;
    return grant;
  }

  expireAccessTokens(): void {
    for (const g of this.accessTokens.values()) g.expiresAt = 0;
  }

  expireRefreshTokens(): void {
    for (const g of this.refreshTokens.values()) g.sessionExpiresAt = 0;
  }
}

function oauthError(status: number, error: string, description: string): OAuthResult {
  const code = Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0);
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ error, error_description: description, error_codes: [code], timestamp: new Date().toISOString() }),
  };
}

function page(status: number, message: string): OAuthResult {
  const esc = message.replace(/[<&>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><title>Sign in</title><h1>Sorry, but we're having trouble signing you in.</h1><p id="error">${esc}</p>` };
}
