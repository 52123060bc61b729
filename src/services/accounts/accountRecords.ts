/**
 * How accounts are kept in SecretStorage (pure: parsing and updating, unit-tested in plain Node).
 *
 * Two kinds of secret, both small JSON documents with a `version`:
 * - `webex.accounts`: the index, non-secret facts about each account (who, which cloud, what kind) and
 *   which account is current for each API base URL. Kept in SecretStorage rather than globalState
 *   because `secrets.onDidChange` reaches every window, so other windows follow a sign-in or sign-out.
 * - `webex.account.<id>`: one per account, the credentials only (an access token; an OAuth account
 *   also a refresh token and an expiry). Separate keys let one account change without rewriting
 *   the others, and let several accounts live side by side.
 *
 * The current account is chosen per base URL, so switching `webex.apiBaseUrl` between the commercial
 * cloud, FedRAMP and a local Webex switches accounts instead of sending a token to the wrong cloud.
 */
import { createHash } from 'node:crypto';
import type { Person, PersonType } from '../../webex/types';

export const ACCOUNTS_INDEX_KEY = 'webex.accounts';
export const ACCOUNT_SECRET_PREFIX = 'webex.account.';

/** How the account signed in: a pasted token (personal or bot) or the OAuth integration. */
export type AccountKind = 'token' | 'oauth';

/** Everything about an account except its credentials. */
export interface AccountInfo {
  /** Stable, opaque: derived from the cloud and the person id. */
  id: string;
  baseUrl: string;
  personId: string;
  displayName: string;
  email: string;
  /** `bot` tokens see only messages that mention them in group spaces (developer.webex.com, "Bots"). */
  personType: PersonType;
  kind: AccountKind;
  /** ISO time of the sign-in. */
  signedInAt: string;
}

export interface AccountsIndex {
  version: 1;
  accounts: AccountInfo[];
  /** Base URL → id of the account in use there. */
  current: Record<string, string>;
}

/** The secret part; extra fields (refresh token, expiry) are optional so OAuth adds them without migration. */
export interface AccountCredentials {
  version: 1;
  accessToken: string;
  refreshToken?: string;
  /** ISO time the access token expires, when known. */
  expiresAt?: string;
}

export function emptyIndex(): AccountsIndex {
  return { version: 1, accounts: [], current: {} };
}

export function accountSecretKey(accountId: string): string {
  return `${ACCOUNT_SECRET_PREFIX}${accountId}`;
}

/** Trailing slashes dropped, so `https://webexapis.com/v1/` and `…/v1` are the same cloud. */
export function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '');
}

export function accountId(baseUrl: string, personId: string): string {
  return createHash('sha256').update(`${normalizeBaseUrl(baseUrl)}\n${personId}`).digest('hex').slice(0, 24);
}

export function accountFromPerson(baseUrl: string, me: Person, kind: AccountKind, now: Date): AccountInfo {
  return {
    id: accountId(baseUrl, me.id),
    baseUrl: normalizeBaseUrl(baseUrl),
    personId: me.id,
    displayName: me.displayName || me.emails[0] || me.id,
    email: me.emails[0] ?? '',
    personType: me.type ?? 'person',
    kind,
    signedInAt: now.toISOString(),
  };
}

/** The parts of a Person the extension knows without a request (from the index). */
export function personFromAccount(account: AccountInfo): Person {
  return {
    id: account.personId,
    emails: account.email ? [account.email] : [],
    displayName: account.displayName,
    type: account.personType,
  };
}

/** Reads the index; anything unreadable counts as "no accounts" rather than breaking sign-in. */
export function parseIndex(json: string | undefined): AccountsIndex {
  if (!json) {
    return emptyIndex();
  }
  try {
    const value = JSON.parse(json) as Partial<AccountsIndex>;
    if (value.version !== 1 || !Array.isArray(value.accounts)) {
      return emptyIndex();
    }
    const accounts = value.accounts.filter(isAccountInfo);
    const current: Record<string, string> = {};
    for (const [baseUrl, id] of Object.entries(value.current ?? {})) {
      if (typeof id === 'string' && accounts.some((a) => a.id === id)) {
        current[baseUrl] = id;
      }
    }
    return { version: 1, accounts, current };
  } catch {
    return emptyIndex();
  }
}

export function parseCredentials(json: string | undefined): AccountCredentials | undefined {
  if (!json) {
    return undefined;
  }
  try {
    const value = JSON.parse(json) as Partial<AccountCredentials>;
    if (value.version === 1 && typeof value.accessToken === 'string' && value.accessToken !== '') {
      return value as AccountCredentials;
    }
  } catch {
    // Unreadable: treated as missing, the user signs in again.
  }
  return undefined;
}

/** The current account for a base URL, if any. */
export function currentAccount(index: AccountsIndex, baseUrl: string): AccountInfo | undefined {
  const id = index.current[normalizeBaseUrl(baseUrl)];
  return id === undefined ? undefined : index.accounts.find((a) => a.id === id);
}

/** Adds or replaces the account and makes it current for its base URL. */
export function withAccount(index: AccountsIndex, account: AccountInfo): AccountsIndex {
  return {
    version: 1,
    accounts: [...index.accounts.filter((a) => a.id !== account.id), account],
    current: { ...index.current, [account.baseUrl]: account.id },
  };
}

/** Removes the account; another account of the same cloud (if any) becomes current. */
export function withoutAccount(index: AccountsIndex, id: string): AccountsIndex {
  const removed = index.accounts.find((a) => a.id === id);
  const accounts = index.accounts.filter((a) => a.id !== id);
  const current = { ...index.current };
  if (removed && current[removed.baseUrl] === id) {
    const next = accounts.find((a) => a.baseUrl === removed.baseUrl);
    if (next) {
      current[removed.baseUrl] = next.id;
    } else {
      delete current[removed.baseUrl];
    }
  }
  return { version: 1, accounts, current };
}

function isAccountInfo(value: unknown): value is AccountInfo {
  const a = value as Partial<AccountInfo> | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.id === 'string' &&
    typeof a.baseUrl === 'string' &&
    typeof a.personId === 'string' &&
    typeof a.displayName === 'string' &&
    typeof a.email === 'string' &&
    typeof a.personType === 'string' &&
    typeof a.kind === 'string'
  );
}
