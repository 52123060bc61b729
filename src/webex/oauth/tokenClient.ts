/**
 * The token endpoint of a Webex integration: `POST {base}/access_token`, form-encoded, with
 * `grant_type=authorization_code` (client_id, client_secret, code, redirect_uri) or
 * `grant_type=refresh_token` (client_id, client_secret, refresh_token)
 * (developer.webex.com/docs/integrations; WebexCommunity/WebexPythonSDK `api/access_tokens.py`
 * posts exactly these fields as form data and expects 200).
 *
 * Failures are {@link OAuthTokenError}s (a WebexApiError with path `/access_token`): the message is
 * the service's own words, and neither it nor anything else here ever contains the client secret,
 * the code, the verifier or a token. No request is retried: a code works once, so a blind resend
 * after a lost answer could only fail with "code already used".
 */
import { randomUUID } from 'node:crypto';
import { WebexApiError, isUnauthorized, type WebexApiErrorInit, type WebexErrorKind } from '../errors';
import { networkErrorCode } from '../responses';
import { isRecord } from '../text';
import { parseBaseUrl } from '../requestSafety';
import { fetchOf, type Dispatcher, type FetchFunction, type FetchInit } from '../runtime';
import type { RequestLogEntry } from '../transport';
import { tokenRecordFromResponse, type TokenRecord } from './tokens';

export const TOKEN_PATH = '/access_token';
const DEFAULT_TIMEOUT_MS = 30_000;

/** A token-endpoint failure. `oauthError` is RFC 6749 §5.2's `error` code when the body has one. */
export class OAuthTokenError extends WebexApiError {
  readonly oauthError?: string;

  constructor(init: WebexApiErrorInit & { oauthError?: string }) {
    super(init);
    this.name = 'OAuthTokenError';
    this.oauthError = init.oauthError;
  }
}

/**
 * Whether a failed grant can only be fixed by the user: a refused grant (bad, used or expired code;
 * revoked or expired refresh token) or refused client credentials. Timeouts, network failures, 5xx
 * and 429 are worth trying again later.
 */
