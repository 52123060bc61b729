/**
 * The local Webex's Mercury websocket (internal and undocumented; as webex-js-sdk's
 * `@webex/internal-plugin-mercury` speaks it), on the `ws` package: a device's socket at
 * `/mercury/registrations/<deviceId>/messages` must send the authorization frame first; the server
 * answers `mercury.buffer_state`, answers `ping` with a `pong` of the same id, records acks, and
 * pushes a `conversation.activity` frame (increasing `sequenceNumber`) for every message created or
 * deleted in a space the device's person belongs to (bots: only what they may see, as the "Bots"
 * guide of developer.webex.com says). A second socket for the same device replaces the first (close
 * 4000), as without `multipleConnections`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AttachmentActionRec, MessageRec, PersonRec, RoomRec, Store } from '../store';
import type { DeviceService } from './deviceService';

export interface MercuryConnectionInfo {
  deviceId: string;
  personEmail?: string;
  authorized: boolean;
  /** Ids of the frames the client acknowledged. */
  acks: string[];
  /** Pings received. */
  pings: number;
  sequence: number;
}

interface Connection extends MercuryConnectionInfo {
  ws: WebSocket;
  personUuid?: string;
  authTimer?: NodeJS.Timeout;
}

/** Mercury's own text when no authorization frame came in time (webex-js-sdk's `_fixCloseCode` knows it). */
const AUTH_TIMEOUT_REASON = 'authentication did not happen within the timeout window of 30000 seconds.';

