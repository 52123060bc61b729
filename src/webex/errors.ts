/**
 * The two error types of the Webex client. Everything the client throws is one of these, so the UI can
 * show a clear message and offer "Copy tracking ID" without knowing about HTTP.
 *
 * Neither type ever carries the access token: messages are built from the method, a path without its
 * query string, the status and the server's own words.
 */

/** What went wrong, from the caller's point of view. */
export type WebexErrorKind = 'http' | 'timeout' | 'network' | 'malformed' | 'aborted';

/** Everything a {@link WebexApiError} is built from. */
export interface WebexApiErrorInit {
  kind: WebexErrorKind;
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  method: string;
  /** Path relative to the API base, without host, query string or token. */
  path: string;
  serverMessage?: string;
  details?: string[];
  trackingId?: string;
  retryAfterSeconds?: number;
  /** Low-level cause code for network errors (e.g. `ECONNRESET`, `UND_ERR_SOCKET`). */
  code?: string;
  deliveryChecked?: boolean;
  /** Overrides the generated message. */
  message?: string;
}

/**
 * A request to Webex failed: an HTTP error status, a timeout, a network failure, a body that is not
 * the JSON Webex promises, or the caller's own abort.
 *
 * `trackingId` is the service's tracking id (body `trackingId` or `TrackingID` response header);
 * when no response arrived it is the `TrackingID` this client sent, which the service may also have logged.
 */
export class WebexApiError extends Error {
  readonly kind: WebexErrorKind;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly serverMessage?: string;
  readonly details: string[];
  readonly trackingId?: string;
  /** The server's `Retry-After` in seconds, when it sent one (429/423/503). */
  readonly retryAfterSeconds?: number;
  /** Network error code such as `ECONNRESET`, when the failure had one. */
  readonly code?: string;
  /**
   * Only on failures of `messages.create`: `true` when the client looked in the space after an
   * ambiguous failure and the message is not there, so sending it again will not duplicate it.
   */
  readonly deliveryChecked?: boolean;

  constructor(init: WebexApiErrorInit) {
    super(init.message ?? describe(init));
    this.name = 'WebexApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.serverMessage = init.serverMessage;
    this.details = init.details ?? [];
    this.trackingId = init.trackingId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.code = init.code;
    this.deliveryChecked = init.deliveryChecked;
  }

  /** A plain object for logs and webview messages (JSON.stringify of an Error loses its message). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      status: this.status,
      method: this.method,
      path: this.path,
      serverMessage: this.serverMessage,
      details: this.details,
      trackingId: this.trackingId,
      retryAfterSeconds: this.retryAfterSeconds,
      code: this.code,
      deliveryChecked: this.deliveryChecked,
    };
  }
}

function describe(init: WebexApiErrorInit): string {
  const where = `${init.method} ${init.path}`;
  switch (init.kind) {
    case 'http': {
      const said = init.serverMessage ?? init.details?.[0];
      return said !== undefined && said !== ''
        ? `Webex said: ${said} (${init.status} ${where})`
        : `Webex answered HTTP ${init.status} (${where})`;
    }
    case 'timeout':
      return `Webex did not answer in time (${where})`;
    case 'network':
      return `Could not reach Webex${init.code ? ` (${init.code})` : ''} (${where})`;
    case 'malformed':
      return `Webex sent a response that could not be read (${init.status} ${where})`;
    case 'aborted':
      return `Request cancelled (${where})`;
  }
}

/** Whether `error` is Webex's HTTP answer with one of `statuses` (not a timeout or network failure). */
export function hasStatus(error: unknown, ...statuses: number[]): error is WebexApiError {
  return error instanceof WebexApiError && error.kind === 'http' && statuses.includes(error.status);
}

/**
 * Whether Webex refused the access token: HTTP 401, which every operation of the Webex messaging
 * OpenAPI spec lists for a missing, expired or revoked bearer token (developer.webex.com/errors.html).
 * What that means for the signed-in account (refresh it, or sign in again) is the session's decision.
 */
export function isUnauthorized(error: unknown): boolean {
  return hasStatus(error, 401);
}

/** Bad input caught before any request was sent; `field` names the offending parameter. */
export class WebexInputError extends Error {
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'WebexInputError';
    this.field = field;
  }
}
