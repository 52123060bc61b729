/**
 * Set-up for the live-update tests: one local Webex (with its catalog, device service and Mercury
 * websocket) per test file, reset before each test; sources built on a hand-moved clock; and a
 * recorder for the events they emit. Everything talks over real loopback HTTP and WebSocket.
 * The socket is npm undici's WebSocket: Node 20 has a global one only behind --experimental-websocket
 * (the extension uses the extension host's global, src/webex/runtime.ts).
 */
import { WebSocket } from 'undici';
import { WebexClient } from '../../../../src/webex/client';
import { ActivityTracker } from '../../../../src/webex/live/activityTracker';
import { u2cBaseUrlFor } from '../../../../src/webex/live/catalog';
import type { DeviceRecord } from '../../../../src/webex/live/devices';
import type { LiveEvent, LiveSource } from '../../../../src/webex/live/events';
import { PollSource, type PollSourceOptions } from '../../../../src/webex/live/pollSource';
import { ServiceHttp } from '../../../../src/webex/live/serviceHttp';
import { WebsocketSource, type DeviceStore, type WebsocketSourceOptions } from '../../../../src/webex/live/websocketSource';
import type { SandboxLive } from '../../../sandbox/live/attachLive';
import { LocalWebex, type RequestRecord } from '../../../sandbox/server';
import { SMALL } from '../../../sandbox/scenarios/small';
import { localWebexPerSuite } from '../harness';
import { ManualTimers, PROMPTLY } from './manualTimers';
import { until } from '../../../kit/until';

export { SMALL };

export interface LiveKit {
  readonly webex: LocalWebex;
  readonly live: SandboxLive;
  readonly timers: ManualTimers;
  client(token?: string): WebexClient;
  http(token?: string): ServiceHttp;
  tracker(token?: string, isBot?: boolean): ActivityTracker;
  websocket(options?: Partial<WebsocketSourceOptions> & { token?: string }): { source: WebsocketSource; store: MemoryDeviceStore; events: EventLog; tracker: ActivityTracker };
  poll(options?: Partial<PollSourceOptions> & { token?: string }): { source: PollSource; events: EventLog };
  /** Requests to `/v1` (or the given prefix) the local Webex saw since the last clear. */
  restRequests(): RequestRecord[];
}

/** Starts one local Webex per `describe`; each test gets a fresh clock and its sources stopped after it. */
export function useLiveWebex(): LiveKit {
  let timers = new ManualTimers();
  const sources: LiveSource[] = [];
  const suite = localWebexPerSuite({
    beforeEachTest: (webex) => {
      webex.live.clear();
      webex.clearRequests();
      timers = new ManualTimers();
    },
    afterEachTest: async () => {
      await Promise.all(sources.splice(0).map((s) => s.stop()));
    },
  });
  const get = (): LocalWebex => suite.webex();
  const clients = suite.clients;
  const kit: LiveKit = {
    get webex() {
      return get();
    },
    get live() {
      return get().live;
    },
    get timers() {
      return timers;
    },
    client: (token = SMALL.ada.token) => {
      // Waits before retries are not slept: a 429's Retry-After must not slow the suite down.
      const client = new WebexClient({ baseUrl: get().baseUrl, getToken: () => token, sleep: () => Promise.resolve(), random: () => 0.5 });
      clients.push(client);
      return client;
    },
    http: (token = SMALL.ada.token) => new ServiceHttp({ apiBaseUrl: get().baseUrl, getToken: () => token }),
    tracker: (token = SMALL.ada.token, isBot = false) => new ActivityTracker({ client: kit.client(token), isBot: () => isBot }),
    websocket: (options = {}) => {
      const token = options.token ?? SMALL.ada.token;
      const store = new MemoryDeviceStore();
      const tracker = options.tracker ?? kit.tracker(token);
      const source = new WebsocketSource({
        http: kit.http(token),
        u2cBaseUrl: u2cBaseUrlFor(get().baseUrl),
        device: { name: 'Webex for VS Code (test)', systemVersion: '1.0.0' },
        deviceStore: store,
        timers,
        WebSocket,
        ...options,
        tracker,
      });
      sources.push(source);
      return { source, store, events: new EventLog(source), tracker };
    },
    poll: (options = {}) => {
      const source = new PollSource({ tracker: kit.tracker(options.token), timers, ...options });
      sources.push(source);
      return { source, events: new EventLog(source) };
    },
    restRequests: () => get().requests.filter((r) => r.path.startsWith('/v1/')),
  };
  return kit;
}

export class MemoryDeviceStore implements DeviceStore {
  device: DeviceRecord | undefined;
  saves = 0;
  load(): DeviceRecord | undefined {
    return this.device;
  }
  save(device: DeviceRecord | undefined): void {
    this.saves++;
    this.device = device;
  }
}

/** Records a source's events. */
export class EventLog {
  readonly all: LiveEvent[] = [];
  constructor(source: LiveSource) {
    source.onEvent((e) => this.all.push(e));
  }

  of<T extends LiveEvent['type']>(type: T): Array<Extract<LiveEvent, { type: T }>> {
    return this.all.filter((e): e is Extract<LiveEvent, { type: T }> => e.type === type);
  }

  states(): string[] {
    return this.of('state').map((e) => e.state);
  }

  lastState(): Extract<LiveEvent, { type: 'state' }> | undefined {
    const states = this.of('state');
    return states[states.length - 1];
  }

  async until(check: (log: EventLog) => boolean, what: string): Promise<void> {
    await until(what, () => check(this), PROMPTLY);
  }
}

/** The id of ada's space with this title. */
export async function roomId(client: WebexClient, title: string): Promise<string> {
  const room = (await client.rooms.list({ max: 1000 }).toArray()).find((r) => r.title === title);
  if (!room) {
    throw new Error(`no space titled ${title}`);
  }
  return room.id;
}
