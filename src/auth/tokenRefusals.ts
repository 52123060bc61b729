/**
 * What a refused token means for the signed-in account, decided in this one place. A 401 of the
 * current client (Webex's answer to a missing, expired or revoked token) makes an OAuth account
 * refresh once; a pasted token, a refused refresh, or a 401 again for a token such a refresh produced
 * ends the account: it is signed out and the user is asked once to sign in again. Later refusals of
 * the same client stay quiet, so a burst of failing requests is one prompt, not a storm.
 */
import type { WebexClient } from '../webex/client';
import type { WebexApiError } from '../webex/errors';
import type { AccountInfo } from '../services/accounts/accountRecords';
import type { Prompts } from '../extensionServices';
import type { AccountToken } from './accounts/accountToken';
import * as vscode from 'vscode';

/** The signed-in account as the session holds it. */
export interface Connection {
  account: AccountInfo;
  token: AccountToken;
  client: WebexClient;
}

export interface TokenRefusalsOptions {
  log: vscode.LogOutputChannel;
  prompts: Prompts;
  /** The session's current connection (refusals of any other client are old news). */
  current(): Connection | undefined;
  signOut(reason: string, accountId: string): Promise<void>;
  promptSignIn(): Promise<unknown>;
}

export class TokenRefusals {
  /** The client whose refusal was already acted on; later 401s of it stay quiet (no storm). */
  private expiredClient: WebexClient | undefined;

  constructor(private readonly options: TokenRefusalsOptions) {}

  /** A 401 of `client`: an OAuth account refreshes once; otherwise (or if that fails) it expires. */
  unauthorized(client: WebexClient, token: AccountToken, error: WebexApiError): void {
    if (!this.isCurrent(client)) {
      return;
    }
    const { log } = this.options;
    token.recover().then(
      (recovered) => {
        if (recovered) {
          log.info(`Webex refused the access token (401 ${error.method} ${error.path}); refreshed it`);
        } else {
          this.expire(client, `the token was refused (401 ${error.method} ${error.path})`);
        }
      },
      (failure: unknown) => log.warn(`Could not refresh the Webex token after a 401: ${String(failure)}`),
    );
  }

  /** An OAuth refresh was refused for `token`: only a new sign-in helps. */
  signInRequired(token: AccountToken, why: string): void {
    // By token, not client: a proxy change gives the same account (and token) a new client.
    const current = this.options.current();
    if (current?.token === token) {
      this.expire(current.client, why);
    }
  }

  /** Once per client: forget the account and ask once to sign in again. */
  private expire(client: WebexClient, why: string): void {
    const current = this.options.current();
    if (!current || !this.isCurrent(client)) {
      return;
    }
    this.expiredClient = client;
    const { account } = current;
    const { log, prompts } = this.options;
    log.warn(`Webex refused the sign-in of ${account.displayName}: ${why}; signing out of that account`);
    void this.options.signOut('the token was refused', account.id).then(async () => {
      const signIn = vscode.l10n.t('Sign In');
      const choice = await prompts.notify('warning', vscode.l10n.t('Your Webex session has expired or was revoked. Sign in again to continue.'), signIn);
      if (choice === signIn) {
        await this.options.promptSignIn();
      }
    });
  }

  private isCurrent(client: WebexClient): boolean {
    return client === this.options.current()?.client && this.expiredClient !== client;
  }
}
