/**
 * The signed-in Webex account: reads it lazily from SecretStorage, builds the client, follows other
 * windows (`secrets.onDidChange`) and settings (`webex.apiBaseUrl`, proxy), and turns the first 401
 * of a client into one "sign in again" prompt.
 *
 * Reads and writes of the stored account run one after another (`serial`), so a sign-in and the
 * secret-change events it causes never interleave.
 */
import * as vscode from 'vscode';
import type { WebexClient } from '../webex/client';
import { WebexApiError } from '../webex/errors';
import type { Person } from '../webex/types';
import type { ErrorReporter, Prompts, Session, SessionState } from '../extensionServices';
import type { ClientFactory } from '../config/clientFactory';
import { CLIENT_SETTINGS, readApiBaseUrl } from '../config/settings';
import {
  ACCOUNTS_INDEX_KEY,
  ACCOUNT_SECRET_PREFIX,
  accountFromPerson,
  accountSecretKey,
  currentAccount,
  parseCredentials,
  parseIndex,
  personFromAccount,
  withAccount,
  withoutAccount,
  type AccountInfo,
} from '../services/accountRecords';
import { SignInError, promptForToken, tokenProblem } from './signInPrompt';

export const SIGNED_IN_CONTEXT = 'webex:signedIn';
export const BOT_CONTEXT = 'webex:isBot';

