/**
 * The `webex` AuthenticationProvider over the stored accounts, so the Accounts menu shows every
 * signed-in Webex account of the current cloud (and signs out of each from there), and other
 * extensions can ask for a session with `vscode.authentication.getSession('webex', [])` (after the
 * user allows them). Shape after microsoft/vscode-extension-samples `authenticationprovider-sample`:
 * `onDidChangeSessions` reports sessions added, removed and changed (a refreshed OAuth token).
 */
import * as vscode from 'vscode';
import type { AccountInfo } from '../services/accounts/accountRecords';
import type { WebexSession } from './session';

export const AUTH_PROVIDER_ID = 'webex';
export const AUTH_PROVIDER_LABEL = 'Webex';

class WebexAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.emitter.event;
  private known = new Map<string, vscode.AuthenticationSession>();
  private publishing: Promise<void> = Promise.resolve();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: WebexSession) {
    this.subscription = session.onDidChangeAccounts(() => {
      this.publishing = this.publishing.then(() => this.publish()).catch(() => undefined);
    });
  }

  /** Scopes are not enforced: a token carries whatever scopes it was issued with. */
  async getSessions(
    _scopes: readonly string[] | undefined,
    options?: vscode.AuthenticationProviderSessionOptions,
  ): Promise<vscode.AuthenticationSession[]> {
    await this.session.ready();
    const all = await this.sessions();
    const wanted = options?.account?.id;
    return wanted === undefined ? all : all.filter((s) => s.account.id === wanted);
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    await this.session.promptSignIn();
    const account = this.session.account;
    const token = account ? await this.session.accessTokenOf(account) : undefined;
    if (!account || !token) {
      // VS Code's contract for a declined sign-in.
      throw new vscode.CancellationError();
    }
    return toAuthSession({ account, token });
  }

  /** Signs out of that account only; another account of the cloud stays (and becomes current if it was). */
  async removeSession(sessionId: string): Promise<void> {
    await this.session.signOut('signed out from the Accounts menu', sessionId);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }

  private async sessions(): Promise<vscode.AuthenticationSession[]> {
    const out: vscode.AuthenticationSession[] = [];
    for (const account of await this.session.accounts()) {
      const token = await this.session.accessTokenOf(account);
      if (token) {
        out.push(toAuthSession({ account, token }));
      }
    }
    return out;
  }

  private async publish(): Promise<void> {
    const now = new Map((await this.sessions()).map((s) => [s.id, s]));
    const before = this.known;
    this.known = now;
    const added = [...now.values()].filter((s) => !before.has(s.id));
    const removed = [...before.values()].filter((s) => !now.has(s.id));
    const changed = [...now.values()].filter((s) => before.has(s.id) && before.get(s.id)?.accessToken !== s.accessToken);
    if (added.length + removed.length + changed.length > 0) {
      this.emitter.fire({ added, removed, changed });
    }
  }
}

/** The AuthenticationSession the Accounts menu shows for a stored account. */
export function toAuthSession(current: { account: AccountInfo; token: string }): vscode.AuthenticationSession {
  const { account, token } = current;
  return {
    id: account.id,
    accessToken: token,
    account: { id: account.personId, label: account.email || account.displayName },
    scopes: [],
  };
}

export function registerAuthProvider(session: WebexSession): vscode.Disposable {
  const provider = new WebexAuthenticationProvider(session);
  return vscode.Disposable.from(
    provider,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, provider, {
      supportsMultipleAccounts: true,
    }),
  );
}
