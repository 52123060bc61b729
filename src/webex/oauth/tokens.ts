/**
 * The tokens an OAuth integration holds for one person, and how a token-endpoint answer becomes one.
 *
 * Webex's `POST /v1/access_token` answers with `access_token`, `expires_in`, `refresh_token`,
 * `refresh_token_expires_in` and `token_type` (the field names the official JS SDK strips from a
 * redirect: webex/webex-js-sdk `plugin-authorization-browser/src/authorization.js` `_cleanUrl`).
 * Typical lifetimes: access token 14 days, refresh token 90 days (WebexSamples/webex-oauth-integration
 * `server.js`: "Retrieve access token (expires in 14 days) & refresh token (expires in 90 days)").
 * The code never assumes those numbers: it uses the `expires_in` values each answer carries.
 */

/** What the extension keeps (in SecretStorage only) for an OAuth account. Times are ISO strings. */
export interface TokenRecord {
  accessToken: string;
  /** When the access token stops working. */
  expiresAt: string;
  refreshToken: string;
  /** When the refresh token stops working; after that only a new sign-in helps. */
  refreshTokenExpiresAt: string;
  /** The scopes granted (the answer's `scope` when it has one, else the scopes asked for). */
  scopes: string[];
  /** When this access token was obtained: the refresher refreshes in the last part of its life. */
  obtainedAt: string;
}

/** Parses and checks a token-endpoint answer; `undefined` when something essential is missing. */
export function tokenRecordFromResponse(
  body: Record<string, unknown>,
  now: number,
  requestedScopes: readonly string[],
  previous?: TokenRecord,
): TokenRecord | undefined {
  const accessToken = body.access_token;
  const expiresIn = seconds(body.expires_in);
  if (typeof accessToken !== 'string' || accessToken === '' || expiresIn === undefined) {
    return undefined;
  }
  // A refresh answer may omit the refresh token (RFC 6749 §6: the server MAY issue a new one);
  // then the one we have stays valid for as long as it did.
  const refreshToken = typeof body.refresh_token === 'string' && body.refresh_token !== '' ? body.refresh_token : previous?.refreshToken;
  if (refreshToken === undefined) {
    return undefined;
  }
  const refreshIn = seconds(body.refresh_token_expires_in);
  const refreshTokenExpiresAt =
    refreshIn !== undefined
      ? new Date(now + refreshIn * 1000).toISOString()
      : refreshToken === previous?.refreshToken
        ? previous.refreshTokenExpiresAt
        : // No lifetime given for a new refresh token: assume it lasts at least as long as the access token.
          new Date(now + expiresIn * 1000).toISOString();
  const scope = typeof body.scope === 'string' && body.scope.trim() !== '' ? body.scope.trim().split(/\s+/) : undefined;
  return {
    accessToken,
    expiresAt: new Date(now + expiresIn * 1000).toISOString(),
    refreshToken,
    refreshTokenExpiresAt,
    scopes: scope ?? previous?.scopes ?? [...requestedScopes],
    obtainedAt: new Date(now).toISOString(),
  };
}

/** Reads a stored record back; anything unreadable is `undefined` (the user signs in again). */
export function parseTokenRecord(value: unknown): TokenRecord | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const r = value as Partial<Record<keyof TokenRecord, unknown>>;
  const times = [r.expiresAt, r.refreshTokenExpiresAt, r.obtainedAt];
  if (
    typeof r.accessToken !== 'string' ||
    r.accessToken === '' ||
    typeof r.refreshToken !== 'string' ||
    r.refreshToken === '' ||
    !times.every((t) => typeof t === 'string' && !Number.isNaN(Date.parse(t))) ||
    !Array.isArray(r.scopes) ||
    !r.scopes.every((s) => typeof s === 'string')
  ) {
    return undefined;
  }
  return {
    accessToken: r.accessToken,
    expiresAt: r.expiresAt as string,
    refreshToken: r.refreshToken,
    refreshTokenExpiresAt: r.refreshTokenExpiresAt as string,
    scopes: r.scopes,
    obtainedAt: r.obtainedAt as string,
  };
}

/** `expires_in` may come as a number or a numeric string. */
function seconds(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}
