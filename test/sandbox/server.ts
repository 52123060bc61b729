/**
 * A local Webex: a Node `http` server on 127.0.0.1 that answers the Webex messaging REST API under
 * `/v1`, seeded from a Scenario, faithful to the official OpenAPI spec of the Webex messaging API
 * and to what public clients observed of the real service (field names, statuses, error bodies,
 * `TrackingID`, `Link` pagination, bot visibility, the `next` link's known faults), and able to
 * inject faults (429 with Retry-After, 5xx, slow or dropped connections, malformed bodies).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control';
import { Faults, faultMessage, type FaultAction, type FaultKind } from './faults';
import { HttpError, TEXT, errorBody, readBody, sendError, type Ctx, type Route } from './http';
import { newTrackingId } from './ids';
import { attachLive, type SandboxLive } from './live/attachLive';
import { attachmentActionRoutes } from './routes/attachmentActions';
import { contentRoutes } from './routes/contents';
import { membershipRoutes } from './routes/memberships';
import { messageRoutes } from './routes/messages';
import { peopleRoutes } from './routes/people';
import { FORM_OVERHEAD, MAX_UPLOAD_BYTES } from './routes/postMessage';
import { roomRoutes } from './routes/rooms';
import { teamMembershipRoutes } from './routes/teamMemberships';
import { teamRoutes } from './routes/teams';
import { webhookRoutes } from './routes/webhooks';
import { smallScenario, type Scenario } from './scenario';
import { buildStore } from './scenarioLoader';
import { SandboxOAuth } from './oauth/sandboxOAuth';
import type { Store } from './store';
import { WebhookDeliveries } from './webhookDelivery';
import { attachmentActionJson } from './views';

export interface LocalWebexOptions {
  /** The account to serve; `smallScenario()` when left out. */
  scenario?: Scenario;
  /** 0 (the default) picks a free port. */
  port?: number;
  /**
   * Upload limit; 100 MB like Webex (developer.webex.com "Message Attachments"). Tests lower it to
   * prove the limit without sending 100 MB.
   */
  maxUploadBytes?: number;
}

/** One request as the server saw it. `path` is the URL path as sent, e.g. `/v1/rooms`; no token, no body. */
export interface RequestRecord {
  method: string;
  path: string;
  /** Query parameters; a repeated parameter's values are joined with `,`. */
  query: Record<string, string>;
  /** The status the client saw; 0 when the connection was dropped. */
  status: number;
  personEmail?: string;
  /** The injected fault, if any. */
  fault?: FaultKind;
  /** The `TrackingID` request header the client sent (the client's own id, not a secret). */
  clientTrackingId?: string;
}

export interface SandboxPerson {
  id: string;
  email: string;
  displayName: string;
  type: string;
  token: string;
}