export function isPermanentGrantFailure(error: unknown): boolean {
  if (!(error instanceof WebexApiError) || error.kind !== 'http') {
    return false;
  }
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/**
 * Whether the client id or secret was refused (RFC 6749 §5.2 `invalid_client`, which a server may
 * answer with 401). Then asking for the secret again is the fix, not only signing in again.
 */
export function isClientRejected(error: unknown): boolean {
  if (error instanceof OAuthTokenError && error.oauthError !== undefined) {
    return error.oauthError === 'invalid_client' || error.oauthError === 'unauthorized_client';
  }
  return isUnauthorized(error);
}

export interface OAuthTokenClientOptions {
  /** The API base, e.g. `https://webexapis.com/v1`. */
  baseUrl: string;
  clientId: string;
  /** Read when a request is made, so the secret can stay in SecretStorage until then. */
  clientSecret: () => string | Promise<string>;
  /** Default `globalThis.fetch` (VS Code's, with its proxy support, in the extension host); see runtime.ts. */
  fetch?: FetchFunction;
  /** For Node callers: an undici dispatcher given to fetch as its `dispatcher` init field. */
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** One entry per request: method, path, status, time (never a body). */
  onRequest?: (entry: RequestLogEntry) => void;
  userAgent?: string;
}

export interface CodeExchange {
  code: string;
  /** Exactly the redirect URI of the authorize request (RFC 6749 §4.1.3). */
  redirectUri: string;
  /** The PKCE verifier, when the authorize request carried a challenge. */
  codeVerifier?: string;
  /** The scopes asked for, recorded when the answer does not list them. */
  scopes: readonly string[];
  signal?: AbortSignal;
}

export class OAuthTokenClient {
  private readonly url: URL;
  private readonly now: () => number;

  constructor(private readonly options: OAuthTokenClientOptions) {
    const base = parseBaseUrl(options.baseUrl);
    this.url = new URL(TOKEN_PATH.slice(1), base);
    this.now = options.now ?? Date.now;
  }

  /** Exchanges an authorization code for tokens. */
  async exchangeCode(exchange: CodeExchange): Promise<TokenRecord> {
    const form: Record<string, string> = {
      grant_type: 'authorization_code',
      code: exchange.code,
      redirect_uri: exchange.redirectUri,
    };
    if (exchange.codeVerifier !== undefined) {
      form.code_verifier = exchange.codeVerifier;
    }
    const body = await this.post(form, exchange.signal);
    return this.record(body, exchange.scopes);
  }

  /** Uses the refresh token for a new access token (and possibly a new refresh token). */
  async refresh(previous: TokenRecord, signal?: AbortSignal): Promise<TokenRecord> {
    const body = await this.post({ grant_type: 'refresh_token', refresh_token: previous.refreshToken }, signal);
    return this.record(body, previous.scopes, previous);
  }

  private record(body: { json: Record<string, unknown>; trackingId: string }, scopes: readonly string[], previous?: TokenRecord): TokenRecord {
    const record = tokenRecordFromResponse(body.json, this.now(), scopes, previous);
    if (!record) {
      throw new OAuthTokenError({
        kind: 'malformed',
        status: 200,
        method: 'POST',
        path: TOKEN_PATH,
        trackingId: body.trackingId,
        message: `Webex sent a token answer without an access token, its lifetime or a refresh token (200 POST ${TOKEN_PATH})`,
      });
    }
    return record;
  }

  private async post(fields: Record<string, string>, signal?: AbortSignal): Promise<{ json: Record<string, unknown>; trackingId: string }> {
    const secret = (await this.options.clientSecret()).trim();
    const form = new URLSearchParams({ ...fields, client_id: this.options.clientId, client_secret: secret });
    // Everything secret that went out: scrubbed from whatever comes back before it reaches an error.
    const secrets = [secret, fields.code, fields.refresh_token, fields.code_verifier].filter(
      (s): s is string => typeof s === 'string' && s.length >= 4,
    );
    const sentTrackingId = `WEBEX_VSCODE_OAUTH_${randomUUID()}`;
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const started = performance.now();
    const seen = { status: 0, trackingId: sentTrackingId };
    try {
      const res = await fetchOf(this.options.fetch)(this.url, this.requestInit(form, sentTrackingId, combined));
      seen.trackingId = res.headers.get('trackingid') ?? sentTrackingId;
      const text = await res.text();
      seen.status = res.status;
      return { json: readTokenAnswer(seen.status, text, seen.trackingId, secrets), trackingId: seen.trackingId };
    } catch (error) {
      if (error instanceof WebexApiError) {
        throw error;
      }
      const kind: WebexErrorKind = signal?.aborted ? 'aborted' : timeout.aborted ? 'timeout' : 'network';
      const code = kind === 'network' ? networkErrorCode(error) : undefined;
      throw new OAuthTokenError({ kind, status: 0, method: 'POST', path: TOKEN_PATH, trackingId: seen.trackingId, code });
    } finally {
      this.logRequest(seen.status, seen.trackingId, performance.now() - started);
    }
  }

  private requestInit(form: URLSearchParams, trackingId: string, signal: AbortSignal): FetchInit {
    const init: FetchInit = {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        TrackingID: trackingId,
        'User-Agent': this.options.userAgent ?? 'webex-vscode',
      },
      body: form.toString(),
      signal,
      redirect: 'manual',
    };
    if (this.options.dispatcher !== undefined) {
      init.dispatcher = this.options.dispatcher;
    }
    return init;
  }

  /** Method, path, status, time and tracking id only: never the form (secret, code, tokens). */
  private logRequest(status: number, trackingId: string, durationMs: number): void {
    const entry: RequestLogEntry = { method: 'POST', path: TOKEN_PATH, status, durationMs: Math.round(durationMs), trackingId, attempt: 1 };
    try {
      this.options.onRequest?.(entry);
    } catch {
      // A throwing logger must not turn a good answer into a failure.
    }
  }
}

/** The token endpoint's JSON answer, or the error it stands for (secrets scrubbed from it). */
function readTokenAnswer(status: number, text: string, trackingId: string, secrets: string[]): Record<string, unknown> {
  const json = parseObject(text);
  if (status === 200 && json) {
    return json;
  }
  if (status >= 200 && status < 300) {
    throw new OAuthTokenError({
      kind: 'malformed',
      status,
      method: 'POST',
      path: TOKEN_PATH,
      trackingId,
      message: `Webex sent a token answer that could not be read (${status} POST ${TOKEN_PATH})`,
    });
  }
  throw httpError(status, json, trackingId, secrets);
}

/**
 * The error for a non-2xx answer. Webex error bodies are
 * `{message, errors:[{description}], trackingId}` (WebexPythonSDK's `ApiError` reads them); an
 * OAuth server may instead answer `{error, error_description}` (RFC 6749 §5.2). Both are read;
 * which one Webex's token endpoint sends is [UNVERIFIED].
 */
function httpError(status: number, json: Record<string, unknown> | undefined, trackingId: string, secrets: string[]): OAuthTokenError {
  const scrub = (s: string): string => secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), s);
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? scrub(v) : undefined);
  const details: string[] = [];
  if (json && Array.isArray(json.errors)) {
    for (const e of json.errors) {
      const d = isRecord(e) ? str(e.description) : undefined;
      if (d !== undefined) {
        details.push(d);
      }
    }
  }
  return new OAuthTokenError({
    kind: 'http',
    status,
    method: 'POST',
    path: TOKEN_PATH,
    serverMessage: str(json?.message) ?? str(json?.error_description) ?? details[0],
    details,
    trackingId: str(json?.trackingId) ?? trackingId,
    oauthError: typeof json?.error === 'string' && /^[a-z_]{1,64}$/.test(json.error) ? json.error : undefined,
  });
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
