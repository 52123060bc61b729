/**
 * The signed-in Webex accounts and the current one: reads them lazily from SecretStorage, builds the
 * current account's client, follows other windows (`secrets.onDidChange`) and settings
 * (`webex.apiBaseUrl`, proxy), keeps an OAuth account's token fresh (accounts/accountToken.ts), and
 * owns what a refused token means (tokenRefusals.ts: refresh, or one "sign in again" prompt); the
 * stored accounts are read and written through accounts/accountVault.ts.
 *
 * Several accounts may be signed in per cloud (yourself and your bot); one is current, and the views
 * and commands act as it. Reads and writes of the stored accounts run one after another (`serial`),
 * so a sign-in and the secret-change events it causes never interleave.
 */
import * as vscode from 'vscode';
import type { WebexClient } from '../webex/client';
import { hasStatus } from '../webex/errors';
import { DisposableStore } from '../webex/lifecycle';
import type { Person } from '../webex/types';
import type { ErrorReporter, Prompts, Session, SessionState } from '../extensionServices';
import type { ClientFactory } from '../config/clientFactory';
import { CLIENT_SETTINGS, readApiBaseUrl } from '../config/settings';
import {
  accountFromPerson,
  currentAccount,
  normalizeBaseUrl,
  personFromAccount,
  withAccount,
  withoutAccount,
  type AccountCredentials,
  type AccountInfo,
  type AccountKind,
} from '../services/accounts/accountRecords';
import { AccountToken } from './accounts/accountToken';
import { interactiveSignIn } from './accounts/signInFlow';
import type { SignInMethod } from './accounts/signInMethods';
import { credentialsFromTokens } from './oauth/oauthCredentials';
import type { OAuthGrant } from './oauth/oauthSignIn';
import { SignInError, tokenProblem } from './signInPrompt';
import { AccountVault } from './accounts/accountVault';
import { TokenRefusals, type Connection } from './tokenRefusals';

export const SIGNED_IN_CONTEXT = 'webex:signedIn';
export const BOT_CONTEXT = 'webex:isBot';

export class WebexSession implements Session, vscode.Disposable {
  private current: Connection | undefined;
  private stateValue: SessionState = 'unknown';
  private baseUrl: string;
  private loading: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private signingIn: Promise<WebexClient | undefined> | undefined;
  private readonly disposables = new DisposableStore();
  private readonly vault: AccountVault;
  private readonly refusals: TokenRefusals;

