// Apart from pkce.ts (and its OAuth library) so the background can tell at wake-up whether it is
// signed in without loading the sign-in code (issue #15).
import type { AuthConfig, StoredTokens } from './pkce';

/** Were these tokens issued for this configuration (same authority, tenant, app and environment)? */
export function issuedBy(tokens: StoredTokens, cfg: Pick<AuthConfig, 'authority' | 'tenant' | 'clientId' | 'environmentUrl'>): boolean {
  return !!tokens.authority && tokens.authority === cfg.authority && tokens.tenant === cfg.tenant
    && tokens.clientId === cfg.clientId && tokens.environmentUrl === cfg.environmentUrl;
}

/** The session's "signed in": tokens for this configuration whose refresh token still lives. */
export function signedInWith(tokens: StoredTokens | undefined, cfg: Pick<AuthConfig, 'authority' | 'tenant' | 'clientId' | 'environmentUrl'> | undefined, now: number): tokens is StoredTokens {
  return !!tokens && !!cfg && issuedBy(tokens, cfg) && tokens.refreshTokenExpiresAt > now;
}
