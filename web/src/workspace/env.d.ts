/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** The OpenID Connect issuer's hosted UI: Cognito's domain in AWS, /local/auth on the local system. */
  readonly VITE_WORKSPACE_AUTH_URL?: string;
  /** The app client's id (Cognito app client; integra-local-clients locally). */
  readonly VITE_WORKSPACE_CLIENT_ID?: string;
  /** The monitoring API's base URL; empty: the page's own origin. */
  readonly VITE_MONITORING_API_URL?: string;
}
