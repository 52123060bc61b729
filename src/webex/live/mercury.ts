/**
 * One Mercury websocket connection, from open to close (an internal, undocumented Webex service; as
 * webex-js-sdk `@webex/internal-plugin-mercury` `socket-base.js` speaks it): the authorization
 * frame, "ready" on `mercury.buffer_state`/`mercury.registration_status`, a ping every 15 s
 * answered by a pong with the same id within 14 s, an ack for every event frame, and
 * sequence-number gap detection. Reconnecting is the caller's job (websocketSource.ts); this class
 * reports exactly one close, with the code and reason the close policy needs.
 */
import { randomUUID } from 'node:crypto';
import { isReadyFrame, parseFrame, type MercuryFrame } from './activity';
import { fixCloseCode } from './closePolicy';
import type { LiveSocket, WebSocketConstructor } from '../runtime';
import type { LiveTimers } from './timers';

/** webex-js-sdk `@webex/internal-plugin-mercury` config.js: pingInterval 15 000, pongTimeout 14 000. */
export const PING_INTERVAL_MS = 15_000;
export const PONG_TIMEOUT_MS = 14_000;
/** Mercury closes unauthorized sockets after 30 s (the reason text webex-js-sdk's `_fixCloseCode` knows). */
export const READY_TIMEOUT_MS = 30_000;
/** How long to wait for the close handshake of a close we started before giving up on it. */
export const FORCE_CLOSE_DELAY_MS = 5_000;

export interface MercuryClose {
  code: number;
  reason: string;
  /** The websocket opened (the upgrade succeeded). */
  opened: boolean;
  /** The server said ready after the authorization frame. */
  ready: boolean;
}

export interface MercuryConnectionOptions {
  webSocketUrl: string;
  getToken: () => Promise<string>;
  timers: LiveTimers;
  /** The WebSocket class (runtime.ts `webSocketOf`: the given one, else the runtime's global). */
  WebSocket: WebSocketConstructor;
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  readyTimeoutMs?: number;
  onReady: () => void;
  /** Every frame except pongs, after its ack was sent. */
  onFrame: (frame: MercuryFrame) => void;
  /** A frame arrived whose sequence number is not the one expected: frames were lost. */
  onSequenceGap: (expected: number, actual: number) => void;
  onClose: (close: MercuryClose) => void;
}

/**
 * The URL with the query webex-js-sdk's `_prepareUrl` (mercury.js) adds: text frames, buffer-state
 * frames, HTTP statuses as aliases. `multipleConnections` is left out on purpose: one connection
 * per device, and a second one replaces the first (close 4000).
 */
export function mercuryUrl(webSocketUrl: string): URL {
  const url = new URL(webSocketUrl);
  url.searchParams.set('outboundWireFormat', 'text');
  url.searchParams.set('bufferStates', 'true');
  url.searchParams.set('aliasHttpStatus', 'true');
  return url;
}

export class MercuryConnection {
  private ws: LiveSocket | undefined;
  private opened = false;
  private ready = false;
  private closed = false;
  private expectedSequence: number | undefined;
  private pendingPing: string | undefined;
  private readonly cancels = new Map<'ready' | 'ping' | 'pong' | 'force', () => void>();
  private localClose: { code: number; reason: string } | undefined;

  constructor(private readonly options: MercuryConnectionOptions) {}

  /** Opens the socket; every outcome ends in exactly one `onClose`. */
  open(): void {
    let ws: LiveSocket;
    try {
      ws = new this.options.WebSocket(mercuryUrl(this.options.webSocketUrl));
    } catch {
      queueMicrotask(() => this.finish(1006, 'could not open the websocket'));
      return;
    }
    this.ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('open', () => {
      this.opened = true;
      void this.authorize();
    });
    ws.addEventListener('message', (event) => this.onMessage(event.data));
    ws.addEventListener('close', (event) => {
      const local = this.localClose;
      // A close we started keeps our code and reason (e.g. "Pong not received"), as webex-js-sdk does.
      this.finish(local?.code ?? fixCloseCode(event.code, event.reason), local?.reason ?? event.reason);
    });
    // An error is always followed by a close event; nothing to do here but keep it from throwing.
    ws.addEventListener('error', () => undefined);
  }

