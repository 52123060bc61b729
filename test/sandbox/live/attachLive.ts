/**
 * Live updates for the local Webex: the catalog and device service over HTTP, the Mercury websocket
 * on the same port, and test controls (in process on {@link SandboxLive}, and over HTTP under
 * `/_sandbox/live` for the extension-host tests).
 *
 * Mounted by server.ts: `attachLive(httpServer, { store: () => this.store })`, then
 * `live.handle(req, res, url)` for requests, `live.handleControl(req, res, url)` for `/_sandbox/live…`,
 * `live.reset()` after a reset and `await live.close()` before stopping.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { HttpError, readBody } from '../http';
import type { AttachmentActionRec, MessageRec, Store } from '../store';
import { DeviceService, type Answered } from './deviceService';
import { MercuryServer, type MercuryConnectionInfo } from './mercuryServer';

export interface AttachLiveOptions {
  store: () => Store;
}

export interface DropOptions {
  /** Close code (default 1001); ignored with `destroy`. */
  code?: number;
  reason?: string;
  /** Destroy the TCP connection without a close frame (the client sees 1006). */
  destroy?: boolean;
}

export interface LiveStatus {
  devices: Array<{ id: string; personEmail?: string; name: string; refreshes: number }>;
  connections: MercuryConnectionInfo[];
  refuse: boolean;
  mutePongs: boolean;
  skip: number;
}

export class SandboxLive {
  readonly devices: DeviceService;
  readonly mercury: MercuryServer;
  private subscribed: Store | undefined;
  private readonly onCreated = (m: MessageRec): void => this.mercury.activity(m, m.files.length > 0 ? 'share' : 'post');
  private readonly onDeleted = (m: MessageRec): void => this.mercury.activity(m, 'delete');
  private readonly onAction = (a: AttachmentActionRec): void => this.mercury.cardAction(a);
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (!this.mercury.upgrade(req, socket, head)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  };

  constructor(
    private readonly server: Server,
    private readonly options: AttachLiveOptions,
  ) {
    this.devices = new DeviceService(options.store);
    this.mercury = new MercuryServer(options.store, this.devices);
    this.devices.onDeleted = (id) => this.mercury.closeDevice(id);
    server.on('upgrade', this.onUpgrade);
    this.subscribe();
  }

  private get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  private subscribe(): void {
    this.subscribed?.events.off('messageCreated', this.onCreated);
    this.subscribed?.events.off('messageDeleted', this.onDeleted);
    this.subscribed?.events.off('attachmentActionCreated', this.onAction);
    const store = this.options.store();
    store.events.on('messageCreated', this.onCreated);
    store.events.on('messageDeleted', this.onDeleted);
    store.events.on('attachmentActionCreated', this.onAction);
    this.subscribed = store;
  }

  /** Answers the catalog and device service; undefined (nothing written) for every other path. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<Answered | undefined> {
    return this.devices.handle(req, res, url, this.origin);
  }

  /**
   * After the store was rebuilt: listen to the new one. Devices and sockets stay (the same scenario
   * keeps the same people), so a test's reset does not knock the extension's socket over; sockets of
   * people the new scenario lacks are closed.
   */
  reset(): void {
    this.subscribe();
    const store = this.options.store();
    for (const [id, device] of this.devices.devices) {
      if (!store.people.has(device.personUuid)) {
        this.devices.devices.delete(id);
        this.mercury.closeDevice(id);
      }
    }
    this.mercury.refuse = false;
    this.mercury.mutePongs = false;
    this.mercury.skip = 0;
  }

  /** Forgets every device and closes every socket (unit tests start from nothing). */
  clear(): void {
    this.mercury.drop({ code: 1001, reason: 'cleared' });
    this.devices.devices.clear();
    this.reset();
  }

  async close(): Promise<void> {
    this.server.off('upgrade', this.onUpgrade);
    this.subscribed?.events.off('messageCreated', this.onCreated);
    this.subscribed?.events.off('messageDeleted', this.onDeleted);
    this.subscribed?.events.off('attachmentActionCreated', this.onAction);
    await this.mercury.close();
  }

  /** Closes the open sockets; returns how many. */
  drop(options: DropOptions = {}): number {
    return this.mercury.drop(options);
  }

  /** The next `count` activities are not delivered (their sequence numbers are used up). */
  skipNext(count = 1): void {
    this.mercury.skip += count;
  }

  /** Refuse websocket upgrades (403), as a proxy would; clients must fall back to polling. */
  refuseUpgrades(refuse = true): void {
    this.mercury.refuse = refuse;
  }

  /** Close every socket with 4000 "replaced", as when another connection takes the device over. */
  replace(): number {
    return this.mercury.drop({ code: 4000, reason: 'replaced' });
  }

  mutePongs(mute = true): void {
    this.mercury.mutePongs = mute;
  }

  status(): LiveStatus {
    const store = this.options.store();
    return {
      devices: [...this.devices.devices.values()].map((d) => ({
        id: d.id,
        personEmail: store.people.get(d.personUuid)?.email,
        name: d.name,
        refreshes: d.refreshes,
      })),
      connections: [...this.mercury.connections].map(({ deviceId, personEmail, authorized, acks, pings, sequence }) => ({
        deviceId,
        personEmail,
        authorized,
        acks: [...acks],
        pings,
        sequence,
      })),
      refuse: this.mercury.refuse,
      mutePongs: this.mercury.mutePongs,
      skip: this.mercury.skip,
    };
  }

  /** `/_sandbox/live…` control endpoints; false for other paths. */
  async handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith('/_sandbox/live')) {
      return false;
    }
    const route = `${(req.method ?? 'GET').toUpperCase()} ${url.pathname.replace(/\/+$/, '')}`;
    try {
      const body = await controlBody(req);
      switch (route) {
        case 'GET /_sandbox/live':
          return reply(res, 200, this.status());
        case 'POST /_sandbox/live/drop':
          return reply(res, 200, { dropped: this.drop(body) });
        case 'POST /_sandbox/live/skip':
          this.skipNext(typeof body.count === 'number' ? body.count : 1);
          return reply(res, 200, { skip: this.mercury.skip });
        case 'POST /_sandbox/live/refuse':
          this.refuseUpgrades(body.refuse !== false);
          return reply(res, 200, { refuse: this.mercury.refuse });
        case 'POST /_sandbox/live/replace':
          return reply(res, 200, { replaced: this.replace() });
        case 'POST /_sandbox/live/mutePongs':
          this.mutePongs(body.mute !== false);
          return reply(res, 200, { mutePongs: this.mercury.mutePongs });
        default:
          return reply(res, 404, { message: `No control endpoint ${route}.` });
      }
    } catch (err) {
      return reply(res, err instanceof HttpError ? err.status : 400, { message: err instanceof Error ? err.message : String(err) });
    }
  }
}

/** Adds live updates to a local Webex's HTTP server (see the module comment for the calls to make). */
export function attachLive(server: Server, options: AttachLiveOptions): SandboxLive {
  return new SandboxLive(server, options);
}

async function controlBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req, 64 * 1024, new HttpError(400, 'The body is too large.'));
  if (raw.length === 0) {
    return {};
  }
  const value: unknown = JSON.parse(raw.toString('utf8'));
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function reply(res: ServerResponse, status: number, body: unknown): true {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
  return true;
}
