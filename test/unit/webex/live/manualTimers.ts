/**
 * A clock tests move by hand: the 15 s ping, the 32 s backoff and a 2-minute poll interval pass in
 * microseconds. Sockets and HTTP stay real, so after each fired timer the I/O it started is given
 * time to happen (see {@link settle}).
 */
import type { LiveTimers } from '../../../../src/webex/live/timers';
import type { PollOptions } from '../../../kit/until';

interface Pending {
  at: number;
  seq: number;
  callback: () => void;
}

export class ManualTimers implements LiveTimers {
  private time = 0;
  private seq = 0;
  private readonly pending = new Set<Pending>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): () => void {
    const timer: Pending = { at: this.time + Math.max(0, ms), seq: ++this.seq, callback };
    this.pending.add(timer);
    return () => this.pending.delete(timer);
  }

  /** Delays (from now) of the timers waiting, soonest first. */
  delays(): number[] {
    return [...this.pending].sort(order).map((t) => t.at - this.time);
  }

  /** Moves time on by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = [...this.pending].sort(order)[0];
      if (next === undefined || next.at > until) {
        break;
      }
      this.pending.delete(next);
      this.time = next.at;
      next.callback();
    }
    this.time = until;
  }

  /** Moves time to the next timer and fires it (and any due at the same moment). */
  fireNext(): number {
    const next = [...this.pending].sort(order)[0];
    if (next === undefined) {
      throw new Error('no timer is pending');
    }
    const delay = next.at - this.time;
    this.advance(delay);
    return delay;
  }
}

function order(a: Pending, b: Pending): number {
  return a.at - b.at || a.seq - b.seq;
}

/** For `until` in these tests: real time, polled often, because the sockets answer within milliseconds. */
export const PROMPTLY: PollOptions = { timeoutMs: 5000, everyMs: 5 };

/** Lets pending socket and HTTP I/O run: a few turns of the event loop. */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}
