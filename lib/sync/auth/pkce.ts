// OAuth 2.0 authorization code + PKCE against Entra ID (or the sandbox), with oauth4webapi,
// which runs in an MV3 service worker where MSAL.js cannot (dataverse.md §5). The browser part
// (chrome.identity.launchWebAuthFlow) is injected as `launch` so Node tests drive the same code.
import * as oauth from 'oauth4webapi';
import { issuedBy } from './issued-by';

export { issuedBy };

export interface AuthConfig {
  /** https://login.microsoftonline.com, or the sandbox's origin. */
  authority: string;
  tenant: string;
  clientId: string;
  environmentUrl: string;
  /** chrome.identity.getRedirectURL() */
  redirectUri: string;
  /** Another resource's scope (Microsoft Graph, issue #17); the environment's by default. */
  scope?: string;
}

export interface StoredTokens {
  accessToken: string;
  /** Epoch ms. */
  accessTokenExpiresAt: number;
  refreshToken?: string;
  /** Epoch ms: SPA refresh tokens live 24 h from sign-in, fixed (not extended by refreshing). */
  refreshTokenExpiresAt: number;
  scope: string;
  environmentUrl: string;
  clientId: string;
  tenant: string;
  /** The authority that issued these tokens: a refresh goes there and nowhere else (issue #18).
   * Missing on tokens stored before it was recorded: those need a new sign-in. */
  authority?: string;
  signedInAt: number;
}

/** Opens the sign-in page and resolves with the URL Entra redirected back to. */
export type LaunchWebAuthFlow = (url: string) => Promise<string>;

export type SignInErrorCode =
  | 'consent_required' | 'unknown_tenant' | 'unknown_client' | 'redirect_uri' | 'cancelled'
  | 'origin_required' | 'refresh_expired' | 'invalid_grant' | 'offline' | 'failed';

export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode, message: string) {
    super(message);
  }
}

export const SPA_REFRESH_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function authorizationServer(cfg: Pick<AuthConfig, 'authority' | 'tenant'>): oauth.AuthorizationServer {
  const base = `${cfg.authority.replace(/\/$/, '')}/${encodeURIComponent(cfg.tenant)}`;
  return { issuer: `${base}/v2.0`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, token_endpoint: `${base}/oauth2/v2.0/token` };
}

export function scopeFor(environmentUrl: string): string {
  return `${new URL(environmentUrl).origin}/user_impersonation offline_access`;
}

function requestOptions(cfg: AuthConfig, fetchFn: typeof fetch, scope: string): oauth.TokenEndpointRequestOptions {
  return {
    // Only the local sandbox is plain http (127.0.0.1); Entra is always https.
    [oauth.allowInsecureRequests]: new URL(cfg.authority).protocol === 'http:',
    [oauth.customFetch]: fetchFn,
    additionalParameters: { scope },
  };
}

/** Maps Entra's AADSTS codes to what the rep can do about them. */
export function signInErrorFrom(error: string, description = ''): SignInError {
  const aad = /AADSTS(\d+)/.exec(description)?.[1];
  const code: SignInErrorCode =
    error === 'consent_required' || aad === '65001' ? 'consent_required'
      : aad === '90002' ? 'unknown_tenant'
        : aad === '700016' ? 'unknown_client'
          : aad === '50011' ? 'redirect_uri'
            : aad === '9002327' || aad === '9002326' ? 'origin_required'
              : aad === '700084' || aad === '700082' || aad === '70008' ? 'refresh_expired'
                : error === 'access_denied' ? 'cancelled'
                  : error === 'invalid_grant' ? 'invalid_grant' : 'failed';
  return new SignInError(code, description || error);
}

function toTokens(cfg: AuthConfig, r: oauth.TokenEndpointResponse, now: number, sessionExpiresAt?: number): StoredTokens {
  const rtLife = typeof r.refresh_token_expires_in === 'number' ? now + r.refresh_token_expires_in * 1000 : undefined;
  return {
    accessToken: r.access_token,
    accessTokenExpiresAt: now + (r.expires_in ?? 3600) * 1000,
    refreshToken: r.refresh_token,
    // Entra may or may not say refresh_token_expires_in; without it, 24 h from sign-in (SPA).
    refreshTokenExpiresAt: rtLife ?? sessionExpiresAt ?? now + SPA_REFRESH_LIFETIME_MS,
    scope: r.scope ?? scopeFor(cfg.environmentUrl),
    environmentUrl: cfg.environmentUrl,
    clientId: cfg.clientId,
    tenant: cfg.tenant,
    authority: cfg.authority,
    signedInAt: now,
  };
}

