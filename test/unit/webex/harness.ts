/**
 * Shared set-up for the Webex client tests: one local Webex per test file, reset before each test,
 * and clients whose waits are recorded instead of slept (a 429 asks for 15 s; the test must not wait).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebexClient, type RequestLogEntry, type WebexClientOptions } from '../../../src/webex/client';
import type { WebexApiError } from '../../../src/webex/errors';
import { LocalWebex, type RequestRecord } from '../../sandbox/server';
import { SMALL } from '../../sandbox/scenarios/small';

export { SMALL };

export interface TestClient {
  client: WebexClient;
  /** Every wait the client asked for, in ms, in order. */
  waits: number[];
  log: RequestLogEntry[];
  unauthorized: WebexApiError[];
  token: string;
}

/** A local Webex per `describe` block, and the clients to close after each test. */
export interface SuiteWebex {
  /** The running local Webex (throws outside the block's tests). */
  webex(): LocalWebex;
  /** Clients made for the current test: closed after it. */
  readonly clients: WebexClient[];
}

/**
 * Mocha hooks: starts one local Webex for the `describe` block, resets it before each test (then
 * runs `beforeEachTest`), and after each test runs `afterEachTest` and closes the test's clients.
 */
export function localWebexPerSuite(hooks: { beforeEachTest?(webex: LocalWebex): void; afterEachTest?(): Promise<void> } = {}): SuiteWebex {
  let webex: LocalWebex | undefined;
  const clients: WebexClient[] = [];
  before(async () => {
    webex = await LocalWebex.start({});
  });
  beforeEach(() => {
    webex?.reset();
    if (webex) {
      hooks.beforeEachTest?.(webex);
    }
  });
  afterEach(async () => {
    await hooks.afterEachTest?.();
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  after(async () => {
    await webex?.stop();
  });
  return {
    webex: () => {
      if (!webex) {
        throw new Error('local Webex not started');
      }
      return webex;
    },
    clients,
  };
}

/** Starts one local Webex for a `describe` block and resets it before each test. */
export function useLocalWebex(): { readonly webex: LocalWebex; client: (options?: ClientOptions) => TestClient } {
  const suite = localWebexPerSuite();
  return {
    get webex() {
      return suite.webex();
    },
    client: (options = {}) => {
      const made = makeClient(suite.webex().baseUrl, options.token ?? SMALL.ada.token, options);
      suite.clients.push(made.client);
      return made;
    },
  };
}

export type ClientOptions = Partial<WebexClientOptions> & { token?: string };

/** A client whose sleep records and returns at once, with jitter fixed at 0.5. */
export function makeClient(baseUrl: string, token: string, options: ClientOptions = {}): TestClient {
  const waits: number[] = [];
  const log: RequestLogEntry[] = [];
  const unauthorized: WebexApiError[] = [];
  const client = new WebexClient({
    baseUrl,
    getToken: () => token,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    onRequest: (e) => log.push(e),
    onUnauthorized: (e) => unauthorized.push(e),
    ...options,
  });
  return { client, waits, log, unauthorized, token };
}

/** The requests the local Webex saw for `method` on a path matching `path` (tested without `/v1`). */
export function requestsTo(webex: LocalWebex, method: string, path: RegExp): RequestRecord[] {
  return webex.requests.filter((r) => r.method === method && path.test(r.path.replace(/^\/v1/, '')));
}

/** The id of the caller's space with this title. */
export async function roomIdByTitle(client: WebexClient, title: string): Promise<string> {
  const room = (await client.rooms.list({ max: 1000 }).toArray()).find((r) => r.title === title);
  if (!room) {
    throw new Error(`no space titled ${title}`);
  }
  return room.id;
}

/** Asserts `promise` rejects and returns the error for further checks. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Runs `fn` and returns what it threw (for synchronous validation in list()). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an exception');
}

/**
 * A tiny loopback HTTP server for the few faults the local Webex has no rule for (a list body
 * without `items`, a next link to another host, echoing request headers). Still real HTTP.
 */
export class RawServer {
  readonly seen: IncomingMessage[] = [];
  private constructor(private readonly server: Server) {}

  static async start(handler: (req: IncomingMessage, res: ServerResponse, origin: string) => void): Promise<RawServer> {
    const server = createServer();
    const raw = new RawServer(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      raw.seen.push(req);
      req.resume();
      req.on('end', () => handler(req, res, raw.origin));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return raw;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
