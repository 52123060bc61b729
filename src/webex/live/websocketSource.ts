/**
 * Live events over the Mercury websocket (webex-js-sdk mercury; internal, undocumented): catalog → device → socket, reconnects with
 * backoff on the close codes that mean "try again", stops on "replaced" and "not allowed", and after
 * any gap (a reconnect or a sequence-number jump) catches up over REST so nothing is missed.
 * Idle, it makes no REST requests at all: only the 15 s ping on the socket.
 */
import { hasStatus } from '../errors';
import type { WebSocketConstructor } from '../runtime';
import { activityToEvent, readConversationActivity, type MercuryFrame } from './activity';
import type { ActivityTracker } from './activityTracker';
import { findDeviceServiceUrl } from './catalog';
import { closeAction, reconnectDelayMs } from './closePolicy';
import { DeviceRegistry, type DeviceInfo, type DeviceRecord } from './devices';
import { Emitter } from '../emitter';
import type { LiveConnectionState, LiveEvent, LiveSource, StateEvent } from './events';
import { MercuryConnection, type MercuryClose } from './mercury';
import type { ServiceHttp } from './serviceHttp';
import { emitSync } from './syncEvents';
import { realTimers, type LiveTimers } from './timers';

/** Where the extension keeps the device it registered (globalState), so a reload reuses it. */
export interface DeviceStore {
  load(): DeviceRecord | undefined | Promise<DeviceRecord | undefined>;
  save(device: DeviceRecord | undefined): void | Promise<void>;
}

/** How often the socket is tried again while polling stands in for it. */
export const FALLBACK_RETRY_MS = 5 * 60_000;

export interface WebsocketSourceOptions {
  http: ServiceHttp;
  /** The catalog base, from {@link u2cBaseUrlFor}. */
  u2cBaseUrl: string;
  device: DeviceInfo;
  deviceStore: DeviceStore;
  /** REST catch-up after gaps; shared with the poller when both run. */
  tracker: ActivityTracker;
  timers?: LiveTimers;
  /**
   * The runtime's WebSocket class (runtime.ts `webSocketOf`): in VS Code's extension host the global
   * one VS Code patches for its proxy settings; on Node 20, npm undici's.
   */
  WebSocket: WebSocketConstructor;
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  /** After this many attempts in a row that could not open the socket, the device is refreshed (PUT; 404 → new). Default 2. */
  refreshDeviceAfterFailures?: number;
  log?: (line: string) => void;
}

export class WebsocketSource implements LiveSource {
  private readonly emitter = new Emitter<LiveEvent>();
  readonly onEvent = this.emitter.event;
  private readonly timers: LiveTimers;
  private readonly registry: DeviceRegistry;
  private current: MercuryConnection | undefined;
  private device: DeviceRecord | undefined;
  private deviceChecked = false;
  private attempt = 0;
  private failedOpens = 0;
  private everReady = false;
  private running = false;
  private cancelRetry: (() => void) | undefined;
  private cancelCatchUp: (() => void) | undefined;
  private catchUpAttempt = 0;
  private abort = new AbortController();
  private stateValue: LiveConnectionState = 'stopped';
  /** While polling stands in, retries wait longer (no catalog/device request every 32 s for hours). */
  private fallbackActive = false;
  /** Resolves {@link stop}'s wait for the socket to close. */
  private closing: (() => void) | undefined;

  constructor(private readonly options: WebsocketSourceOptions) {
    this.timers = options.timers ?? realTimers();
    this.registry = new DeviceRegistry(options.http, options.device);
  }

  get state(): LiveConnectionState {
    return this.stateValue;
  }

  /** The device in use (for diagnostics and tests). */
  get currentDevice(): DeviceRecord | undefined {
    return this.device;
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.options.tracker.markGap();
    this.abort = new AbortController();
    this.attempt = 0;
    this.failedOpens = 0;
    this.setState({ state: 'connecting' });
    void this.connect();
  }

