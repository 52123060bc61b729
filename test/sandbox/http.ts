/**
 * Request context and response helpers shared by the routes. Every response carries a
 * `TrackingID` header and errors have the body Webex sends:
 * `{ message, errors: [{ description }], trackingId }` (quoted from a real response in `utils.js` of
 * ObjectIsAdvantag/webex-api-emulator, Cisco DevNet's Webex API emulator).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PersonRec, Store } from './store';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Texts Webex uses (webex-api-emulator's auth.js/utils.js quote them from real responses). */
export const TEXT = {
  unauthorized: 'The request requires a valid access token set in the Authorization request header.',
  notFound: 'The requested resource could not be found.',
  badId: 'Expect base64 ID or UUID.',
  roomNotFound: 'Could not find a room with provided ID.',
} as const;

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  query: URLSearchParams;
  store: Store;
  origin: string;
  trackingId: string;
  /** The caller; set after authentication (routes under /v1 always have one). */
  me: PersonRec;
  /** Fault `dropAfter`: do the work, then close the connection instead of answering. */
  dropAfter: boolean;
  /** Fault `dropNextParams`: the next link loses `mentionedPeople` and says `max=null` (WebexPythonSDK issue #168). */
  dropNextParams: boolean;
  maxUploadBytes: number;
  /** What the client saw, for the request log: 0 when the connection was dropped. */
  status: number;
  /** The body, when a `delay` fault started reading it before waiting (see bodyOf). */
  body?: Promise<Buffer>;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

function finish(ctx: Ctx, status: number, headers: Record<string, string>, body?: Buffer | string): void {
  if (ctx.dropAfter || ctx.req.socket.destroyed) {
    ctx.status = 0;
    ctx.req.socket.destroy();
    return;
  }
  ctx.status = status;
  ctx.res.writeHead(status, { TrackingID: ctx.trackingId, ...headers });
  ctx.res.end(body);
}

export function sendJson(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  finish(ctx, status, { 'Content-Type': JSON_TYPE, 'Content-Length': String(Buffer.byteLength(text)), ...headers }, text);
}

export function sendNoContent(ctx: Ctx): void {
  finish(ctx, 204, {});
}

export function sendBytes(ctx: Ctx, headers: Record<string, string>, data?: Buffer): void {
  finish(ctx, 200, headers, data);
}

export function errorBody(message: string, trackingId: string): object {
  return { message, errors: [{ description: message }], trackingId };
}

export function sendError(ctx: Ctx, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(ctx, status, errorBody(message, ctx.trackingId), headers);
}

/**
 * Reads a body, storing at most `limit` bytes: beyond that it keeps counting but drops the chunks
 * and, once the client has finished sending, fails with `tooLarge`. Answering only after the body
 * ends keeps the 400 readable by clients that do not expect an early response.
 */
export function readBody(req: IncomingMessage, limit: number, tooLarge: HttpError): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 'NaN');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        over = true;
      }
      if (!over) {
        chunks.push(chunk);
      }
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      if (over) {
        reject(tooLarge);
      } else {
        resolve(Buffer.concat(chunks, size));
      }
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!ended) {
        reject(new Error('The client closed the connection before its body ended.'));
      }
    });
  });
}

/**
 * The request body, read once. A `delay` fault starts reading it before it waits, so a client that
 * sent everything and then gave up (timeout) still delivered its request, which the service then
 * carries out, as the real one most likely would.
 */
export async function bodyOf(ctx: Ctx, limit: number, tooLarge: HttpError): Promise<Buffer> {
  if (!ctx.body) {
    return readBody(ctx.req, limit, tooLarge);
  }
  const body = await ctx.body;
  if (body.length > limit) {
    throw tooLarge;
  }
  return body;
}

const JSON_LIMIT = 1024 * 1024;

/** Parses a JSON object body; 415 for another media type (the emulator quotes the real text), 400 when unparsable. */
export async function readJson(ctx: Ctx): Promise<Record<string, unknown>> {
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    await bodyOf(ctx, 0, new HttpError(415, 'x')).catch(() => undefined);
    throw new HttpError(415, `Content type '${type || 'text/plain'}' not supported`);
  }
  const body = await bodyOf(ctx, JSON_LIMIT, new HttpError(400, 'The request body is too large.'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'Unable to parse the request body as JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    return undefined;
  }
  if (typeof v !== 'string') {
    throw new HttpError(400, `${name} must be a string.`);
  }
  return v;
}

