/**
 * The HTTP layer of the Webex client over the runtime's fetch (runtime.ts; Node's and VS Code's
 * reuse keep-alive connections through one global undici dispatcher), the headers every request
 * carries, timeouts, retries, error mapping and request logging.
 * Resource classes (rooms, messages, …) build on {@link Transport.json}, {@link Transport.list} and
 * {@link Transport.send}.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { WebexApiError, isUnauthorized, type WebexErrorKind } from './errors';
import { findLink } from './linkHeader';
import { PagedList, fixNextUrl, type Page } from './pagination';
import { checkToken, parseBaseUrl, redactedQuery } from './requestSafety';
import { httpError, malformed, networkErrorCode, parseJsonObject, type ResponseContext } from './responses';
import {
  DEFAULT_MAX_RATE_LIMIT_RETRIES,
  DEFAULT_MAX_RETRIES,
  MAX_RETRY_AFTER_SECONDS,
  NOT_SENT_CODES,
  RATE_LIMIT_STATUSES,
  TRANSIENT_READ_STATUSES,
  TRANSIENT_STATUSES,
  backoffMs,
  isIdempotent,
  parseRetryAfter,
  rateLimitWaitSeconds,
} from './retry';
import { fetchOf, type Dispatcher, type FetchFunction, type FetchInit } from './runtime';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** One line of the request log: never the token, never a body, no personal data from the query. */
export interface RequestLogEntry {
  method: string;
  /** Path relative to the API base; query values that could identify a person are replaced by `…`. */
  path: string;
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  durationMs: number;
  /** The service's tracking id when it sent one, else the `TrackingID` this client sent. */
  trackingId?: string;
  /** 1 for the first try of a request, 2 for its first retry, … */
  attempt: number;
}

export interface TransportOptions {
  baseUrl: string;
  getToken: () => string | Promise<string>;
  fetch?: FetchFunction;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  maxRetries?: number;
  maxRateLimitRetries?: number;
  maxRetryAfterSeconds?: number;
  onRequest?: (entry: RequestLogEntry) => void;
  onUnauthorized?: (error: WebexApiError) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  userAgent?: string;
}

export type QueryValue = string | number | boolean | string[] | undefined;
export type Query = Record<string, QueryValue>;

export interface HttpRequest {
  method: HttpMethod;
  url: URL;
  /** A JSON body. */
  json?: unknown;
  /** A multipart body, built afresh for every attempt. */
  form?: () => FormData | Promise<FormData>;
  /** A body sent as written (the API console's), with its own `Content-Type` in `headers`. */
  text?: string;
  /**
   * Extra headers (the API console's). `Authorization`, `TrackingID` and `Host` are the client's own:
   * given here they are ignored (the console refuses them earlier, with a diagnostic).
   */
  headers?: Record<string, string>;
  accept?: string;
  /** Only downloads follow redirects (fetch drops `Authorization` on cross-origin redirects). */
  followRedirects?: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: Uint8Array;
  url: URL;
  /** Service tracking id, else ours. */
  trackingId: string;
}

type Outcome = { ok: true; response: HttpResponse } | { ok: false; error: WebexApiError; response?: HttpResponse };

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Headers only the client sets: the token, our tracking id, and where the request goes. */
const OWN_HEADERS = new Set(['authorization', 'trackingid', 'host']);

export class Transport {
  readonly base: URL;
  private readonly basePath: string;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRateLimitRetries: number;
  private readonly maxRetryAfterSeconds: number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly userAgent: string;
  // TrackingID = WEBEX_VSCODE_<uuid of this client>_<sequence>, like webex-js-sdk's `<sessionId>_<seq>`
  // (its `webex-tracking-id.js` interceptor).
  private readonly session = randomUUID();
  private sequence = 0;

  constructor(private readonly options: TransportOptions) {
    this.base = parseBaseUrl(options.baseUrl);
    this.basePath = this.base.pathname.replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.maxRateLimitRetries = options.maxRateLimitRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES;
    this.maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? MAX_RETRY_AFTER_SECONDS;
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    this.random = options.random ?? Math.random;
    this.userAgent = options.userAgent ?? 'webex-vscode';
  }