  get isReady(): boolean {
    return this.ready && !this.closed;
  }

  /**
   * Closes with `code` and `reason`; `onClose` reports them even if the server never answers
   * the close handshake (forced after {@link FORCE_CLOSE_DELAY_MS}).
   */
  close(code = 1000, reason = 'done'): void {
    if (this.closed || this.localClose !== undefined) {
      return;
    }
    this.localClose = { code, reason };
    this.stopTimer('ping');
    this.stopTimer('pong');
    this.stopTimer('ready');
    try {
      this.ws?.close(code, reason);
    } catch {
      // Still connecting with a code the runtime refuses: the forced close below reports it.
    }
    this.startTimer('force', FORCE_CLOSE_DELAY_MS, () => this.finish(code, reason));
  }

  private async authorize(): Promise<void> {
    let token: string;
    try {
      token = await this.options.getToken();
    } catch {
      this.close(1000, 'no token');
      return;
    }
    // As webex-js-sdk's `_authorize`: the token goes in the first frame, never in the URL.
    this.send({ id: randomUUID(), type: 'authorization', data: { token: `Bearer ${token}` }, trackingId: `WEBEX_VSCODE_${randomUUID()}` });
    this.startTimer('ready', this.options.readyTimeoutMs ?? READY_TIMEOUT_MS, () => this.close(1000, 'idle'));
  }

  private onMessage(data: unknown): void {
    if (this.closed || this.localClose !== undefined) {
      return;
    }
    const text = typeof data === 'string' ? data : data instanceof ArrayBuffer ? new TextDecoder().decode(data) : undefined;
    const frame = text === undefined ? undefined : parseFrame(text);
    if (frame === undefined) {
      return; // webex-js-sdk ignores frames it cannot parse.
    }
    if (frame.sequenceNumber !== undefined) {
      const expected = this.expectedSequence;
      this.expectedSequence = frame.sequenceNumber + 1;
      if (expected !== undefined && frame.sequenceNumber !== expected) {
        this.options.onSequenceGap(expected, frame.sequenceNumber);
      }
    }
    if (frame.type === 'pong') {
      this.onPong(frame.id);
      return;
    }
    if (frame.id !== undefined) {
      this.send({ type: 'ack', messageId: frame.id });
    }
    if (!this.ready && isReadyFrame(frame)) {
      this.ready = true;
      this.stopTimer('ready');
      this.schedulePing();
      this.options.onReady();
    }
    this.options.onFrame(frame);
  }

  private schedulePing(): void {
    this.startTimer('ping', this.options.pingIntervalMs ?? PING_INTERVAL_MS, () => {
      const id = randomUUID();
      this.pendingPing = id;
      this.send({ id, type: 'ping' });
      this.startTimer('pong', this.options.pongTimeoutMs ?? PONG_TIMEOUT_MS, () => this.close(1000, 'Pong not received'));
    });
  }

  private onPong(id: string | undefined): void {
    if (this.pendingPing === undefined) {
      return;
    }
    if (id !== this.pendingPing) {
      this.close(1000, 'Pong mismatch');
      return;
    }
    this.pendingPing = undefined;
    this.stopTimer('pong');
    this.schedulePing();
  }

  private send(frame: Record<string, unknown>): void {
    const ws = this.ws;
    if (ws !== undefined && ws.readyState === this.options.WebSocket.OPEN) {
      ws.send(JSON.stringify(frame));
    }
  }

  private startTimer(name: 'ready' | 'ping' | 'pong' | 'force', ms: number, callback: () => void): void {
    this.stopTimer(name);
    this.cancels.set(
      name,
      this.options.timers.setTimeout(() => {
        this.cancels.delete(name);
        callback();
      }, ms),
    );
  }

  private stopTimer(name: 'ready' | 'ping' | 'pong' | 'force'): void {
    this.cancels.get(name)?.();
    this.cancels.delete(name);
  }

  private finish(code: number, reason: string): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    for (const cancel of this.cancels.values()) {
      cancel();
    }
    this.cancels.clear();
    this.options.onClose({ code, reason, opened: this.opened, ready: this.ready });
  }
}
