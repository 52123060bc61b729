/**
 * `webex.signIn` as the user sees it: how to sign in, then the token prompt or the OAuth browser
 * flow, progress while Webex checks, and one message at the end (signed in, or why not).
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../../services/accounts/accountRecords';
import { runOAuthSignIn, type OAuthDeps, type OAuthGrant } from '../oauth/oauthSignIn';
import { SignInError, promptForToken } from '../signInPrompt';
import { chooseSignInMethod, promptForBotToken, type SignInMethod } from './signInMethods';

/** What the flow needs of the session. */
export interface SignInTarget {
  readonly apiBaseUrl: string;
  signInWithToken(rawToken: string): Promise<AccountInfo>;
  signInWithOAuth(grant: OAuthGrant): Promise<AccountInfo>;
}

/** Runs one interactive sign-in; the account, or undefined when cancelled or failed (already shown). */
export async function interactiveSignIn(deps: OAuthDeps, target: SignInTarget, method?: SignInMethod): Promise<AccountInfo | undefined> {
  const chosen = method ?? (await chooseSignInMethod(deps.prompts));
  if (chosen === undefined) {
    return undefined;
  }
  try {
    let account: AccountInfo;
    if (chosen === 'oauth') {
      const grant = await runOAuthSignIn(deps, target.apiBaseUrl);
      if (!grant) {
        return undefined;
      }
      account = await checking(vscode.l10n.t('Checking the sign-in with Webex…'), () => target.signInWithOAuth(grant));
    } else {
      const token =
        chosen === 'bot' ? await promptForBotToken(deps.prompts, target.apiBaseUrl) : await promptForToken(deps.prompts, target.apiBaseUrl);
      if (token === undefined) {
        return undefined;
      }
      account = await checking(vscode.l10n.t('Checking the token with Webex…'), () => target.signInWithToken(token));
    }
    const bot = account.personType === 'bot' ? ' This is a bot: in group spaces it sees only the messages that mention it.' : '';
    void deps.prompts.notify('info', vscode.l10n.t('Signed in to Webex as {0}.{1}', account.displayName, bot));
    return account;
  } catch (error) {
    if (error instanceof SignInError) {
      void deps.prompts.notify('error', error.message);
    } else {
      deps.errors.show(error, 'Could not sign in to Webex');
    }
    return undefined;
  }
}

function checking<T>(title: string, task: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task));
}