export class WebexSession implements Session, vscode.Disposable {
  private current: { account: AccountInfo; token: string; client: WebexClient } | undefined;
  private stateValue: SessionState = 'unknown';
  private baseUrl: string;
  private loading: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** The client whose 401 was already reported; later 401s of it stay quiet (no storm). */
  private expiredClient: WebexClient | undefined;
  private signingIn: Promise<WebexClient | undefined> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly accountChanged = new vscode.EventEmitter<AccountInfo | undefined>();
  /** Fires when the account itself changes (not for a rebuilt client): caches must be dropped. */
  readonly onDidChangeAccount = this.accountChanged.event;
  private readonly sessionsChanged =
    new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  /** For the AuthenticationProvider (Accounts menu). */
  readonly onDidChangeSessions = this.sessionsChanged.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    private readonly prompts: Prompts,
    private readonly errors: ErrorReporter,
    private readonly createClient: ClientFactory,
  ) {
    this.baseUrl = this.readBaseUrl();
    this.disposables.push(
      this.changed,
      this.accountChanged,
      this.sessionsChanged,
      secrets.onDidChange((e) => {
        if (e.key === ACCOUNTS_INDEX_KEY || e.key.startsWith(ACCOUNT_SECRET_PREFIX)) {
          // Another window (or this one) signed in or out: follow, if we had read the state at all.
          if (this.stateValue !== 'unknown') {
            void this.serial(() => this.loadFromStorage('another window')).catch((error: unknown) =>
              this.log.error('Could not read the Webex account after a change', error),
            );
          }
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (CLIENT_SETTINGS.some((s) => e.affectsConfiguration(s))) {
          void this.serial(() => this.reconfigure()).catch((error: unknown) =>
            this.log.error('Could not apply the changed Webex settings', error),
          );
        }
      }),
    );
  }

  get client(): WebexClient | undefined {
    return this.current?.client;
  }

  get me(): Person | undefined {
    return this.current ? personFromAccount(this.current.account) : undefined;
  }

  get isBot(): boolean {
    return this.current?.account.personType === 'bot';
  }

  get state(): SessionState {
    return this.stateValue;
  }

  get account(): AccountInfo | undefined {
    return this.current?.account;
  }

  /** The API base URL in use (from `webex.apiBaseUrl`). */
  get apiBaseUrl(): string {
    return this.baseUrl;
  }

  /** The access token, for the AuthenticationProvider only. */
  accessToken(): string | undefined {
    return this.current?.token;
  }

  ready(): Promise<void> {
    this.loading ??= this.serial(() => this.loadFromStorage('startup')).catch((error: unknown) => {
      this.loading = undefined; // The next use tries again (e.g. the keychain was locked).
      throw error;
    });
    return this.loading;
  }

  async requireClient(): Promise<WebexClient | undefined> {
    await this.ready();
    if (this.current) {
      return this.current.client;
    }
    const choice = await this.prompts.notify('info', 'Sign in to Webex to continue.', 'Sign In');
    return choice === 'Sign In' ? this.promptSignIn() : undefined;
  }

  /**
   * Asks for a token and signs in with it. Cancelled: undefined, nothing said. A token Webex refuses:
   * a clear message, nothing stored. Concurrent callers share one prompt.
   */
  promptSignIn(): Promise<WebexClient | undefined> {
    this.signingIn ??= this.runSignIn().finally(() => {
      this.signingIn = undefined;
    });
    return this.signingIn;
  }

  /** Checks the token with `GET /people/me`, then stores it; throws SignInError if Webex refuses it. */
  async signInWithToken(rawToken: string): Promise<AccountInfo> {
    const token = rawToken.trim().replace(/^Bearer\s+/i, '');
    const problem = tokenProblem(token);
    if (problem) {
      throw new SignInError(problem);
    }
    await this.ready();
    const baseUrl = this.baseUrl;
    // The candidate client reports 401s to the session only once it is the current client.
    const client = this.newClient(baseUrl, token);
    let me: Person;
    try {
      me = await client.people.me();
    } catch (error) {
      void client.close();
      if (error instanceof WebexApiError && (error.status === 401 || error.status === 403)) {
        throw new SignInError(
          `Webex did not accept that access token (${error.status}). Personal access tokens expire after ` +
            '12 hours: copy a fresh one from developer.webex.com and try again.',
          error.trackingId,
        );
      }
      throw error;
    }
    const account = accountFromPerson(baseUrl, me, 'token', new Date());
    await this.serial(async () => {
      // Credentials first, then the index that points at them: a window reading in between sees the
      // old index and nothing half-written.
      await this.secrets.store(accountSecretKey(account.id), JSON.stringify({ version: 1, accessToken: token }));
      const index = parseIndex(await this.secrets.get(ACCOUNTS_INDEX_KEY));
      await this.secrets.store(ACCOUNTS_INDEX_KEY, JSON.stringify(withAccount(index, account)));
      this.apply({ account, token, client });
    });
    this.log.info(`Signed in as ${account.displayName} (${account.personType}) on ${new URL(baseUrl).host}`);
    return account;
  }

  /** Forgets the current account's token (and only it). */
  async signOut(reason = 'signed out'): Promise<void> {
    await this.ready();
    await this.serial(async () => {
      const account = this.current?.account;
      if (!account) {
        return;
      }
      const index = parseIndex(await this.secrets.get(ACCOUNTS_INDEX_KEY));
      await this.secrets.store(ACCOUNTS_INDEX_KEY, JSON.stringify(withoutAccount(index, account.id)));
      await this.secrets.delete(accountSecretKey(account.id));
      this.log.info(`Signed out of Webex (${reason})`);
      await this.loadFromStorage(reason);
    });
  }

  dispose(): void {
    void this.current?.client.close();
    this.current = undefined;
    for (const d of this.disposables) {
      d.dispose();
    }
  }

  private async runSignIn(): Promise<WebexClient | undefined> {
    const token = await promptForToken(this.prompts, this.baseUrl);
    if (token === undefined) {
      return undefined;
    }
    try {
      const account = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Checking the token with Webex…' },
        () => this.signInWithToken(token),
      );
      const bot =
        account.personType === 'bot'
          ? ' This is a bot: in group spaces it sees only the messages that mention it.'
          : '';
      void this.prompts.notify('info', `Signed in to Webex as ${account.displayName}.${bot}`);
      return this.current?.client;
    } catch (error) {
      if (error instanceof SignInError) {
        void this.prompts.notify('error', error.message);
      } else {
        this.errors.show(error, 'Could not sign in to Webex');
      }
      return undefined;
    }
  }

  private readBaseUrl(): string {
    const { baseUrl, problem } = readApiBaseUrl();
    if (problem) {
      this.log.warn(problem);
    }
    return baseUrl;
  }

  private async reconfigure(): Promise<void> {
    const baseUrl = this.readBaseUrl();
    const cloudChanged = baseUrl !== this.baseUrl;
    this.baseUrl = baseUrl;
    if (this.stateValue === 'unknown') {
      return; // Nothing loaded yet; the first use reads the new settings.
    }
    if (cloudChanged) {
      this.log.info(`Webex API base URL is now ${baseUrl}`);
      await this.loadFromStorage('cloud changed');
    } else if (this.current) {
      // Proxy settings changed: same account, new connection.
      const { account, token, client } = this.current;
      this.apply({ account, token, client: this.newClient(account.baseUrl, token) });
      void client.close();
    }
  }

  /** Reads the current account for the configured cloud and applies it if it differs. */
  private async loadFromStorage(why: string): Promise<void> {
    const index = parseIndex(await this.secrets.get(ACCOUNTS_INDEX_KEY));
    const account = currentAccount(index, this.baseUrl);
    const credentials = account ? parseCredentials(await this.secrets.get(accountSecretKey(account.id))) : undefined;
    const next = account && credentials ? { account, token: credentials.accessToken } : undefined;
    if (
      this.stateValue !== 'unknown' &&
      next?.account.id === this.current?.account.id &&
      next?.token === this.current?.token
    ) {
      return; // Our own write coming back, or nothing that concerns this cloud.
    }
    if (this.stateValue !== 'unknown') {
      this.log.info(`Webex account changed (${why})`);
    }
    this.apply(next ? { ...next, client: this.newClient(next.account.baseUrl, next.token) } : undefined);
  }

  private apply(next: { account: AccountInfo; token: string; client: WebexClient } | undefined): void {
    const previous = this.current;
    const wasKnown = this.stateValue !== 'unknown';
    this.current = next;
    this.stateValue = next ? 'signedIn' : 'signedOut';
    if (previous && previous.client !== next?.client) {
      void previous.client.close();
    }
    void vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, next !== undefined);
    void vscode.commands.executeCommand('setContext', BOT_CONTEXT, next?.account.personType === 'bot');
    const accountChanged = previous?.account.id !== next?.account.id;
    if (accountChanged && wasKnown) {
      this.accountChanged.fire(next?.account);
    }
    const removed = previous && (accountChanged || previous.token !== next?.token) ? [toAuthSession(previous)] : [];
    const added = next && (accountChanged || previous?.token !== next.token) ? [toAuthSession(next)] : [];
    if (added.length > 0 || removed.length > 0) {
      this.sessionsChanged.fire(
        !accountChanged && added.length > 0
          ? { added: [], removed: [], changed: added }
          : { added, removed, changed: [] },
      );
    }
    this.changed.fire();
  }

  /** Runs `task` after every earlier read or write of the stored account has finished. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private newClient(baseUrl: string, token: string): WebexClient {
    const client: WebexClient = this.createClient({
      baseUrl,
      getToken: () => token,
      onUnauthorized: (error) => this.onUnauthorized(client, error),
    });
    return client;
  }

  /** The first 401 of the current client: forget the token and ask once to sign in again. */
  private onUnauthorized(client: WebexClient, error: WebexApiError): void {
    if (client !== this.current?.client || this.expiredClient === client) {
      return;
    }
    this.expiredClient = client;
    this.log.warn(`Webex refused the access token (401 ${error.method} ${error.path}); signing out`);
    void this.signOut('the token was refused').then(async () => {
      const choice = await this.prompts.notify(
        'warning',
        'Your Webex session has expired or was revoked. Sign in again to continue.',
        'Sign In',
      );
      if (choice === 'Sign In') {
        await this.promptSignIn();
      }
    });
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
