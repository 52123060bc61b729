/**
 * Keeps an OAuth account's access token fresh without the user noticing: the token is refreshed in
 * the last part of its life when it is asked for, all callers that ask meanwhile share that one
 * refresh, and a refresh the service refuses (revoked or expired refresh token, a client secret that
 * no longer works) is reported once as "sign in again" and then fails fast, without more requests.
 *
 * Not refreshing on a timer keeps an idle window silent; a 14-day access token (tokens.ts) is
 * refreshed on first use after it entered its last hour, and a window left idle past the access
 * token's expiry refreshes on its first request (the refresh token lasts much longer).
 */
import { isPermanentGrantFailure, isClientRejected } from './tokenClient';
import type { TokenRecord } from './tokens';

/** Why the user must sign in again. */
export type SignInRequiredReason = 'refreshRefused' | 'refreshTokenExpired' | 'clientRejected';

/** The refresh token cannot be used any more; only a new sign-in helps. Carries no token. */
export class SignInRequiredError extends Error {
  constructor(
    readonly reason: SignInRequiredReason,
    /** The refused grant's error (an OAuthTokenError), when there was a request. */
    override readonly cause?: unknown,
  ) {
    super(
      reason === 'clientRejected'
        ? 'Webex refused the integration\'s client id or secret; sign in again.'
        : reason === 'refreshTokenExpired'
          ? 'Your Webex sign-in has expired; sign in again.'
          : 'Your Webex sign-in has expired or was revoked; sign in again.',
    );
    this.name = 'SignInRequiredError';
  }
}

export interface TokenRefresherOptions {
  tokens: TokenRecord;
  /** Performs the refresh grant (OAuthTokenClient.refresh). */
  refresh: (current: TokenRecord) => Promise<TokenRecord>;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** Refresh at most this long before expiry (default one hour), and never in the first half of a token's life. */
  marginMs?: number;
  /** After a failure worth retrying, the still-valid token is used this long before trying again (default 60 s). */
  retryDelayMs?: number;
  /** Stores the new tokens (SecretStorage); awaited, its failure does not fail the refresh. */
  onRefreshed?: (tokens: TokenRecord) => void | Promise<void>;
  /**
   * Before giving up after a refused refresh: newer tokens another window may have stored (it may
   * have refreshed first with the same refresh token). Tokens with another refresh token are adopted.
   */
  reload?: () => Promise<TokenRecord | undefined>;
  /** Called once, when the account needs a new sign-in. */
  onSignInRequired?: (error: SignInRequiredError) => void;
}

export const DEFAULT_REFRESH_MARGIN_MS = 60 * 60 * 1000;
const DEFAULT_RETRY_DELAY_MS = 60 * 1000;

export class TokenRefresher {
  private current: TokenRecord;
  private inFlight: Promise<TokenRecord> | undefined;
  private failed: SignInRequiredError | undefined;
  private lastTransientFailure: number | undefined;
  private readonly now: () => number;

  constructor(private readonly options: TokenRefresherOptions) {
    this.current = options.tokens;
    this.now = options.now ?? Date.now;
  }

  /** The tokens in use (for storing; never for logs). */
  get tokens(): TokenRecord {
    return this.current;
  }

  /** Set once a refresh was refused: every later call fails fast with this error. */
  get signInRequired(): SignInRequiredError | undefined {
    return this.failed;
  }

  /** When the current access token is due for a refresh. */
  refreshDueAt(tokens: TokenRecord = this.current): number {
    const expires = Date.parse(tokens.expiresAt);
    const lifetime = Math.max(expires - Date.parse(tokens.obtainedAt), 0);
    return expires - Math.min(this.options.marginMs ?? DEFAULT_REFRESH_MARGIN_MS, lifetime / 2);
  }

  /**
   * The access token to send now, refreshed first when due. A refresh that fails for a reason worth
   * retrying (network, timeout, 5xx, 429) does not stop work while the current token is still valid.
   */
  async getAccessToken(): Promise<string> {
    if (this.failed) {
      throw this.failed;
    }
    const now = this.now();
    const tokens = this.current;
    const stillValid = now < Date.parse(tokens.expiresAt);
    if (now < this.refreshDueAt(tokens)) {
      return tokens.accessToken;
    }
    const retryDelay = this.options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    if (stillValid && this.lastTransientFailure !== undefined && now - this.lastTransientFailure < retryDelay) {
      return tokens.accessToken;
    }
    try {
      return (await this.refresh()).accessToken;
    } catch (error) {
      if (!(error instanceof SignInRequiredError) && this.now() < Date.parse(tokens.expiresAt)) {
        return tokens.accessToken;
      }
      throw error;
    }
  }

  /**
   * Refreshes now (e.g. after a 401 that suggests the access token was revoked). Concurrent callers
   * share one request. Rejects with SignInRequiredError when the grant is refused.
   */
  refresh(): Promise<TokenRecord> {
    if (this.failed) {
      return Promise.reject(this.failed);
    }
    this.inFlight ??= this.runRefresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Adopts tokens obtained elsewhere (another window refreshed, or the user signed in again). */
  replace(tokens: TokenRecord): void {
    if (tokens.refreshToken !== this.current.refreshToken || tokens.accessToken !== this.current.accessToken) {
      this.current = tokens;
      this.failed = undefined;
      this.lastTransientFailure = undefined;
    }
  }

  private async runRefresh(): Promise<TokenRecord> {
    const started = this.current;
    if (this.now() >= Date.parse(started.refreshTokenExpiresAt)) {
      return (await this.adoptNewer(started)) ?? this.giveUp(new SignInRequiredError('refreshTokenExpired'));
    }
    let next: TokenRecord;
    try {
      next = await this.options.refresh(started);
    } catch (error) {
      if (this.current !== started) {
        return this.current; // Replaced meanwhile: the new tokens win.
      }
      if (!isPermanentGrantFailure(error)) {
        this.lastTransientFailure = this.now();
        throw error;
      }
      const reason: SignInRequiredReason = isClientRejected(error) ? 'clientRejected' : 'refreshRefused';
      return (await this.adoptNewer(started)) ?? this.giveUp(new SignInRequiredError(reason, error));
    }
    this.current = next;
    this.lastTransientFailure = undefined;
    try {
      await this.options.onRefreshed?.(next);
    } catch {
      // The new tokens are in use; storing them is retried at the next refresh.
    }
    return next;
  }

  /** Tokens another window stored with a different, unexpired refresh token: adopted and returned. */
  private async adoptNewer(started: TokenRecord): Promise<TokenRecord | undefined> {
    let stored: TokenRecord | undefined;
    try {
      stored = await this.options.reload?.();
    } catch {
      stored = undefined;
    }
    if (stored && stored.refreshToken !== started.refreshToken && this.now() < Date.parse(stored.refreshTokenExpiresAt)) {
      this.replace(stored);
      return stored;
    }
    return undefined;
  }

  /** Marks the account as needing a sign-in, tells the owner once, and throws. */
  private giveUp(error: SignInRequiredError): never {
    if (this.failed) {
      throw this.failed;
    }
    this.failed = error;
    try {
      this.options.onSignInRequired?.(error);
    } catch {
      // The owner's reaction must not change what this refresh reports.
    }
    throw error;
  }
}
