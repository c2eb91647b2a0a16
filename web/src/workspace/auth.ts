// Signing in with the OpenID Connect authorization code flow and PKCE (S256). Tokens live in memory only (this
// module's variable): a reload or a new tab signs in again. The verifier, the state and the view to come back to
// are kept in sessionStorage for the round trip to the issuer only, and deleted as soon as the code is redeemed.
import { authorizeUrl, expiresAt, logoutUrl, randomToken, s256Challenge, tokenRequestBody, type AuthConfig } from './pkce';

const PENDING = 'integra.workspace.signin';

export interface Session {
  idToken: string;
  expiresAt: number;
}

let session: Session | undefined;

export function currentSession(): Session | undefined {
  return session;
}

/** True when there is a token that has not expired (with 10 s to spare). */
export function hasValidSession(now = Date.now()): boolean {
  return session !== undefined && session.expiresAt - 10_000 > now;
}

export function forgetSession(): void {
  session = undefined;
}

export function authConfig(): AuthConfig {
  const authUrl = (import.meta.env.VITE_WORKSPACE_AUTH_URL ?? '/local/auth').replace(/\/$/, '');
  return {
    authUrl: authUrl.startsWith('/') ? `${location.origin}${authUrl}` : authUrl,
    clientId: import.meta.env.VITE_WORKSPACE_CLIENT_ID ?? 'integra-local-clients',
    redirectUri: `${location.origin}/workspace/`,
  };
}

/** Goes to the issuer's sign-in; `returnTo` (a hash such as #report/LT-57/2026-Q4) is where to come back. */
export async function startSignIn(returnTo: string): Promise<void> {
  const verifier = randomToken(48);
  const state = randomToken(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  location.assign(authorizeUrl(authConfig(), state, await s256Challenge(verifier)));
}

export class SignInError extends Error {}

/**
 * Back from the issuer with ?code=&state= (or ?error=): redeems the code, removes it from the address and
 * returns the view to show. Undefined when the address carries no answer from the issuer.
 */
export async function completeSignIn(): Promise<string | undefined> {
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  const error = query.get('error');
  if (!code && !error) return undefined;
  const pending = readPending();
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${pending?.returnTo ?? ''}`);
  if (error) throw new SignInError(error);
  if (!pending || pending.state !== query.get('state')) throw new SignInError('state');
  const response = await fetch(`${authConfig().authUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: tokenRequestBody(authConfig(), code!, pending.verifier),
    credentials: 'omit',
  });
  if (!response.ok) throw new SignInError(`token ${response.status}`);
  const tokens = await response.json() as { id_token?: string; expires_in?: number };
  if (!tokens.id_token) throw new SignInError('no id_token');
  session = { idToken: tokens.id_token, expiresAt: expiresAt(tokens.id_token, tokens.expires_in, Date.now()) };
  return pending.returnTo;
}

function readPending(): { verifier: string; state: string; returnTo: string } | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export function signOut(): void {
  session = undefined;
  location.assign(logoutUrl(authConfig()));
}
