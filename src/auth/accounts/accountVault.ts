/**
 * The signed-in accounts as SecretStorage keeps them: one index (who is signed in, and which account
 * is current per cloud) and each account's credentials under a key of its own. Only the token-free
 * index and the parsing live in services/accounts/accountRecords.ts; this is the one reader and
 * writer of the secrets themselves.
 */
import type * as vscode from 'vscode';
import {
  ACCOUNTS_INDEX_KEY,
  ACCOUNT_SECRET_PREFIX,
  accountSecretKey,
  parseCredentials,
  parseIndex,
  type AccountCredentials,
  type AccountsIndex,
} from '../../services/accounts/accountRecords';

export class AccountVault {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** Whether a SecretStorage change (`secrets.onDidChange`) concerns the stored accounts. */
  static isAccountKey(key: string): boolean {
    return key === ACCOUNTS_INDEX_KEY || key.startsWith(ACCOUNT_SECRET_PREFIX);
  }

  async index(): Promise<AccountsIndex> {
    return parseIndex(await this.secrets.get(ACCOUNTS_INDEX_KEY));
  }

  async saveIndex(index: AccountsIndex): Promise<void> {
    await this.secrets.store(ACCOUNTS_INDEX_KEY, JSON.stringify(index));
  }

  async credentials(accountId: string): Promise<AccountCredentials | undefined> {
    return parseCredentials(await this.secrets.get(accountSecretKey(accountId)));
  }

  async saveCredentials(accountId: string, credentials: AccountCredentials): Promise<void> {
    await this.secrets.store(accountSecretKey(accountId), JSON.stringify(credentials));
  }

  async deleteCredentials(accountId: string): Promise<void> {
    await this.secrets.delete(accountSecretKey(accountId));
  }

  /** Whether the account is still in the index (a refresh ending after a sign-out must not store). */
  async has(accountId: string): Promise<boolean> {
    return (await this.index()).accounts.some((a) => a.id === accountId);
  }
}