  /** Joins `path` to the base URL (with or without its trailing '/') and adds the defined query values. */
  url(path: string, query: Query = {}): URL {
    const url = new URL(path.replace(/^\/+/, ''), this.base);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || (Array.isArray(value) && value.length === 0)) {
        continue;
      }
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    return url;
  }

  /** Path of `url` relative to the API base, without query: what errors show. */
  displayPath(url: URL): string {
    if (url.origin === this.base.origin && url.pathname.startsWith(`${this.basePath}/`)) {
      return url.pathname.slice(this.basePath.length);
    }
    return url.pathname;
  }

  /** Sends and parses a JSON object response. */
  async json<T>(request: HttpRequest): Promise<T> {
    const response = await this.send(request);
    return parseJsonObject(response.body, this.context(request, response)) as T;
  }

  /** Sends a request whose success answer has no body we need (DELETE → 204). */
  async empty(request: HttpRequest): Promise<void> {
    await this.send(request);
  }

  /** A lazy list of `path?query`, following and repairing `Link: rel="next"` (developer.webex.com "Pagination"). */
  list<T>(path: string, query: Query, signal?: AbortSignal): PagedList<T> {
    const first = this.url(path, query);
    return new PagedList<T>(async (next, pageSignal): Promise<Page<T>> => {
      const url = next === undefined ? first : new URL(next);
      const request: HttpRequest = { method: 'GET', url, signal: pageSignal };
      const response = await this.send(request);
      const ctx = this.context(request, response);
      const body = parseJsonObject(response.body, ctx);
      // WebexPythonSDK raises MalformedResponse when `items` is missing.
      if (!Array.isArray(body.items)) {
        throw malformed(ctx, 'the list has no "items" array');
      }
      try {
        return { items: body.items as T[], next: this.nextPage(response, first, ctx)?.href };
      } catch (error) {
        return { items: body.items as T[], nextError: error as Error };
      }
    }, signal);
  }

  private nextPage(response: HttpResponse, first: URL, ctx: ResponseContext): URL | undefined {
    const target = findLink(response.headers.get('link'), 'next');
    if (target === undefined) {
      return undefined;
    }
    let next: URL;
    try {
      next = new URL(target, response.url);
    } catch {
      throw malformed(ctx, 'the next-page link is not a URL');
    }
    // The token goes only to the API's own origin, whatever a response says.
    if (next.origin !== this.base.origin) {
      throw malformed(ctx, `the next-page link points to ${next.host}, not to ${this.base.host}; not followed`);
    }
    return fixNextUrl(next, first);
  }

  /**
   * Sends with retries: 429/423 after `Retry-After`; 502/503/504 (and 500 on reads), timeouts and drops
   * with jittered backoff, for idempotent methods only (or when nothing was sent). Resolves only with
   * a 2xx response; everything else is a WebexApiError.
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    let attempt = 0;
    let transientRetries = 0;
    let rateLimitRetries = 0;
    for (;;) {
      attempt++;
      const outcome = await this.attempt(request, attempt);
      if (outcome.ok) {
        return outcome.response;
      }
      const error = outcome.error;
      // A DELETE retried after a lost answer finds the thing gone: the first try did the job.
      if (request.method === 'DELETE' && transientRetries > 0 && error.status === 404 && outcome.response) {
        return outcome.response;
      }
      if (isUnauthorized(error)) {
        this.notify(() => this.options.onUnauthorized?.(error));
        throw error;
      }
      let waitMs: number | undefined;
      if (error.kind === 'http' && RATE_LIMIT_STATUSES.has(error.status)) {
        // The server refused the request, so even a POST is safe to send again.
        if (rateLimitRetries < this.maxRateLimitRetries) {
          rateLimitRetries++;
          waitMs = rateLimitWaitSeconds(error.retryAfterSeconds, this.maxRetryAfterSeconds) * 1000;
        }
      } else if (this.isRetryable(error, request.method) && transientRetries < this.maxRetries) {
        waitMs =
          error.retryAfterSeconds !== undefined
            ? rateLimitWaitSeconds(error.retryAfterSeconds, this.maxRetryAfterSeconds) * 1000
            : Math.max(backoffMs(transientRetries, this.random), 0);
        transientRetries++;
      }
      if (waitMs === undefined) {
        throw error;
      }
      await this.wait(waitMs, request);
    }
  }

  /**
   * One attempt and whatever status comes back, for the API console: no retries, not even after a
   * 429, so the developer sees what Webex answered (`Retry-After` included) and a POST is never sent
   * twice. Throws a WebexApiError only when no answer arrived (network, timeout, aborted); a 401
   * still tells `onUnauthorized`.
   */
  async exchange(request: HttpRequest): Promise<HttpResponse> {
    const outcome = await this.attempt(request, 1);
    if (outcome.ok) {
      return outcome.response;
    }
    if (isUnauthorized(outcome.error)) {
      const error = outcome.error;
      this.notify(() => this.options.onUnauthorized?.(error));
    }
    if (outcome.response) {
      return outcome.response;
    }
    throw outcome.error;
  }

  private isRetryable(error: WebexApiError, method: HttpMethod): boolean {
    if (error.kind === 'network' && error.code !== undefined && NOT_SENT_CODES.has(error.code)) {
      return true;
    }
    if (!isIdempotent(method)) {
      return false;
    }
    const transient = method === 'GET' || method === 'HEAD' ? TRANSIENT_READ_STATUSES : TRANSIENT_STATUSES;
    return error.kind === 'timeout' || error.kind === 'network' || (error.kind === 'http' && transient.has(error.status));
  }

  private async attempt(request: HttpRequest, attempt: number): Promise<Outcome> {
    const sentTrackingId = `WEBEX_VSCODE_${this.session}_${++this.sequence}`;
    const method = request.method;
    const path = this.displayPath(request.url);
    // A closed client (signed out, replaced after a settings change) sends nothing more.
    if (request.signal?.aborted || this.closed) {
      return { ok: false, error: this.failure('aborted', request, sentTrackingId) };
    }
    const token = checkToken(await this.options.getToken());
    const started = performance.now();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let status = 0;
    let trackingId = sentTrackingId;
    try {
      const res = await fetchOf(this.options.fetch)(request.url, await this.requestInit(request, token, sentTrackingId, signal));
      trackingId = res.headers.get('trackingid') ?? sentTrackingId;
      // Read the whole body under the same timeout: a response that stalls midway is a failure too.
      const bytes = new Uint8Array(await res.arrayBuffer());
      status = res.status;
      const response: HttpResponse = { status, headers: res.headers, body: bytes, url: new URL(res.url || request.url.href), trackingId };
      if (status >= 200 && status < 300) {
        return { ok: true, response };
      }
      const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'), Date.now());
      const error = httpError(bytes, { status, method, path, trackingId, retryAfterSeconds }, token);
      return { ok: false, error, response };
    } catch (cause) {
      const kind: WebexErrorKind = request.signal?.aborted ? 'aborted' : timeout.aborted ? 'timeout' : 'network';
      return { ok: false, error: this.failure(kind, request, trackingId, networkErrorCode(cause)) };
    } finally {
      this.notify(() =>
        this.options.onRequest?.({
          method,
          path: this.logPath(request.url),
          status,
          durationMs: Math.round(performance.now() - started),
          trackingId,
          attempt,
        }),
      );
    }
  }

  private async requestInit(request: HttpRequest, token: string, trackingId: string, signal: AbortSignal): Promise<FetchInit> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      TrackingID: trackingId,
      Accept: request.accept ?? 'application/json',
      'User-Agent': this.userAgent,
    };
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (!OWN_HEADERS.has(name.toLowerCase())) {
        for (const key of Object.keys(headers).filter((k) => k.toLowerCase() === name.toLowerCase())) {
          delete headers[key];
        }
        headers[name] = value;
      }
    }
    let body: string | FormData | undefined;
    if (request.text !== undefined) {
      body = request.text;
    } else if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['Content-Type'] = 'application/json; charset=utf-8';
    } else if (request.form) {
      body = await request.form();
    }
    const init: FetchInit = { method: request.method, headers, body, signal, redirect: request.followRedirects === true ? 'follow' : 'manual' };
    if (this.options.dispatcher !== undefined) {
      init.dispatcher = this.options.dispatcher;
    }
    return init;
  }

  private failure(kind: WebexErrorKind, request: HttpRequest, trackingId: string, code?: string): WebexApiError {
    return new WebexApiError({
      kind,
      status: 0,
      method: request.method,
      path: this.displayPath(request.url),
      trackingId,
      code: kind === 'network' ? code : undefined,
    });
  }

  /** Waits before a retry; the caller's abort ends the wait at once. */
  private async wait(ms: number, request: HttpRequest): Promise<void> {
    await this.pause(ms, request.signal, () => this.failure('aborted', request, `WEBEX_VSCODE_${this.session}_${this.sequence}`));
  }

  /**
   * Sleeps `ms` with the injected sleep; if `signal` aborts first, rejects at once with
   * `onAbort()`, whatever the injected sleep does with the signal.
   */
  async pause(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
    if (signal === undefined) {
      await this.sleep(ms);
      return;
    }
    if (signal.aborted) {
      throw onAbort();
    }
    let listener: (() => void) | undefined;
    const abortPromise = new Promise<never>((_, reject) => {
      listener = () => reject(onAbort());
      signal.addEventListener('abort', listener, { once: true });
    });
    try {
      await Promise.race([this.sleep(ms, signal), abortPromise]);
    } catch (error) {
      throw signal.aborted ? onAbort() : error;
    } finally {
      if (listener) {
        signal.removeEventListener('abort', listener);
      }
    }
    if (signal.aborted) {
      throw onAbort();
    }
  }

  /** The context malformed-body errors report. */
  context(request: HttpRequest, response: HttpResponse): ResponseContext {
    return {
      status: response.status,
      method: request.method,
      path: this.displayPath(request.url),
      trackingId: response.trackingId,
      contentType: response.headers.get('content-type'),
    };
  }

  private logPath(url: URL): string {
    const query = redactedQuery(url);
    return query === '' ? this.displayPath(url) : `${this.displayPath(url)}?${query}`;
  }

  // A throwing log or auth callback must not turn a good response into a failure.
  private notify(callback: () => void): void {
    try {
      callback();
    } catch {
      // ignored on purpose
    }
  }

  /**
   * Ends this transport: later requests fail at once (kind `aborted`); requests under way finish.
   * A dispatcher passed in belongs to the caller and is closed only with `closeDispatcher`. Closing
   * again does nothing.
   */
  async close(closeDispatcher = false): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    if (closeDispatcher) {
      await this.options.dispatcher?.close();
    }
  }
}
