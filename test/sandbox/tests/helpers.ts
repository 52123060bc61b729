/**
 * Helpers for the sandbox's own tests: real HTTP over loopback with Node's fetch, no mocks.
 * Tokens go only into the Authorization header.
 */
import { LocalWebex } from '../server';
import { SMALL, smallScenario, type Scenario } from '../scenario';

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  /** The parsed JSON body (undefined for an empty or non-JSON body), typed by the caller. */
  body: T;
  text: string;
}

/** Webex's error body (developer.webex.com "REST API Basics"). */
export interface ErrorBody {
  message: string;
  errors: Array<{ description: string }>;
  trackingId: string;
}

export interface Items<T> {
  items: T[];
  notFoundIds?: string[];
}

/** A fixed clock for scenarios, so timestamps in assertions do not depend on when tests run. */
export const NOW = new Date('2026-03-02T12:00:00.000Z');

export async function startSmall(options: { maxUploadBytes?: number; scenario?: Scenario } = {}): Promise<LocalWebex> {
  return LocalWebex.start({ scenario: options.scenario ?? smallScenario({ now: NOW }), maxUploadBytes: options.maxUploadBytes });
}

/** A small local Webex and Ada's view of it: `({ webex, ada } = await smallWithAda())` in a hook. */
export async function smallWithAda(options: { maxUploadBytes?: number; scenario?: Scenario } = {}): Promise<{ webex: LocalWebex; ada: Api }> {
  const webex = await startSmall(options);
  return { webex, ada: new Api(webex) };
}

export class Api {
  constructor(
    readonly webex: LocalWebex,
    /** null: no Authorization header. */
    readonly token: string | null = SMALL.ada.token,
  ) {}

  as(token: string | null): Api {
    return new Api(this.webex, token);
  }

  /** `path` is relative to /v1 (`/rooms?max=2`) or an absolute URL (a next link). */
  async call<T = ErrorBody>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const url = path.startsWith('http') ? path : `${this.webex.baseUrl}${path}`;
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.token !== null) {
      (init.headers as Record<string, string>).Authorization = `Bearer ${this.token}`;
    }
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(url, init);
    const text = await res.text();
    let parsed: unknown;
    if (text !== '' && (res.headers.get('content-type') ?? '').includes('json')) {
      parsed = JSON.parse(text);
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get<T = ErrorBody>(path: string): Promise<Reply<T>> {
    return this.call<T>('GET', path);
  }
  post<T = ErrorBody>(path: string, body: unknown): Promise<Reply<T>> {
    return this.call<T>('POST', path, body);
  }
  put<T = ErrorBody>(path: string, body: unknown): Promise<Reply<T>> {
    return this.call<T>('PUT', path, body);
  }
  delete<T = ErrorBody>(path: string): Promise<Reply<T>> {
    return this.call<T>('DELETE', path);
  }

  /** A request that must answer 200; its body. */
  async ok<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, body);
    if (r.status !== 200) {
      throw new Error(`${method} ${path} → ${r.status}: ${r.text}`);
    }
    return r.body;
  }

  /** The id of a room the caller sees, by title. */
  roomId(title: string): Promise<string> {
    return this.idWhere('/rooms?max=1000', 'title', title);
  }

  teamId(name: string): Promise<string> {
    return this.idWhere('/teams', 'name', name);
  }

  /** The id of the first item of the list at `path` whose `field` is `value`. */
  private async idWhere(path: string, field: 'title' | 'name', value: string): Promise<string> {
    const body = await this.ok<Items<{ id: string; title?: string; name?: string }>>(path);
    const hit = body.items.find((item) => item[field] === value);
    if (!hit) {
      throw new Error(`no item with ${field} ${value} in ${path}`);
    }
    return hit.id;
  }
}

/** The `next` URL of a Link header, or undefined. */
export function nextLink(r: Reply<unknown>): string | undefined {
  const link = r.headers.get('link');
  return link ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] : undefined;
}

/** Follows next links from `path`, returning every page's items. */
export async function allPages<T>(api: Api, path: string): Promise<{ pages: number; items: T[] }> {
  let url: string | undefined = path;
  let pages = 0;
  const items: T[] = [];
  while (url) {
    const r: Reply<Items<T>> = await api.get<Items<T>>(url);
    if (r.status !== 200) {
      throw new Error(`GET ${url} → ${r.status}: ${r.text}`);
    }
    pages++;
    items.push(...r.body.items);
    url = nextLink(r);
  }
  return { pages, items };
}

export function decode(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8');
}
