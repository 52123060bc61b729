/**
 * Who the API console sends as: the signed-in identity (its own client, so 401s reach the session)
 * or any other account signed in for the same cloud, such as a bot, through a client of its own
 * whose token is read from SecretStorage at send time. Tokens stay inside the clients.
 */
import type * as vscode from 'vscode';
import type { Session } from '../../extensionServices';
import type { AccountInfo } from '../../services/accounts/accountRecords';
import type { ClientFactory } from '../../config/clientFactory';
import type { WebexClient } from '../../webex/client';

/** What the console needs of the session beyond `Session` (WebexSession has all of it). */
export interface ConsoleSession extends Session {
  accounts(): Promise<AccountInfo[]>;
  accessTokenOf(account: AccountInfo): Promise<string | undefined>;
  readonly apiBaseUrl: string;
  readonly onDidChangeAccounts: vscode.Event<void>;
}

export interface Identity {
  account: AccountInfo;
  /** "Priya Raman (you)", "Deploy Bot (bot)". */
  label: string;
  current: boolean;
}

export function identityLabel(account: AccountInfo, current: boolean): string {
  const kind = [current ? 'you' : undefined, account.personType === 'bot' ? 'bot' : undefined].filter(Boolean).join(', ');
  return kind === '' ? account.displayName : `${account.displayName} (${kind})`;
}

export class ConsoleIdentities implements vscode.Disposable {
  private readonly others = new Map<string, WebexClient>();

  constructor(
    private readonly session: ConsoleSession,
    private readonly createClient: ClientFactory,
  ) {}

  /** The current identity first, then the other accounts of this cloud. */
  async list(): Promise<Identity[]> {
    await this.session.ready();
    const current = this.session.account;
    const all = await this.session.accounts();
    const identities: Identity[] = current ? [{ account: current, label: identityLabel(current, true), current: true }] : [];
    for (const account of all) {
      if (account.id !== current?.id) {
        identities.push({ account, label: identityLabel(account, false), current: false });
      }
    }
    return identities;
  }

  /** The client of an identity: the session's own for the current one (undefined if signed out). */
  async clientOf(accountId: string | undefined): Promise<{ client: WebexClient; identity: Identity } | undefined> {
    const identities = await this.list();
    const identity = accountId === undefined ? identities.find((i) => i.current) : identities.find((i) => i.account.id === accountId);
    if (!identity) {
      return undefined;
    }
    if (identity.current) {
      const client = await this.session.requireClient();
      return client ? { client, identity } : undefined;
    }
    let client = this.others.get(identity.account.id);
    if (!client) {
      const account = identity.account;
      client = this.createClient({
        baseUrl: account.baseUrl,
        // Read at every send: a sign-out of that account makes the next send fail, not use a stale token.
        getToken: async () => (await this.session.accessTokenOf(account)) ?? '',
      });
      this.others.set(account.id, client);
    }
    return { client, identity };
  }

  /** Accounts changed (sign-in, sign-out, another window): build the other clients again when needed. */
  reset(): void {
    for (const client of this.others.values()) {
      void client.close();
    }
    this.others.clear();
  }

  dispose(): void {
    this.reset();
  }
}