export class MercuryServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  readonly connections = new Set<Connection>();
  /** Refuse upgrades (HTTP 403), as a proxy that blocks websockets would. */
  refuse = false;
  /** Stop answering pings (the client's pong timeout must notice). */
  mutePongs = false;
  /** The next N activities are counted (sequence numbers move on) but not sent: missed events. */
  skip = 0;
  /** How long a socket may stay unauthorized. */
  authTimeoutMs = 30_000;

  constructor(
    private readonly store: () => Store,
    private readonly devices: DeviceService,
  ) {}

  /** Handles an HTTP upgrade; false when the path is not a Mercury one (someone else may want it). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://local');
    const match = /^\/mercury\/registrations\/([^/]+)\/messages$/.exec(url.pathname);
    if (!match) {
      return false;
    }
    const device = this.devices.devices.get(match[1]);
    if (this.refuse || !device) {
      const status = this.refuse ? '403 Forbidden' : '404 Not Found';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, device.id));
    return true;
  }

  private accept(ws: WebSocket, deviceId: string): void {
    for (const other of this.connections) {
      if (other.deviceId === deviceId) {
        other.ws.close(4000, 'replaced');
        this.forget(other);
      }
    }
    const conn: Connection = { ws, deviceId, authorized: false, acks: [], pings: 0, sequence: 0 };
    this.connections.add(conn);
    conn.authTimer = setTimeout(() => ws.close(1008, AUTH_TIMEOUT_REASON), this.authTimeoutMs);
    conn.authTimer.unref();
    ws.on('message', (data: Buffer) => this.onMessage(conn, data.toString('utf8')));
    ws.on('close', () => this.forget(conn));
    ws.on('error', () => this.forget(conn));
  }

  private forget(conn: Connection): void {
    clearTimeout(conn.authTimer);
    this.connections.delete(conn);
  }

  private onMessage(conn: Connection, text: string): void {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    switch (frame.type) {
      case 'authorization': {
        const data = frame.data as { token?: unknown } | undefined;
        const token = typeof data?.token === 'string' ? /^Bearer\s+(\S+)$/i.exec(data.token)?.[1] : undefined;
        const person = token ? this.store().peopleByToken.get(token) : undefined;
        const device = this.devices.devices.get(conn.deviceId);
        if (!person || !device || device.personUuid !== person.uuid) {
          conn.ws.close(1008, 'authentication failed');
          return;
        }
        clearTimeout(conn.authTimer);
        conn.authorized = true;
        conn.personUuid = person.uuid;
        conn.personEmail = person.email;
        this.send(conn, { data: { eventType: 'mercury.buffer_state', buffer: { conversation: 'UNKNOWN' } } });
        return;
      }
      case 'ping':
        conn.pings += 1;
        if (!this.mutePongs && conn.authorized) {
          conn.ws.send(JSON.stringify({ id: frame.id, type: 'pong' }));
        }
        return;
      case 'ack':
        if (typeof frame.messageId === 'string') {
          conn.acks.push(frame.messageId);
        }
        return;
      default:
        return;
    }
  }

  private send(conn: Connection, frame: Record<string, unknown>): string {
    const id = randomUUID();
    conn.sequence += 1;
    conn.ws.send(
      JSON.stringify({
        id,
        ...frame,
        timestamp: Date.now(),
        trackingId: `ROUTER_${randomUUID().toUpperCase()}`,
        sequenceNumber: conn.sequence,
        filterMessage: false,
      }),
    );
    return id;
  }

  /** Pushes the activity for a created (`post`/`share`) or deleted message to everyone who may see it. */
  activity(message: MessageRec, verb: 'post' | 'share' | 'delete'): void {
    const store = this.store();
    const room = store.rooms.get(message.roomUuid);
    const author = store.people.get(message.authorUuid);
    if (!room || !author) {
      return;
    }
    const skipped = this.skip > 0;
    if (skipped) {
      this.skip -= 1;
    }
    for (const conn of this.connections) {
      const person = conn.personUuid ? store.people.get(conn.personUuid) : undefined;
      if (!conn.authorized || !person || !room.members.has(person.uuid) || !visible(person, room, message)) {
        continue;
      }
      if (skipped) {
        conn.sequence += 1; // Mercury sent it; the network lost it.
        continue;
      }
      this.send(conn, { data: { eventType: 'conversation.activity', activity: activityJson(message, verb, room, author) } });
    }
  }

  /**
   * Pushes a `cardAction` activity (webex-js-sdk `@webex/common` constants name the verb) for a card
   * submission to the card's sender and to the submitter. Like other activities it carries ids only;
   * the shape beyond `verb`, `actor`, `target` and `parent` (the card's message) is ours ([UNVERIFIED]).
   */
  cardAction(action: AttachmentActionRec): void {
    const store = this.store();
    const room = store.rooms.get(action.roomUuid);
    const message = store.messages.get(action.messageUuid);
    const author = store.people.get(action.personUuid);
    if (!room || !message || !author) {
      return;
    }
    const audience = new Set([message.authorUuid, action.personUuid]);
    for (const conn of this.connections) {
      if (!conn.authorized || !conn.personUuid || !audience.has(conn.personUuid) || !room.members.has(conn.personUuid)) {
        continue;
      }
      const activity = {
        ...activityJson(message, 'post', room, author),
        id: action.uuid,
        verb: 'cardAction',
        published: new Date(action.created).toISOString(),
        object: { objectType: 'submit', id: action.uuid },
        parent: { id: message.uuid, type: 'cardAction' },
      };
      this.send(conn, { data: { eventType: 'conversation.activity', activity } });
    }
  }

  /** Closes every socket (or one device's) with a code, or destroys the TCP connection without a close frame. */
  drop(options: { code?: number; reason?: string; destroy?: boolean; deviceId?: string } = {}): number {
    let n = 0;
    for (const conn of [...this.connections]) {
      if (options.deviceId !== undefined && conn.deviceId !== options.deviceId) {
        continue;
      }
      n++;
      if (options.destroy === true) {
        conn.ws.terminate();
      } else {
        conn.ws.close(options.code ?? 1001, options.reason ?? '');
      }
      this.forget(conn);
    }
    return n;
  }

  closeDevice(deviceId: string): void {
    this.drop({ deviceId, code: 1000, reason: 'device deleted' });
  }

  async close(): Promise<void> {
    this.drop({ code: 1001, reason: 'server shutting down' });
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** Bots see group messages only when mentioned (or their own); everything in direct spaces ("Bots" guide). */
function visible(person: PersonRec, room: RoomRec, m: MessageRec): boolean {
  return person.type !== 'bot' || room.type === 'direct' || m.authorUuid === person.uuid || m.mentionedPeople.includes(person.id);
}

/**
 * A `conversation.activity` as webex-js-sdk reads it (`@webex/plugin-messages`, `@webex/common`
 * `constants.js` for the verbs). Real activities carry encrypted content; this one carries none, so
 * a client must fetch the message over REST as it must with Webex. For `post`/`share` the activity
 * id is the message's uuid; a `delete` gets its own id and names the deleted message in
 * `object.id`.
 */
function activityJson(m: MessageRec, verb: 'post' | 'share' | 'delete', room: RoomRec, author: PersonRec): Record<string, unknown> {
  const origin = 'https://conv-a.wbx2.com';
  return {
    id: verb === 'delete' ? randomUUID() : m.uuid,
    objectType: 'activity',
    verb,
    published: new Date(verb === 'delete' ? Date.now() : m.created).toISOString(),
    actor: { id: author.uuid, objectType: 'person', entryUUID: author.uuid, emailAddress: author.email, displayName: author.displayName },
    object: verb === 'delete' ? { id: m.uuid, objectType: 'activity' } : { objectType: m.files.length > 0 ? 'content' : 'comment' },
    target: {
      id: room.uuid,
      objectType: 'conversation',
      url: `${origin}/conversation/api/v1/conversations/${room.uuid}`,
      tags: room.type === 'direct' ? ['ONE_ON_ONE'] : [],
    },
    ...(m.parentUuid !== undefined && verb !== 'delete' ? { parent: { id: m.parentUuid, type: 'reply' } } : {}),
  };
}