  /** Closes the socket and cancels timers; the device stays registered (see {@link unregister}). */
  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    this.cancelRetry?.();
    this.cancelCatchUp?.();
    const connection = this.current;
    this.current = undefined;
    if (connection !== undefined) {
      await new Promise<void>((resolve) => {
        this.closing = resolve;
        connection.close(1000, 'done');
      });
    }
    this.setState({ state: 'stopped' });
  }

  /** Stops, then deletes the device this extension registered (never another client's) and forgets it. */
  async unregister(): Promise<void> {
    await this.stop();
    const device = this.device ?? (await this.options.deviceStore.load());
    this.device = undefined;
    this.deviceChecked = false;
    if (device !== undefined) {
      if (!this.registry.owns(device)) {
        // Stored by this extension, so ours; a refresh re-adopts it (and tells us if it is gone already).
        await this.registry.refresh(device).catch(() => undefined);
      }
      await this.registry.unregister(device);
    }
    await this.options.deviceStore.save(undefined);
  }

  private async connect(): Promise<void> {
    if (!this.running) {
      return;
    }
    let device: DeviceRecord;
    try {
      device = await this.ensureDevice();
    } catch (error) {
      if (!this.running) {
        return;
      }
      if (hasStatus(error, 401, 403)) {
        // The token cannot use the device service (a bot without it, a missing spark:all scope: device registration needs spark:all).
        this.fail(`the device service refused (${error.status})`, { closeCode: undefined });
        return;
      }
      this.options.log?.(`Live updates: could not register the device: ${error instanceof Error ? error.message : String(error)}`);
      this.scheduleReconnect('could not register the device');
      return;
    }
    if (!this.running) {
      return;
    }
    const connection = new MercuryConnection({
      webSocketUrl: device.webSocketUrl,
      getToken: () => this.options.http.token(),
      timers: this.timers,
      WebSocket: this.options.WebSocket,
      pingIntervalMs: this.options.pingIntervalMs,
      pongTimeoutMs: this.options.pongTimeoutMs,
      onReady: () => this.onReady(connection),
      onFrame: (frame) => this.onFrame(connection, frame),
      onSequenceGap: (expected, actual) => {
        this.options.log?.(`Live updates: frame ${expected} to ${actual - 1} lost; catching up`);
        this.options.tracker.markGap();
        this.emitter.fire({ type: 'gap', reason: 'sequence' });
        this.catchUp();
      },
      onClose: (close) => this.onClose(connection, close),
    });
    this.current = connection;
    connection.open();
  }

  private async ensureDevice(): Promise<DeviceRecord> {
    if (this.device !== undefined && this.deviceChecked) {
      return this.device;
    }
    const stored = this.device ?? (await this.options.deviceStore.load());
    const { device, reused } = await this.registry.ensure(
      () => findDeviceServiceUrl(this.options.http, this.options.u2cBaseUrl),
      stored,
    );
    this.options.log?.(`Live updates: ${reused ? 'reusing' : 'registered'} device ${device.id}`);
    this.device = device;
    this.deviceChecked = true;
    await this.options.deviceStore.save(device);
    return device;
  }

  private onReady(connection: MercuryConnection): void {
    if (connection !== this.current) {
      return;
    }
    this.attempt = 0;
    this.failedOpens = 0;
    this.setState({ state: 'connected' });
    if (this.everReady) {
      this.emitter.fire({ type: 'gap', reason: 'reconnect' });
    }
    this.everReady = true;
    // The first sync only learns where each space stands; later ones deliver what the socket missed.
    this.catchUp();
  }

  private onFrame(connection: MercuryConnection, frame: MercuryFrame): void {
    if (connection !== this.current) {
      return;
    }
    const activity = readConversationActivity(frame);
    if (activity === undefined) {
      return;
    }
    const event = activityToEvent(activity, this.options.tracker.clusterOf(activity.roomUuid));
    if (event === undefined) {
      return;
    }
    if (event.type === 'messageCreated' && !this.options.tracker.noteMessage(event.roomId, event.messageId)) {
      return; // Already delivered by a catch-up.
    }
    this.emitter.fire(event);
  }

  private onClose(connection: MercuryConnection, close: MercuryClose): void {
    const wasCurrent = connection === this.current;
    if (wasCurrent) {
      this.current = undefined;
    }
    if (!this.running) {
      this.closing?.();
      this.closing = undefined;
      return;
    }
    if (!wasCurrent) {
      return;
    }
    // Whatever happens from here until the next socket is ready may be missed.
    this.options.tracker.markGap();
    this.cancelCatchUp?.();
    const action = closeAction(close.code, close.reason);
    this.options.log?.(`Live updates: websocket closed (${close.code}${close.reason ? ` ${close.reason}` : ''}): ${action}`);
    if (action === 'replaced') {
      this.fail('another connection took this device over', { closeCode: close.code, replaced: true });
      return;
    }
    if (action === 'permanent') {
      this.fail(`the websocket was closed for good (${close.code}${close.reason ? ` ${close.reason}` : ''})`, { closeCode: close.code });
      return;
    }
    if (!close.opened) {
      this.failedOpens++;
      // The upgrade keeps failing: perhaps the device is gone or moved; refresh it (404 → register anew).
      if (this.failedOpens >= (this.options.refreshDeviceAfterFailures ?? 2)) {
        this.deviceChecked = false;
        this.failedOpens = 0;
      }
    }
    this.scheduleReconnect(close.opened ? `closed (${close.code})` : 'could not open the websocket', close.code);
  }

  /** Polling has taken over: retry the socket only every {@link FALLBACK_RETRY_MS}. */
  setFallbackActive(active: boolean): void {
    this.fallbackActive = active;
  }

  private scheduleReconnect(reason: string, closeCode?: number): void {
    const backoff = reconnectDelayMs(this.attempt++);
    const delay = this.fallbackActive ? Math.max(backoff, FALLBACK_RETRY_MS) : backoff;
    this.setState({ state: 'reconnecting', reason, closeCode, retryInMs: delay });
    this.cancelRetry = this.timers.setTimeout(() => {
      this.cancelRetry = undefined;
      void this.connect();
    }, delay);
  }

  private fail(reason: string, extra: { closeCode?: number; replaced?: boolean }): void {
    this.running = false;
    this.cancelRetry?.();
    this.cancelCatchUp?.();
    this.setState({ state: 'failed', reason, ...extra });
  }

  /** Runs the REST catch-up; on failure tries again with the same backoff while connected. */
  private catchUp(): void {
    this.cancelCatchUp?.();
    this.cancelCatchUp = undefined;
    const signal = this.abort.signal;
    void this.options.tracker.sync(signal).then(
      (result) => {
        this.catchUpAttempt = 0;
        if (this.running) {
          emitSync(this.emitter, result, 'catchUp');
        }
      },
      (error: unknown) => {
        if (!this.running || signal.aborted) {
          return;
        }
        this.options.log?.(`Live updates: catch-up failed: ${error instanceof Error ? error.message : String(error)}`);
        this.cancelCatchUp = this.timers.setTimeout(() => this.catchUp(), reconnectDelayMs(this.catchUpAttempt++));
      },
    );
  }

  private setState(change: Omit<StateEvent, 'type' | 'mode'>): void {
    this.stateValue = change.state;
    this.emitter.fire({ type: 'state', mode: 'websocket', ...change });
  }
}
