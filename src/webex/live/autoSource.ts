/**
 * The websocket with polling as its fallback: when the socket cannot be had (it failed for good, or
 * could not be (re)opened a few times in a row) polling takes over; when the socket comes back,
 * polling stops and the socket's own catch-up fills the gap. Both share one {@link ActivityTracker},
 * so a message is delivered once whichever way it arrives first.
 */
import { Emitter } from '../emitter';
import { DisposableStore } from '../lifecycle';
import type { LiveConnectionState, LiveEvent, LiveSource, StateEvent } from './events';
import type { PollSource } from './pollSource';
import type { WebsocketSource } from './websocketSource';

export interface AutoSourceOptions {
  websocket: WebsocketSource;
  poll: PollSource;
  /** Start polling after this many reconnect attempts in a row without a working socket. Default 2. */
  fallbackAfterFailures?: number;
  log?: (line: string) => void;
}

export class AutoLiveSource implements LiveSource {
  private readonly emitter = new Emitter<LiveEvent>();
  readonly onEvent = this.emitter.event;
  private readonly disposables = new DisposableStore();
  private failuresInARow = 0;
  private polling = false;
  private running = false;
  private last: StateEvent = { type: 'state', state: 'stopped', mode: 'websocket' };

  constructor(private readonly options: AutoSourceOptions) {
    this.disposables.addAll(
      options.websocket.onEvent((e) => this.fromWebsocket(e)),
      options.poll.onEvent((e) => this.fromPoll(e)),
      this.emitter,
    );
  }

  get state(): LiveConnectionState {
    return this.last.state;
  }

  /** Which way events currently arrive. */
  get mode(): 'websocket' | 'poll' {
    return this.polling ? 'poll' : 'websocket';
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.failuresInARow = 0;
    this.options.websocket.start();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.polling = false;
    this.options.websocket.setFallbackActive(false);
    await Promise.all([this.options.websocket.stop(), this.options.poll.stop()]);
    this.publish({ type: 'state', state: 'stopped', mode: 'websocket' });
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private fromWebsocket(e: LiveEvent): void {
    if (e.type !== 'state') {
      this.emitter.fire(e);
      return;
    }
    if (!this.running) {
      return;
    }
    switch (e.state) {
      case 'connected':
        this.failuresInARow = 0;
        if (this.polling) {
          this.options.log?.('Live updates: the websocket is back; polling stops');
          this.polling = false;
          this.options.websocket.setFallbackActive(false);
          void this.options.poll.stop();
        }
        this.publish(e);
        return;
      case 'reconnecting':
        this.failuresInARow++;
        if (this.failuresInARow >= (this.options.fallbackAfterFailures ?? 2)) {
          this.startPolling(e.reason ?? 'the websocket keeps failing');
        } else if (!this.polling) {
          this.publish(e);
        }
        return;
      case 'failed':
        this.startPolling(e.reason ?? 'the websocket failed');
        return;
      default:
        if (!this.polling) {
          this.publish(e);
        }
    }
  }

  private fromPoll(e: LiveEvent): void {
    if (e.type !== 'state') {
      this.emitter.fire(e);
      return;
    }
    if (this.polling) {
      this.publish(e);
    }
  }

  private startPolling(reason: string): void {
    if (this.polling) {
      return;
    }
    this.options.log?.(`Live updates: polling instead of the websocket (${reason})`);
    this.polling = true;
    this.options.websocket.setFallbackActive(true);
    this.options.poll.start();
  }

  private publish(e: StateEvent): void {
    if (e.state === this.last.state && e.mode === this.last.mode && e.reason === this.last.reason && e.retryInMs === this.last.retryInMs) {
      return;
    }
    this.last = e;
    this.emitter.fire(e);
  }
}
