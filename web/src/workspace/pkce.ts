// PKCE (RFC 7636, S256 only) and the addresses of the OpenID Connect authorization code flow. Pure functions
// apart from the random values, so that unit tests can check them.

/** base64url without padding (RFC 4648 §5), as PKCE and JWTs use it. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string of base64url characters from `bytes` random bytes (32 bytes: a 43-character verifier). */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** BASE64URL(SHA-256(ASCII(verifier))): the S256 code challenge. */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export interface AuthConfig {
  /** Cognito's domain (https://<prefix>.auth.<region>.amazoncognito.com) or /local/auth, without a trailing slash. */
  authUrl: string;
  clientId: string;
  /** Where the issuer sends the browser back: <origin>/workspace/. */
  redirectUri: string;
}

export function authorizeUrl(config: AuthConfig, state: string, challenge: string): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${config.authUrl}/oauth2/authorize?${query}`;
}

export function tokenRequestBody(config: AuthConfig, code: string, verifier: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: config.redirectUri,
    client_id: config.clientId,
    code_verifier: verifier,
  });
}

export function logoutUrl(config: AuthConfig): string {
  return `${config.authUrl}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri })}`;
}

/** The claims of a JWT, read without verifying it (the API verifies; the page only needs `exp`). */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** When the token expires, in milliseconds since the epoch; from `exp`, else from `expires_in`. */
export function expiresAt(idToken: string, expiresIn: number | undefined, now: number): number {
  try {
    const exp = jwtClaims(idToken).exp;
    if (typeof exp === 'number') return exp * 1000;
  } catch {
    // not a readable JWT: fall back to expires_in
  }
  return now + (expiresIn ?? 3600) * 1000;
}