export function requiredString(body: Record<string, unknown>, name: string): string {
  const v = optionalString(body, name);
  if (v === undefined || v.trim() === '') {
    throw new HttpError(400, `${name} cannot be null`);
  }
  return v;
}

export function optionalBoolean(body: Record<string, unknown>, name: string): boolean | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    return undefined;
  }
  if (typeof v !== 'boolean') {
    throw new HttpError(400, `${name} must be a boolean.`);
  }
  return v;
}

export function requiredBoolean(body: Record<string, unknown>, name: string): boolean {
  const v = optionalBoolean(body, name);
  if (v === undefined) {
    throw new HttpError(400, `${name} cannot be null`);
  }
  return v;
}

/** A required query parameter, with the Spring-style text Webex answers (webex-api-emulator messages.js). */
export function requiredParam(ctx: Ctx, name: string): string {
  const v = ctx.query.get(name);
  if (!v) {
    throw new HttpError(400, `Required String parameter '${name}' is not present`);
  }
  return v;
}

export interface MaxRule {
  def: number;
  limit: number;
  /**
   * `reject`: over the limit is a 400 (GET /rooms: "must be 1–1000"); `clamp`: the limit is used
   * (developer.webex.com "Pagination": a `max` over an endpoint's limit returns the maximum).
   */
  over: 'reject' | 'clamp';
}

export function parseMax(ctx: Ctx, rule: MaxRule): number {
  const raw = ctx.query.get('max');
  if (raw === null || raw === '') {
    return rule.def;
  }
  // `max=null` (the real next link's artefact, WebexPythonSDK `_fix_next_url`) is rejected: a client must strip it.
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new HttpError(400, `Invalid max value '${raw}': max must be a positive integer.`);
  }
  const n = Number(raw);
  if (n > rule.limit) {
    if (rule.over === 'reject') {
      throw new HttpError(400, `max must be between 1 and ${rule.limit} inclusive.`);
    }
    return rule.limit;
  }
  return n;
}

/** Sets `Link: <next>; rel="next"` (developer.webex.com "Pagination"): the request's parameters, `changes` applied. */
export function setNextLink(ctx: Ctx, changes: Record<string, string | null>): void {
  const params = new URLSearchParams(ctx.query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) {
      params.delete(k);
    } else {
      params.set(k, v);
    }
  }
  if (ctx.dropNextParams) {
    params.delete('mentionedPeople');
    params.set('max', 'null');
  }
  ctx.res.setHeader('Link', `<${ctx.origin}${ctx.url.pathname}?${params.toString()}>; rel="next"`);
}

export type SortKey = [number | string, string];

function compareKeys(a: SortKey, b: SortKey, desc: boolean): number {
  const primary = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  if (primary !== 0) {
    return desc ? -primary : primary;
  }
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/**
 * One page of a keyset-paginated list. `items` must be sorted by `keyOf` (primary `desc` or asc, then id).
 * The cursor lives in the `after` parameter, as in the example link of developer.webex.com "Pagination"
 * (`…&before&after=Y2l…`).
 */
export function page<T>(ctx: Ctx, items: T[], keyOf: (t: T) => SortKey, max: number, desc = false): T[] {
  const cursor = ctx.query.get('after');
  let start = 0;
  if (cursor) {
    let key: SortKey;
    try {
      key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as SortKey;
    } catch {
      throw new HttpError(400, 'Invalid pagination cursor.');
    }
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(keyOf(items[mid]), key, desc) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    start = lo;
  }
  const slice = items.slice(start, start + max);
  if (start + max < items.length) {
    const last = Buffer.from(JSON.stringify(keyOf(slice[slice.length - 1]))).toString('base64url');
    setNextLink(ctx, { after: last });
  }
  return slice;
}

export function sortByKey<T>(items: T[], keyOf: (t: T) => SortKey, desc = false): T[] {
  return items.sort((a, b) => compareKeys(keyOf(a), keyOf(b), desc));
}

export type Handler = (ctx: Ctx, params: string[]) => void | Promise<void>;

/** One path of the API and the methods it answers; any other method is a 405. */
export interface Route {
  path: RegExp;
  methods: Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD', Handler>>;
}