const ROUTES: Route[] = [
  ...peopleRoutes,
  ...roomRoutes,
  ...teamRoutes,
  ...membershipRoutes,
  ...teamMembershipRoutes,
  ...messageRoutes,
  ...contentRoutes,
  ...webhookRoutes,
  ...attachmentActionRoutes,
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class LocalWebex {
  readonly faults = new Faults();
  /** Every request to `/v1` in arrival order (control requests are left out). */
  readonly requests: RequestRecord[] = [];
  /** Live updates (catalog, device service, Mercury websocket) and their test controls (test/sandbox/live). */
  readonly live: SandboxLive;
  private store: Store;
  private scenario: Scenario;
  private readonly maxUploadBytes: number;
  readonly oauth: SandboxOAuth;
  /** Signed deliveries of the webhooks made through /v1/webhooks, and their record. */
  readonly webhooks = new WebhookDeliveries();

  private constructor(
    private readonly server: Server,
    options: LocalWebexOptions,
  ) {
    this.scenario = options.scenario ?? smallScenario();
    this.store = buildStore(this.scenario);
    this.maxUploadBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
    this.oauth = new SandboxOAuth(() => this.store);
    this.live = attachLive(server, { store: () => this.store });
    this.webhooks.attach(this.store);
  }

  /** Starts a local Webex on 127.0.0.1 (never on other interfaces: the control endpoints need no token). */
  static async start(options: LocalWebexOptions = {}): Promise<LocalWebex> {
    const server = createServer();
    const webex = new LocalWebex(server, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void webex.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return webex;
  }

  get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get baseUrl(): string {
    return `${this.origin}/v1`;
  }

  tokenFor(email: string): string {
    const p = this.store.peopleByEmail.get(email.toLowerCase());
    if (!p) {
      throw new Error(`No person ${email} in this scenario`);
    }
    return p.token;
  }

  people(): SandboxPerson[] {
    return [...this.store.people.values()].map((p) => ({ id: p.id, email: p.email, displayName: p.displayName, type: p.type, token: p.token }));
  }

  /** The card submissions made so far, as GET /attachment/actions/{id} answers them (tests read them). */
  attachmentActions(): Array<Record<string, unknown>> {
    return [...this.store.attachmentActions.values()].map((a) => attachmentActionJson(this.store, a));
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Back to the scenario's initial state (or to a new scenario); faults and the request log are cleared. */
  reset(scenario?: Scenario): void {
    this.store = buildStore(scenario ?? this.scenario);
    if (scenario) {
      this.scenario = scenario;
    }
    this.live.reset();
    this.oauth.reset();
    this.webhooks.reset();
    this.webhooks.attach(this.store);
    this.faults.clear();
    this.clearRequests();
  }

  async stop(): Promise<void> {
    await this.live.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const trackingId = newTrackingId();
    const url = new URL(req.url ?? '/', this.origin);
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/_sandbox/oauth/')) {
      await this.oauth.control(req, res, url.pathname, trackingId);
      return;
    }
    if (url.pathname.startsWith('/_sandbox/')) {
      if (await this.live.handleControl(req, res, url)) {
        return;
      }
      await handleControl(this, req, res, url.pathname, trackingId);
      return;
    }
    const ctx: Ctx = {
      req,
      res,
      method,
      url,
      query: url.searchParams,
      store: this.store,
      origin: this.origin,
      trackingId,
      me: undefined as never,
      dropAfter: false,
      dropNextParams: false,
      maxUploadBytes: this.maxUploadBytes,
      status: 0,
    };
    const record: RequestRecord = { method, path: url.pathname, query: queryRecord(url.searchParams), status: 0 };
    const clientTrackingId = req.headers.trackingid;
    if (typeof clientTrackingId === 'string') {
      record.clientTrackingId = clientTrackingId;
    }
    this.requests.push(record);
    try {
      const ended = await this.applyFaults(ctx, record, this.faults.take(method, url.pathname));
      if (!ended) {
        // /u2c/api/v1/catalog and /wdm/api/v1/devices[/id] are answered (and authenticated) by the live part.
        const live = await this.live.handle(req, res, url);
        if (live) {
          ctx.status = live.status;
          record.personEmail = live.personEmail;
        } else {
          await this.route(ctx, record);
        }
      }
    } catch (err) {
      if (err instanceof HttpError) {
        sendError(ctx, err.status, err.message, err.headers);
      } else if (req.socket.destroyed) {
        ctx.status = 0; // the client went away while its body was read
      } else {
        console.error('local Webex: unexpected error', err);
        sendError(ctx, 500, 'An unexpected error occurred in the local Webex.');
      }
    }
    record.status = ctx.status;
  }

  /** Applies the fault actions in order; true when one of them ended the request. */
  private async applyFaults(ctx: Ctx, record: RequestRecord, actions: FaultAction[]): Promise<boolean> {
    for (const action of actions) {
      record.fault = action.kind;
      switch (action.kind) {
        case 'delay':
          if (!ctx.body) {
            // Take the body in while waiting (see bodyOf); its errors surface when a route reads it.
            ctx.body = readBody(ctx.req, ctx.maxUploadBytes + FORM_OVERHEAD, new HttpError(400, 'The request body is too large.'));
            ctx.body.catch(() => undefined);
          }
          await sleep(action.delayMs ?? 1000);
          break;
        case 'dropNextParams':
          ctx.dropNextParams = true;
          break;
        case 'dropAfter':
          ctx.dropAfter = true;
          break;
        case 'drop':
          ctx.status = 0;
          ctx.req.socket.destroy();
          return true;
        case 'malformed': {
          const html = action.body === 'html';
          const body = html
            ? '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>'
            : '{"items":[{"id":"Y2lzY29zcGFyazovL3VzL1JPT00v","title":"Proj';
          ctx.status = 200;
          ctx.res.writeHead(200, {
            TrackingID: ctx.trackingId,
            'Content-Type': html ? 'text/html' : 'application/json;charset=UTF-8',
            'Content-Length': String(Buffer.byteLength(body)),
          });
          ctx.res.end(body);
          return true;
        }
        case 'status': {
          const status = action.status ?? 500;
          const retryAfter = action.retryAfter === undefined ? (status === 429 ? 1 : null) : action.retryAfter;
          const headers: Record<string, string> = retryAfter === null ? {} : { 'Retry-After': String(retryAfter) };
          if (status === 204 || status === 304) {
            ctx.status = status;
            ctx.res.writeHead(status, { TrackingID: ctx.trackingId, ...headers });
            ctx.res.end();
          } else {
            ctx.status = status;
            const text = JSON.stringify(errorBody(faultMessage(status), ctx.trackingId));
            ctx.res.writeHead(status, { TrackingID: ctx.trackingId, 'Content-Type': 'application/json;charset=UTF-8', ...headers });
            ctx.res.end(text);
          }
          return true;
        }
      }
    }
    return false;
  }

  private async route(ctx: Ctx, record: RequestRecord): Promise<void> {
    const path = ctx.url.pathname;
    if (!path.startsWith('/v1/')) {
      throw new HttpError(404, TEXT.notFound);
    }
    // /v1/authorize, /v1/authorize/consent and /v1/access_token take no bearer token (test/sandbox/oauth).
    if (await this.oauth.route(ctx, path.slice('/v1'.length).replace(/\/+$/, ''))) {
      return;
    }
    // Every /v1 request needs a valid bearer token (the API's `bearer-key` scheme); the answer never repeats it.
    const auth = /^Bearer\s+(\S+)\s*$/i.exec(ctx.req.headers.authorization ?? '');
    const me = auth ? (this.store.peopleByToken.get(auth[1]) ?? this.oauth.personForToken(auth[1])) : undefined;
    if (!me) {
      throw new HttpError(401, TEXT.unauthorized);
    }
    ctx.me = me;
    record.personEmail = me.email;
    const apiPath = path.slice('/v1'.length).replace(/\/+$/, '');
    for (const route of ROUTES) {
      const match = route.path.exec(apiPath);
      if (!match) {
        continue;
      }
      const handler = route.methods[ctx.method as keyof Route['methods']];
      if (!handler) {
        // Spring's text for a wrong method, which Webex's API layer answers with a 405.
        throw new HttpError(405, `Request method '${ctx.method}' not supported`, { Allow: Object.keys(route.methods).join(', ') });
      }
      await handler(ctx, match.slice(1).map((s) => decodeURIComponent(s)));
      return;
    }
    throw new HttpError(404, TEXT.notFound);
  }
}

function queryRecord(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) {
    out[k] = k in out ? `${out[k]},${v}` : v;
  }
  return out;
}
