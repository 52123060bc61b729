/**
 * The `webex` AuthenticationProvider over the stored token, so the Accounts menu shows who is signed
 * in (and signs out from there), and other extensions can ask for the session with
 * `vscode.authentication.getSession('webex', [])` (after the user allows them).
 * Shape after microsoft/vscode-extension-samples `authenticationprovider-sample`.
 */
import * as vscode from 'vscode';
import { type WebexSession, toAuthSession } from './session';

export const AUTH_PROVIDER_ID = 'webex';
export const AUTH_PROVIDER_LABEL = 'Webex';

class WebexAuthenticationProvider implements vscode.AuthenticationProvider {
  readonly onDidChangeSessions: vscode.Event<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>;

  constructor(private readonly session: WebexSession) {
    this.onDidChangeSessions = session.onDidChangeSessions;
  }

  /** Scopes are not enforced: a pasted token carries whatever scopes it was issued with. */
  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    await this.session.ready();
    const account = this.session.account;
    const token = this.session.accessToken();
    return account && token ? [toAuthSession({ account, token })] : [];
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    await this.session.promptSignIn();
    const account = this.session.account;
    const token = this.session.accessToken();
    if (!account || !token) {
      // VS Code's contract for a declined sign-in.
      throw new vscode.CancellationError();
    }
    return toAuthSession({ account, token });
  }

  async removeSession(sessionId: string): Promise<void> {
    if (this.session.account?.id === sessionId) {
      await this.session.signOut('signed out from the Accounts menu');
    }
  }
}

export function registerAuthProvider(session: WebexSession): vscode.Disposable {
  return vscode.authentication.registerAuthenticationProvider(
    AUTH_PROVIDER_ID,
    AUTH_PROVIDER_LABEL,
    new WebexAuthenticationProvider(session),
    { supportsMultipleAccounts: false },
  );
}
