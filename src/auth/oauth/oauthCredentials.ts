/**
 * How an OAuth account's tokens sit in its `webex.account.<id>` secret (services/accounts/accountRecords.ts:
 * the same JSON document as a pasted token's, with the OAuth fields added). Pure, no vscode.
 */
import type { AccountCredentials } from '../../services/accounts/accountRecords';
import { parseTokenRecord, type TokenRecord } from '../../webex/oauth/tokens';

export interface OAuthCredentials extends AccountCredentials {
  refreshToken: string;
  expiresAt: string;
  refreshTokenExpiresAt: string;
  scopes: string[];
  obtainedAt: string;
  /** The integration the tokens belong to: refreshes use it even if the setting changes later. */
  clientId: string;
}

export function credentialsFromTokens(tokens: TokenRecord, clientId: string): OAuthCredentials {
  return {
    version: 1,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
    scopes: [...tokens.scopes],
    obtainedAt: tokens.obtainedAt,
    clientId,
  };
}

/** The tokens and integration of stored credentials; undefined for a pasted token or anything unreadable. */
export function tokensFromCredentials(credentials: AccountCredentials | undefined): { tokens: TokenRecord; clientId: string } | undefined {
  const c = credentials as Partial<OAuthCredentials> | undefined;
  if (!c || typeof c.clientId !== 'string' || c.clientId === '') {
    return undefined;
  }
  const tokens = parseTokenRecord(c);
  return tokens ? { tokens, clientId: c.clientId } : undefined;
}