async function rethrow(err: unknown): Promise<never> {
  if (err instanceof SignInError) throw err;
  if (err instanceof oauth.ResponseBodyError || err instanceof oauth.AuthorizationResponseError) {
    throw signInErrorFrom(err.error, err.error_description ?? '');
  }
  if (err instanceof TypeError) throw new SignInError('offline', err.message);
  throw new SignInError('failed', err instanceof Error ? err.message : String(err));
}

export async function signInWithPkce(cfg: AuthConfig, launch: LaunchWebAuthFlow, fetchFn: typeof fetch = fetch, now = Date.now): Promise<StoredTokens> {
  const as = authorizationServer(cfg);
  const client: oauth.Client = { client_id: cfg.clientId };
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  const state = oauth.generateRandomState();
  const scope = cfg.scope ? `${cfg.scope} offline_access` : scopeFor(cfg.environmentUrl);
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: cfg.clientId, response_type: 'code', redirect_uri: cfg.redirectUri, response_mode: 'query',
    scope, state, code_challenge: challenge, code_challenge_method: 'S256', prompt: 'select_account',
  }).toString();
  try {
    let redirected: string;
    try {
      redirected = await launch(url.href);
    } catch (err) {
      throw new SignInError('cancelled', err instanceof Error ? err.message : String(err));
    }
    const back = new URL(redirected);
    const error = back.searchParams.get('error');
    if (error) throw signInErrorFrom(error, back.searchParams.get('error_description') ?? '');
    const params = oauth.validateAuthResponse(as, client, back, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, cfg.redirectUri, verifier, requestOptions(cfg, fetchFn, scope));
    const result = await oauth.processAuthorizationCodeResponse(as, client, response);
    return toTokens(cfg, result, now());
  } catch (err) {
    return rethrow(err);
  }
}

/**
 * Issue #17: the sign-in made for the discovery service, turned into tokens for the environment
 * the rep picked, without a second sign-in page: Entra's refresh tokens serve any resource the
 * app may use. Only to the authority that issued them, and only for the same tenant and app.
 */
export async function redeemForEnvironment(cfg: AuthConfig, tokens: StoredTokens, fetchFn: typeof fetch = fetch, now = Date.now): Promise<StoredTokens> {
  // The same app and authority, another resource: the environment differs by design.
  const sameSignIn = !!tokens.authority && tokens.authority === cfg.authority && tokens.tenant === cfg.tenant && tokens.clientId === cfg.clientId;
  return redeemRefreshToken(cfg, tokens, sameSignIn, scopeFor(cfg.environmentUrl), fetchFn, now);
}

export async function refreshWithToken(cfg: AuthConfig, tokens: StoredTokens, fetchFn: typeof fetch = fetch, now = Date.now): Promise<StoredTokens> {
  // Only to the authority that issued the refresh token, whatever the settings say now.
  const scope = tokens.scope.includes('offline_access') ? tokens.scope : `${tokens.scope} offline_access`;
  return redeemRefreshToken(cfg, tokens, issuedBy(tokens, cfg), scope, fetchFn, now);
}

/** One refresh-token grant; the new tokens never outlive the 24-hour sign-in they came from. */
async function redeemRefreshToken(cfg: AuthConfig, tokens: StoredTokens, issuerMatches: boolean, scope: string, fetchFn: typeof fetch, now: () => number): Promise<StoredTokens> {
  if (!tokens.refreshToken || tokens.refreshTokenExpiresAt <= now()) throw new SignInError('refresh_expired', 'The 24-hour sign-in has expired.');
  if (!issuerMatches) throw new SignInError('refresh_expired', 'These tokens were issued for another sign-in.');
  const as = authorizationServer({ authority: tokens.authority!, tenant: tokens.tenant });
  const client: oauth.Client = { client_id: tokens.clientId };
  try {
    const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refreshToken, requestOptions(cfg, fetchFn, scope));
    const result = await oauth.processRefreshTokenResponse(as, client, response);
    const next = toTokens(cfg, result, now(), tokens.refreshTokenExpiresAt);
    // Never let a missing field extend the original expiry.
    next.refreshTokenExpiresAt = Math.min(next.refreshTokenExpiresAt, tokens.refreshTokenExpiresAt);
    next.refreshToken ??= tokens.refreshToken;
    next.signedInAt = tokens.signedInAt;
    return next;
  } catch (err) {
    return rethrow(err);
  }
}
