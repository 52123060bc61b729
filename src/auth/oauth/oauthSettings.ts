/**
 * Settings of "Sign in with Webex (OAuth)": the user's own integration, registered on
 * developer.webex.com (README "Sign in with your own Webex integration").
 */
import * as vscode from 'vscode';

export const OAuthSetting = {
  clientId: 'webex.oauth.clientId',
  scopes: 'webex.oauth.scopes',
  redirectPort: 'webex.oauth.redirectPort',
} as const;

/**
 * What the extension does with a user's Webex: read people, spaces, memberships, messages, teams
 * and team memberships, and write spaces, memberships, messages, teams and team memberships (scope
 * names as webex-js-sdk's `.env.default` lists them), plus `spark:kms` and `spark:all`, which the
 * websocket for live updates needs (webex-js-sdk `@webex/plugin-messages`: `messages.listen()` needs
 * both scopes).
 */
export const DEFAULT_OAUTH_SCOPES: readonly string[] = Object.freeze([
  'spark:people_read',
  'spark:rooms_read',
  'spark:rooms_write',
  'spark:memberships_read',
  'spark:memberships_write',
  'spark:messages_read',
  'spark:messages_write',
  'spark:teams_read',
  'spark:teams_write',
  'spark:team_memberships_read',
  'spark:team_memberships_write',
  'spark:kms',
  'spark:all',
]);

/**
 * A fixed port, because an integration's redirect URIs are registered exactly on the developer
 * portal (whether Webex accepts any port for loopback redirects, as RFC 8252 §7.3 asks, is
 * [UNVERIFIED]). Below the Linux ephemeral range, so an outgoing connection rarely holds it.
 */
export const DEFAULT_REDIRECT_PORT = 28473;
export const REDIRECT_PATH = '/oauth/callback';

export interface OAuthSettings {
  /** Empty when not configured yet. */
  clientId: string;
  scopes: string[];
  redirectPort: number;
}

export function readOAuthSettings(): OAuthSettings {
  const config = vscode.workspace.getConfiguration();
  const scopes = config.get<unknown>(OAuthSetting.scopes);
  const port = config.get<unknown>(OAuthSetting.redirectPort);
  return {
    clientId: (config.get<string>(OAuthSetting.clientId) ?? '').trim(),
    scopes:
      Array.isArray(scopes) && scopes.length > 0 && scopes.every((s) => typeof s === 'string' && s.trim() !== '')
        ? scopes.map((s: string) => s.trim())
        : [...DEFAULT_OAUTH_SCOPES],
    redirectPort: typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_REDIRECT_PORT,
  };
}

/** The loopback redirect URI for a port (before `env.asExternalUri`). */
export function loopbackRedirectUri(port: number): string {
  return `http://127.0.0.1:${port}${REDIRECT_PATH}`;
}
