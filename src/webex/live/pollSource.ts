/**
 * Live events by polling, for where the websocket cannot be had (a proxy, a cloud that refuses it,
 * the setting `webex.liveUpdates: "poll"`). Each tick is one {@link ActivityTracker.sync}: one rooms
 * request, plus one messages request per space that changed. Slower while the window is unfocused;
 * on failures (a 429 the client's own Retry-After waits could not absorb, the network) the interval
 * doubles, so a struggling service is not met with a storm. A refused token is a failure like any
 * other here: the client tells the session, which refreshes it (the next poll works) or signs out
 * (and the owner of this source stops it).
 */
import type { ActivityTracker } from './activityTracker';
import { Emitter } from '../emitter';
import type { LiveConnectionState, LiveEvent, LiveSource, StateEvent } from './events';
import { emitSync } from './syncEvents';
import { realTimers, type LiveTimers } from './timers';

export const DEFAULT_POLL_INTERVAL_MS = 30_000;
export const DEFAULT_UNFOCUSED_POLL_INTERVAL_MS = 120_000;
/** The longest wait between polls while backing off. */
export const MAX_POLL_BACKOFF_MS = 15 * 60_000;

export interface PollSourceOptions {
  tracker: ActivityTracker;
  timers?: LiveTimers;
  intervalMs?: number;
  unfocusedIntervalMs?: number;
  maxBackoffMs?: number;
  focused?: boolean;
  log?: (line: string) => void;
}

export class PollSource implements LiveSource {
  private readonly emitter = new Emitter<LiveEvent>();
  readonly onEvent = this.emitter.event;
  private readonly timers: LiveTimers;
  private running = false;
  private focused: boolean;
  private failures = 0;
  private cancelTimer: (() => void) | undefined;
  private dueAt = 0;
  private inFlight: Promise<void> | undefined;
  private abort = new AbortController();
  private stateValue: LiveConnectionState = 'stopped';

  constructor(private readonly options: PollSourceOptions) {
    this.timers = options.timers ?? realTimers();
    this.focused = options.focused ?? true;
  }

  get state(): LiveConnectionState {
    return this.stateValue;
  }

  /** The wait before the next poll as things stand (the backoff included). */
  get currentIntervalMs(): number {
    const base = this.focused
      ? (this.options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS)
      : (this.options.unfocusedIntervalMs ?? DEFAULT_UNFOCUSED_POLL_INTERVAL_MS);
    return Math.min(base * 2 ** Math.min(this.failures, 16), Math.max(base, this.options.maxBackoffMs ?? MAX_POLL_BACKOFF_MS));
  }

  /** Polls at once (the first poll only learns where things stand), then every interval. */
  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.failures = 0;
    this.abort = new AbortController();
    this.setState({ state: 'connected' });
    void this.tick();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    await this.inFlight;
    this.setState({ state: 'stopped' });
  }

  /** The window gained or lost focus: slower while unfocused; back to the short interval at once on focus. */
  setFocused(focused: boolean): void {
    if (focused === this.focused) {
      return;
    }
    this.focused = focused;
    if (this.running && this.cancelTimer !== undefined) {
      const remaining = Math.max(0, this.dueAt - this.timers.now());
      this.schedule(Math.min(remaining, this.currentIntervalMs));
    }
  }

  /** Polls now (e.g. after "Refresh"); resolves when done. */
  async pollNow(): Promise<void> {
    if (!this.running) {
      return;
    }
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    await this.tick();
  }

  private schedule(ms: number): void {
    this.cancelTimer?.();
    this.dueAt = this.timers.now() + ms;
    this.cancelTimer = this.timers.setTimeout(() => {
      this.cancelTimer = undefined;
      void this.tick();
    }, ms);
  }

  private tick(): Promise<void> {
    if (this.inFlight !== undefined) {
      return this.inFlight;
    }
    const run = this.poll().finally(() => {
      this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }

  private async poll(): Promise<void> {
    const signal = this.abort.signal;
    try {
      // Each poll looks for what happened since the last one (the tracker stops at what it knew then).
      this.options.tracker.markGap();
      const result = await this.options.tracker.sync(signal);
      if (!this.running) {
        return;
      }
      if (this.failures > 0) {
        this.failures = 0;
        this.setState({ state: 'connected' });
      }
      emitSync(this.emitter, result, 'poll');
    } catch (error) {
      if (!this.running || signal.aborted) {
        return;
      }
      this.failures++;
      const message = error instanceof Error ? error.message : String(error);
      this.options.log?.(`Live updates: poll failed (${message}); next poll in ${Math.round(this.currentIntervalMs / 1000)} s`);
      this.setState({ state: 'reconnecting', reason: message, retryInMs: this.currentIntervalMs });
    }
    if (this.running) {
      this.schedule(this.currentIntervalMs);
    }
  }

  private setState(change: Omit<StateEvent, 'type' | 'mode'>): void {
    this.stateValue = change.state;
    this.emitter.fire({ type: 'state', mode: 'poll', ...change });
  }
}
