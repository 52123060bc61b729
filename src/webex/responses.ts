/**
 * Reading what Webex sent back: JSON bodies, error bodies, network error codes. Kept apart from the
 * transport so the rules for "what counts as malformed" are in one place.
 */
import { WebexApiError } from './errors';
import { isRecord } from './text';

/**
 * The fields of a Webex error body: `{message, errors:[{description}], trackingId}` (a real response
 * quoted by ObjectIsAdvantag/webex-api-emulator; WebexPythonSDK's `ApiError` reads the same fields).
 */
export interface ErrorBody {
  message?: string;
  details: string[];
  trackingId?: string;
}

/** What a malformed-body error needs to say where it happened. */
export interface ResponseContext {
  status: number;
  method: string;
  path: string;
  trackingId?: string;
  contentType?: string | null;
}

/**
 * The error for a non-2xx answer: the server's message and details (with the token scrubbed out,
 * should a server ever echo it) and its tracking id, from the body or else the `TrackingID` header.
 */
export function httpError(
  bytes: Uint8Array,
  where: { status: number; method: string; path: string; trackingId?: string; retryAfterSeconds?: number },
  token: string,
): WebexApiError {
  const parsed = parseErrorBody(bytes);
  const scrub = (s: string): string => (token === '' ? s : s.split(token).join('[token]'));
  return new WebexApiError({
    kind: 'http',
    status: where.status,
    method: where.method,
    path: where.path,
    serverMessage: parsed.message === undefined ? undefined : scrub(parsed.message),
    details: parsed.details.map(scrub),
    trackingId: parsed.trackingId ?? where.trackingId,
    retryAfterSeconds: where.retryAfterSeconds,
  });
}

/** Parses a Webex error body leniently: anything unexpected just yields fewer fields. */
export function parseErrorBody(bytes: Uint8Array): ErrorBody {
  const out: ErrorBody = { details: [] };
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return out;
  }
  if (!isRecord(value)) {
    return out;
  }
  if (typeof value.message === 'string' && value.message !== '') {
    out.message = value.message;
  }
  if (Array.isArray(value.errors)) {
    for (const e of value.errors) {
      if (isRecord(e) && typeof e.description === 'string' && e.description !== '') {
        out.details.push(e.description);
      }
    }
  }
  if (typeof value.trackingId === 'string' && value.trackingId !== '') {
    out.trackingId = value.trackingId;
  }
  return out;
}

/**
 * Parses a success body that must be a JSON object. An HTML error page from a proxy, a truncated body
 * or invalid UTF-8 becomes a `malformed` WebexApiError instead of a crash in a view.
 */
export function parseJsonObject(bytes: Uint8Array, ctx: ResponseContext): Record<string, unknown> {
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    value = JSON.parse(text);
  } catch {
    throw malformed(ctx, bytes.length === 0 ? 'the body is empty' : `the body is not JSON${describeType(ctx.contentType)}`);
  }
  if (!isRecord(value)) {
    throw malformed(ctx, 'the body is not a JSON object');
  }
  return value;
}

/** A `malformed` error for the response described by `ctx`. */
export function malformed(ctx: ResponseContext, why: string): WebexApiError {
  return new WebexApiError({
    kind: 'malformed',
    status: ctx.status,
    method: ctx.method,
    path: ctx.path,
    trackingId: ctx.trackingId,
    message: `Webex sent a response that could not be read: ${why} (${ctx.status} ${ctx.method} ${ctx.path})`,
  });
}

function describeType(contentType: string | null | undefined): string {
  if (contentType === null || contentType === undefined || contentType === '') {
    return '';
  }
  return ` but ${contentType.split(';')[0].trim()}`;
}

/**
 * The most specific error code in an undici failure: `fetch failed` wraps the socket error in
 * `cause` (and connection failures to several addresses in an AggregateError).
 */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  let code: string | undefined;
  for (let depth = 0; depth < 5 && isRecord(current); depth++) {
    if (typeof current.code === 'string') {
      code = current.code;
    }
    if (Array.isArray(current.errors) && current.errors.length > 0) {
      current = current.errors[0];
    } else {
      current = current.cause;
    }
  }
  return code;
}

/**
 * Filename from a `Content-Disposition` header (RFC 6266): prefers `filename*=UTF-8''…` over
 * `filename="…"`. Directory parts are removed so a hostile name cannot point outside a folder.
 */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (header === null) {
    return undefined;
  }
  let name: string | undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
    const bare = /filename\s*=\s*([^;"\s]+)/i.exec(header);
    name = quoted ? quoted[1].replace(/\\(.)/g, '$1') : bare?.[1];
  }
  if (name === undefined) {
    return undefined;
  }
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? undefined : base;
}
