/**
 * When and how long to wait before trying a request again. Pure functions, so the policy is easy to
 * read in one place; the transport applies it.
 */

/** WebexPythonSDK waits 15 s when a 429 has no usable `Retry-After` (`exceptions.RateLimitError`). */
export const DEFAULT_RETRY_AFTER_SECONDS = 15;
/** WebexPythonSDK waits at least 1 s. */
export const MIN_RETRY_AFTER_SECONDS = 1;
/** Longer waits are shortened: an editor should not hang for minutes on one header. */
export const MAX_RETRY_AFTER_SECONDS = 60;
/** 429/423 retries per request. */
export const DEFAULT_MAX_RATE_LIMIT_RETRIES = 4;
/** 502/503/504 and network-failure retries per idempotent request. */
export const DEFAULT_MAX_RETRIES = 3;
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 8000;

/** Worth retrying for idempotent requests: gateways and overload (the Webex API lists them for every operation). */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);
/**
 * A 500 is retried only for reads (GET, HEAD): repeating a read cannot change anything, and Webex's
 * 500 "An unexpected error occurred. Please try again." is often passing. A 500 on a PUT or DELETE
 * is more likely the request itself failing, so it is reported at once.
 */
export const TRANSIENT_READ_STATUSES: ReadonlySet<number> = new Set([500, ...TRANSIENT_STATUSES]);
/** Webex refused the request and asks to come back later (429, 423: developer.webex.com "API Errors"). */
export const RATE_LIMIT_STATUSES: ReadonlySet<number> = new Set([429, 423]);

/** Methods whose repetition has the same effect as doing them once (RFC 9110 §9.2.2). */
export function isIdempotent(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'PUT' || method === 'DELETE';
}

/**
 * Error codes meaning the request never reached the server (no connection was made), so even a POST
 * can be sent again without risk of doing it twice.
 */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Reads `Retry-After` (RFC 9110 §10.2.3): delta-seconds or an HTTP-date. Returns seconds, or
 * undefined when the header is missing or unparsable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  // An HTTP-date always names a weekday or month; this keeps Date.parse from accepting "5.5" or "-1".
  if (/[a-z]{3}/i.test(trimmed)) {
    const at = Date.parse(trimmed);
    if (!Number.isNaN(at)) {
      return Math.max(0, Math.ceil((at - nowMs) / 1000));
    }
  }
  return undefined;
}

/** Seconds to actually wait for a rate-limit answer: default when missing, then clamped to [1, cap]. */
export function rateLimitWaitSeconds(retryAfter: number | undefined, capSeconds: number): number {
  const wanted = retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS;
  return Math.min(Math.max(wanted, MIN_RETRY_AFTER_SECONDS), capSeconds);
}

/**
 * "Full jitter" exponential backoff (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * a random wait in [0, min(max, base·2^retry)). `random` returns [0, 1) like Math.random.
 */
export function backoffMs(retry: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** retry);
  return Math.floor(random() * ceiling);
}
