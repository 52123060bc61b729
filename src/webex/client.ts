/**
 * The Webex messaging REST client: typed methods over the runtime's fetch (runtime.ts), with retries,
 * pagination and errors a user can act on. Plain Node (no `vscode` import), so it is tested against
 * the local Webex over real loopback HTTP.
 *
 * ```ts
 * const client = new WebexClient({ baseUrl: DEFAULT_BASE_URL, getToken: () => secrets.get('token') });
 * for await (const room of client.rooms.list({ sortBy: 'lastactivity' })) { … }
 * await client.messages.create({ roomId, markdown: '**hello**' });
 * await client.close();
 * ```
 */
import type { WebexApiError } from './errors';
import { MembershipsApi } from './memberships';
import { AttachmentActionsApi } from './attachmentActions';
import { MessagesApi } from './messages';
import { PeopleApi } from './people';
import { RoomsApi } from './rooms';
import { TeamMembershipsApi } from './teamMemberships';
import { TeamsApi } from './teams';
import { WebhooksApi } from './webhooks';
import type { Dispatcher, FetchFunction } from './runtime';
import { Transport, type HttpRequest, type HttpResponse, type RequestLogEntry } from './transport';

export type { HttpMethod, HttpRequest, HttpResponse, RequestLogEntry } from './transport';
export type { RequestOptions } from './options';

/** The commercial cloud (WebexPythonSDK's default base URL; the Link headers of developer.webex.com "Pagination"). */
export const DEFAULT_BASE_URL = 'https://webexapis.com/v1';
/** The FedRAMP cloud (webex-js-sdk, `@webex/webex-core` `service-fed-ramp.js`). */
export const FEDRAMP_BASE_URL = 'https://api-usgov.webex.com/v1';

export interface WebexClientOptions {
  /** e.g. {@link DEFAULT_BASE_URL}; with or without a trailing '/'. */
  baseUrl: string;
  /** Called before every request (so a refreshed token is picked up); never logged. */
  getToken: () => string | Promise<string>;
  /**
   * Default `globalThis.fetch`: Node's own, or in VS Code's extension host the one VS Code patches
   * for its proxy settings and system certificates. One given must read the runtime's FormData
   * (runtime.ts {@link FetchFunction}).
   */
  fetch?: FetchFunction;
  /**
   * An undici dispatcher for Node callers who want one (e.g. npm undici's `ProxyAgent`), given to
   * fetch as its `dispatcher` init field. A dispatcher passed in is closed by {@link WebexClient.close}
   * only with `closeDispatcher: true`.
   */
  dispatcher?: Dispatcher;
  closeDispatcher?: boolean;
  /** Per attempt, covering the response body too. Default 30 000 ms. */
  timeoutMs?: number;
  /** Retries of idempotent requests after 502/503/504, timeouts and dropped connections. Default 3. */
  maxRetries?: number;
  /** Retries after 429/423. Default 4. */
  maxRateLimitRetries?: number;
  /** Longest wait for one `Retry-After`. Default 60 s. */
  maxRetryAfterSeconds?: number;
  /** Receives one entry per HTTP attempt. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Called once for each request that ends in 401 (the token expired or was revoked). */
  onUnauthorized?: (error: WebexApiError) => void;
  /** Replaces the wait before retries (tests record waits instead of sleeping). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Replaces Math.random for backoff jitter. */
  random?: () => number;
  /** Sent as User-Agent; default `webex-vscode`. */
  userAgent?: string;
}

export class WebexClient {
  readonly people: PeopleApi;
  readonly rooms: RoomsApi;
  readonly teams: TeamsApi;
  readonly memberships: MembershipsApi;
  readonly teamMemberships: TeamMembershipsApi;
  readonly messages: MessagesApi;
  readonly webhooks: WebhooksApi;
  readonly attachmentActions: AttachmentActionsApi;
  private readonly http: Transport;

  /** Throws WebexInputError when `baseUrl` is not an http(s) URL. */
  constructor(private readonly options: WebexClientOptions) {
    this.http = new Transport(options);
    this.people = new PeopleApi(this.http);
    this.rooms = new RoomsApi(this.http);
    this.teams = new TeamsApi(this.http);
    this.memberships = new MembershipsApi(this.http);
    this.teamMemberships = new TeamMembershipsApi(this.http);
    this.messages = new MessagesApi(this.http, this.people);
    this.webhooks = new WebhooksApi(this.http);
    this.attachmentActions = new AttachmentActionsApi(this.http);
  }

  /** The normalised base URL requests go to (always ending in '/'). */
  get baseUrl(): string {
    return this.http.base.href;
  }

  /**
   * Sends one request as written and resolves with any status (the API console's Send Request):
   * no retries; rejects only when no answer arrived. `request.url` must be on the base URL's origin.
   */
  exchange(request: HttpRequest): Promise<HttpResponse> {
    if (request.url.origin !== this.http.base.origin) {
      return Promise.reject(new Error(`Requests with this account's token go only to ${this.http.base.origin}, not to ${request.url.origin}.`));
    }
    return this.http.exchange(request);
  }

  /** Requests after close fail (kind `aborted`); closes the dispatcher given with `closeDispatcher: true`. */
  async close(): Promise<void> {
    await this.http.close(this.options.closeDispatcher === true);
  }
}