  private readonly changed = this.disposables.add(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly accountChanged = this.disposables.add(new vscode.EventEmitter<AccountInfo | undefined>());
  /** Fires when the current account itself changes (not for a rebuilt client): caches must be dropped. */
  readonly onDidChangeAccount = this.accountChanged.event;
  private readonly accountsChanged = this.disposables.add(new vscode.EventEmitter<void>());
  /** Fires after any stored account may have changed (added, removed, switched, token refreshed). */
  readonly onDidChangeAccounts = this.accountsChanged.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    private readonly prompts: Prompts,
    private readonly errors: ErrorReporter,
    private readonly createClient: ClientFactory,
    /** Opens the OAuth authorize URL; default the real browser (tests pass a ScriptedBrowser's). */
    private readonly openBrowser?: (url: string) => Promise<boolean>,
  ) {
    this.baseUrl = this.readBaseUrl();
    this.vault = new AccountVault(secrets);
    this.refusals = new TokenRefusals({
      log,
      prompts,
      current: () => this.current,
      signOut: (reason, accountId) => this.signOut(reason, accountId),
      promptSignIn: () => this.promptSignIn(),
    });
    this.disposables.addAll(
      secrets.onDidChange((e) => {
        if (AccountVault.isAccountKey(e.key)) {
          // Another window (or this one) signed in, out or refreshed: follow, if we had read the state at all.
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

  /** The current account's access token as it is now (may be due for a refresh); never for logs. */
  accessToken(): string | undefined {
    return this.current?.token.value;
  }

  /** The current account's access token, refreshed first when due (an OAuth account); never for logs. */
  async freshAccessToken(): Promise<string | undefined> {
    return this.current ? this.current.token.get() : undefined;
  }

  /** The accounts signed in for the configured cloud, in sign-in order. */
  async accounts(): Promise<AccountInfo[]> {
    const base = normalizeBaseUrl(this.baseUrl);
    return (await this.vault.index()).accounts.filter((a) => a.baseUrl === base);
  }

  /** An account's access token (the current one's as last refreshed), for the AuthenticationProvider only. */
  async accessTokenOf(account: AccountInfo): Promise<string | undefined> {
    return account.id === this.current?.account.id
      ? this.current.token.value
      : (await this.vault.credentials(account.id))?.accessToken;
  }

  /**
   * A client that acts as `account` (Send Card as a bot the user signed in with), without making
   * it the current account: the current one's own client, else one over the account's stored
   * token; undefined when its secret is gone. A 401 of such a client is its caller's to show: it
   * does not sign anyone out or ask to sign in.
   */
  async clientOf(account: AccountInfo): Promise<WebexClient | undefined> {
    if (account.id === this.current?.account.id) {
      return this.current.client;
    }
    const credentials = await this.vault.credentials(account.id);
    if (!credentials) {
      return undefined;
    }
    const token = this.tokenOf(account, credentials, (error) => this.log.warn(`${account.displayName} needs a new sign-in: ${error.message}`));
    return this.createClient({ baseUrl: account.baseUrl, getToken: () => token.get() });
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
    const signIn = vscode.l10n.t('Sign In');
    const choice = await this.prompts.notify('info', vscode.l10n.t('Sign in to Webex to continue.'), signIn);
    return choice === signIn ? this.promptSignIn() : undefined;
  }

  /**
   * Asks how to sign in (unless `method` says), then signs in. Cancelled: undefined, nothing said. A
   * token Webex refuses: a clear message, nothing stored. Concurrent callers share one sign-in.
   */
  promptSignIn(method?: SignInMethod): Promise<WebexClient | undefined> {
    this.signingIn ??= this.runSignIn(method).finally(() => {
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
    return this.signIn(token, 'token', { version: 1, accessToken: token }, (status) =>
      `Webex did not accept that access token (${status}). Personal access tokens expire after ` +
      '12 hours: copy a fresh one from developer.webex.com and try again.',
    );
  }

  /** Stores an OAuth sign-in's tokens after checking who they belong to (`GET /people/me`). */
  async signInWithOAuth(grant: OAuthGrant): Promise<AccountInfo> {
    return this.signIn(grant.tokens.accessToken, 'oauth', credentialsFromTokens(grant.tokens, grant.clientId), (status) =>
      `Webex did not accept the token it just issued (${status}). Check the integration's scopes and try again.`,
    );
  }

  /** Makes another signed-in account of this cloud the current one. */
  async switchAccount(accountId: string): Promise<void> {
    await this.ready();
    await this.serial(async () => {
      const index = await this.vault.index();
      const base = normalizeBaseUrl(this.baseUrl);
      const account = index.accounts.find((a) => a.id === accountId && a.baseUrl === base);
      if (!account) {
        throw new Error('That Webex account is not signed in.');
      }
      await this.vault.saveIndex({ ...index, current: { ...index.current, [base]: account.id } });
      this.log.info(`Switched to the Webex account ${account.displayName}`);
      await this.loadFromStorage('switched account');
    });
  }

  /** Forgets one account's token (default: the current account's); another account of the cloud becomes current. */
  async signOut(reason = 'signed out', accountId?: string): Promise<void> {
    await this.ready();
    await this.serial(async () => {
      const id = accountId ?? this.current?.account.id;
      const index = await this.vault.index();
      if (id === undefined || !index.accounts.some((a) => a.id === id)) {
        return;
      }
      await this.vault.saveIndex(withoutAccount(index, id));
      await this.vault.deleteCredentials(id);
      this.log.info(`Signed out of Webex (${reason})`);
      await this.loadFromStorage(reason);
    });
  }

  dispose(): void {
    void this.current?.client.close();
    this.current = undefined;
    this.disposables.dispose();
  }

  private async signIn(token: string, kind: AccountKind, credentials: AccountCredentials, refused: (status: number) => string): Promise<AccountInfo> {
    await this.ready();
    const baseUrl = this.baseUrl;
    // A throwaway client that reports no 401s: only a stored account's client does.
    const probe = this.createClient({ baseUrl, getToken: () => token });
    let me: Person;
    try {
      me = await probe.people.me();
    } catch (error) {
      if (hasStatus(error, 401, 403)) {
        throw new SignInError(refused(error.status), error.trackingId);
      }
      throw error;
    } finally {
      void probe.close();
    }
    const account = accountFromPerson(baseUrl, me, kind, new Date());
    await this.serial(async () => {
      // Credentials first, then the index that points at them: a window reading in between sees the
      // old index and nothing half-written.
      await this.vault.saveCredentials(account.id, credentials);
      await this.vault.saveIndex(withAccount(await this.vault.index(), account));
      this.apply(this.connect(account, credentials));
    });
    this.log.info(`Signed in as ${account.displayName} (${account.personType}, ${kind}) on ${new URL(baseUrl).host}`);
    return account;
  }

  private async runSignIn(method?: SignInMethod): Promise<WebexClient | undefined> {
    const deps = { secrets: this.secrets, prompts: this.prompts, errors: this.errors, log: this.log, openBrowser: this.openBrowser };
    return (await interactiveSignIn(deps, this, method)) ? this.current?.client : undefined;
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
      // Proxy settings changed: same account and token, new connection.
      const { account, token, client } = this.current;
      this.apply({ account, token, client: this.newClient(account, token) });
      void client.close();
    }
  }

  /** Reads the current account for the configured cloud and applies it if it differs. */
  private async loadFromStorage(why: string): Promise<void> {
    const account = currentAccount(await this.vault.index(), this.baseUrl);
    const credentials = account ? await this.vault.credentials(account.id) : undefined;
    const next = account && credentials ? { account, credentials } : undefined;
    const known = this.stateValue !== 'unknown';
    this.accountsChanged.fire();
    if (known && next === undefined && this.current === undefined) {
      return; // Still signed out here.
    }
    // Our own write coming back, or another window's refresh of the same account: no new client.
    if (known && next && next.account.id === this.current?.account.id && this.current.token.adopt(next.credentials)) {
      return;
    }
    if (known) {
      this.log.info(`Webex account changed (${why})`);
    }
    this.apply(next ? this.connect(next.account, next.credentials) : undefined);
  }

  private apply(next: Connection | undefined): void {
    const previous = this.current;
    const wasKnown = this.stateValue !== 'unknown';
    this.current = next;
    this.stateValue = next ? 'signedIn' : 'signedOut';
    if (previous && previous.client !== next?.client) {
      void previous.client.close();
    }
    void vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, next !== undefined);
    void vscode.commands.executeCommand('setContext', BOT_CONTEXT, next?.account.personType === 'bot');
    if (previous?.account.id !== next?.account.id && wasKnown) {
      this.accountChanged.fire(next?.account);
    }
    this.accountsChanged.fire();
    this.changed.fire();
  }

  /** Runs `task` after every earlier read or write of the stored accounts has finished. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The token and client of a stored account. */
  private connect(account: AccountInfo, credentials: AccountCredentials): Connection {
    const token: AccountToken = this.tokenOf(account, credentials, (error) => this.refusals.signInRequired(token, error.message));
    return { account, token, client: this.newClient(account, token) };
  }

  private tokenOf(account: AccountInfo, credentials: AccountCredentials, onSignInRequired: (error: Error) => void): AccountToken {
    return new AccountToken(this.secrets, account.baseUrl, credentials, {
      store: (refreshed) =>
        this.serial(async () => {
          // A refresh that ends after a sign-out must not bring the account's secret back.
          if (await this.vault.has(account.id)) {
            await this.vault.saveCredentials(account.id, refreshed);
          }
        }),
      reload: () => this.vault.credentials(account.id),
      log: this.log,
      onSignInRequired,
    });
  }

  private newClient(account: AccountInfo, token: AccountToken): WebexClient {
    const client: WebexClient = this.createClient({
      baseUrl: account.baseUrl,
      getToken: () => token.get(),
      onUnauthorized: (error) => this.refusals.unauthorized(client, token, error),
    });
    return client;
  }
}
