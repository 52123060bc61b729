/**
 * JSON over HTTP to the Webex services that live outside the REST API base: the service catalog
 * (u2c) and the device service (wdm), internal services webex-js-sdk uses for its websocket. Their
 * URLs come from configuration and from the catalog, so every URL is checked before the token is
 * sent to it.
 */
import { randomUUID } from 'node:crypto';
import { WebexApiError, WebexInputError } from '../errors';
import { httpError, networkErrorCode, parseJsonObject } from '../responses';
import { fetchOf, type Dispatcher, type FetchFunction, type FetchInit } from '../runtime';

export interface ServiceHttpOptions {
  /** The REST API base (`webex.apiBaseUrl`): a plain-http URL is trusted only on its own host. */
  apiBaseUrl: string;
  getToken: () => string | Promise<string>;
  /** Default `globalThis.fetch` (VS Code's, with its proxy support, in the extension host); see runtime.ts. */
  fetch?: FetchFunction;
  /** For Node callers: an undici dispatcher given to fetch as its `dispatcher` init field. */
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  userAgent?: string;
  onRequest?: (entry: { method: string; path: string; status: number; durationMs: number; trackingId?: string }) => void;
}

export type ServiceMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A service answered; `status` is 2xx, or a status the caller said it handles itself. */
export interface ServiceResponse {
  status: number;
  body: Record<string, unknown> | undefined;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Whether the token may be sent to `url`: always over TLS (https/wss), and in plain text only to
 * the host of the API base itself (the local Webex on 127.0.0.1). A catalog or device answer that
 * points elsewhere over plain text is refused.
 */
export function isTrustedServiceUrl(url: URL, apiBaseUrl: string): boolean {
  if (url.username !== '' || url.password !== '') {
    return false;
  }
  if (url.protocol === 'https:' || url.protocol === 'wss:') {
    return true;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'ws:') {
    return false;
  }
  let base: URL;
  try {
    base = new URL(apiBaseUrl);
  } catch {
    return false;
  }
  return base.protocol === 'http:' && base.host === url.host;
}

export class ServiceHttp {
  private readonly session = randomUUID();
  private sequence = 0;

  constructor(private readonly options: ServiceHttpOptions) {}

  get apiBaseUrl(): string {
    return this.options.apiBaseUrl;
  }

  /** Parses and checks a URL a service (or the configuration) gave; throws WebexInputError otherwise. */
  checkUrl(raw: string, what: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new WebexInputError(`Webex gave a ${what} that is not a URL.`, what);
    }
    if (!isTrustedServiceUrl(url, this.options.apiBaseUrl)) {
      throw new WebexInputError(`Webex gave a ${what} on ${url.host} without TLS; not used.`, what);
    }
    return url;
  }

  /** The token, checked the same way the REST transport checks it (never put in an error). */
  async token(): Promise<string> {
    const token = (await this.options.getToken()).trim();
    if (token === '' || !/^[\x21-\x7e]+$/.test(token)) {
      throw new WebexInputError('No usable Webex access token: sign in again.', 'token');
    }
    return token;
  }

  /**
   * Sends one request (no retries: callers have their own backoff). Resolves for 2xx and for the
   * statuses in `accept` (e.g. 404 for "device gone"); anything else is a WebexApiError.
   */
  async request(method: ServiceMethod, url: URL, json?: unknown, accept: readonly number[] = []): Promise<ServiceResponse> {
    if (!isTrustedServiceUrl(url, this.options.apiBaseUrl)) {
      throw new WebexInputError(`Refusing to send the token to ${url.host} without TLS.`, 'url');
    }
    const token = await this.token();
    const trackingId = `WEBEX_VSCODE_${this.session}_${++this.sequence}`;
    const started = performance.now();
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const path = url.pathname;
    let status = 0;
    let answeredTrackingId = trackingId;
    try {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        TrackingID: trackingId,
        Accept: 'application/json',
        'User-Agent': this.options.userAgent ?? 'webex-vscode',
      };
      if (json !== undefined) {
        headers['Content-Type'] = 'application/json; charset=utf-8';
      }
      const init: FetchInit = {
        method,
        headers,
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: timeout,
        redirect: 'manual',
      };
      if (this.options.dispatcher !== undefined) {
        init.dispatcher = this.options.dispatcher;
      }
      const res = await fetchOf(this.options.fetch)(url, init);
      answeredTrackingId = res.headers.get('trackingid') ?? trackingId;
      const bytes = new Uint8Array(await res.arrayBuffer());
      status = res.status;
      const ctx = { status, method, path, trackingId: answeredTrackingId, contentType: res.headers.get('content-type') };
      if ((status >= 200 && status < 300) || accept.includes(status)) {
        return { status, body: bytes.length > 0 && status !== 204 && status < 300 ? parseJsonObject(bytes, ctx) : undefined };
      }
      throw httpError(bytes, { status, method, path, trackingId: answeredTrackingId }, token);
    } catch (cause) {
      if (cause instanceof WebexApiError) {
        throw cause;
      }
      throw new WebexApiError({
        kind: timeout.aborted ? 'timeout' : 'network',
        status: 0,
        method,
        path,
        trackingId,
        code: networkErrorCode(cause),
      });
    } finally {
      try {
        this.options.onRequest?.({ method, path, status, durationMs: Math.round(performance.now() - started), trackingId: answeredTrackingId });
      } catch {
        // A throwing log callback must not fail the request.
      }
    }
  }
}
