/**
 * The access token of one signed-in account, as the REST client asks for it before every request:
 * fixed for a pasted personal or bot token, kept fresh by a TokenRefresher for an OAuth account.
 * The session owns one per account it has a client for.
 */
import type * as vscode from 'vscode';
import type { AccountCredentials } from '../../services/accounts/accountRecords';
import { SignInRequiredError, type TokenRefresher } from '../../webex/oauth/tokenRefresher';
import type { TokenRecord } from '../../webex/oauth/tokens';
import { credentialsFromTokens, tokensFromCredentials } from '../oauth/oauthCredentials';
import { oauthRefresher } from '../oauth/oauthSignIn';

export interface AccountTokenHooks {
  /** Stores refreshed tokens in the account's secret. */
  store: (credentials: AccountCredentials) => Promise<void>;
  /** Reads the account's stored credentials again (another window may have refreshed). */
  reload: () => Promise<AccountCredentials | undefined>;
  /** The refresh token was refused or expired: the account needs a new sign-in (called once). */
  onSignInRequired: (error: SignInRequiredError) => void;
  /** Where token requests are logged (method, path, status; never a token). */
  log?: vscode.LogOutputChannel;
}

export class AccountToken {
  private readonly refresher: TokenRefresher | undefined;
  private fixed: string;
  /** Access tokens obtained by a refresh after a 401: a 401 for one of them means the grant is gone. */
  private readonly recovered = new Set<string>();

  constructor(secrets: vscode.SecretStorage, baseUrl: string, credentials: AccountCredentials, hooks: AccountTokenHooks) {
    this.fixed = credentials.accessToken;
    const grant = tokensFromCredentials(credentials);
    this.refresher = grant
      ? oauthRefresher(secrets, baseUrl, grant, {
          onRefreshed: (tokens) => hooks.store(credentialsFromTokens(tokens, grant.clientId)),
          onSignInRequired: hooks.onSignInRequired,
          reload: async () => tokensFromCredentials(await hooks.reload())?.tokens,
        }, hooks.log)
      : undefined;
  }

  /** Whether this account refreshes its token (signed in with OAuth). */
  get refreshes(): boolean {
    return this.refresher !== undefined;
  }

  /** The access token in use now (for the Accounts menu; never for logs). */
  get value(): string {
    return this.refresher ? this.refresher.tokens.accessToken : this.fixed;
  }

  /** For the client's `getToken`: refreshes first when due; rejects with SignInRequiredError when it cannot. */
  get(): Promise<string> | string {
    return this.refresher ? this.refresher.getAccessToken() : this.fixed;
  }

  /**
   * Takes the account's newly stored credentials (another window refreshed or signed in again)
   * without a new client; false when they are not of this kind (the caller builds a new client).
   */
  adopt(credentials: AccountCredentials): boolean {
    const grant = tokensFromCredentials(credentials);
    if (!this.refresher) {
      return grant === undefined && credentials.accessToken === this.fixed;
    }
    if (!grant) {
      return false;
    }
    this.refresher.replace(grant.tokens);
    return true;
  }

  /**
   * After a 401: an OAuth account refreshes once (the access token may have been revoked while the
   * grant still holds). Resolves true when a new token is in use; false when only a new sign-in helps
   * (a pasted token, a refused refresh, or a 401 again for a token such a refresh produced).
   */
  async recover(): Promise<boolean> {
    if (!this.refresher || this.refresher.signInRequired || this.recovered.has(this.refresher.tokens.accessToken)) {
      return false;
    }
    try {
      const next: TokenRecord = await this.refresher.refresh();
      this.recovered.add(next.accessToken);
      return true;
    } catch (error) {
      if (error instanceof SignInRequiredError) {
        return false;
      }
      throw error;
    }
  }
}
