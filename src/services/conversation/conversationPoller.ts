/**
 * When to look for new messages in an open space: at a modest interval while its tab is visible and
 * the window focused, slower while the window is in the background, not at all while the tab is
 * hidden (it polls once as soon as it shows again). Polls never overlap: the next one is scheduled
 * only after the previous one ended, and 429s are waited out by the client itself (Retry-After, as
 * developer.webex.com "API Errors" describes) before the poll ends. vscode-free: the host reports
 * visibility and focus.
 */

export interface PollIntervals {
  /** Visible and focused. */
  focusedMs: number;
  /** Visible, window in the background. */
  backgroundMs: number;
}

export const DEFAULT_POLL_INTERVALS: PollIntervals = { focusedMs: 10_000, backgroundMs: 60_000 };

/** While live updates arrive over the websocket: a slow safety net for edits and deletions only. */
export const REALTIME_POLL_INTERVALS: PollIntervals = { focusedMs: 120_000, backgroundMs: 600_000 };

export class ConversationPoller {
  private visible = false;
  private seenVisible = false;
  private focused = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private disposed = false;

  constructor(
    private readonly poll: () => Promise<void>,
    private intervals: PollIntervals = DEFAULT_POLL_INTERVALS,
  ) {}

  /** The current wait between polls, or undefined while paused. */
  get intervalMs(): number | undefined {
    if (!this.visible || this.disposed) {
      return undefined;
    }
    return this.focused ? this.intervals.focusedMs : this.intervals.backgroundMs;
  }

  setIntervals(intervals: PollIntervals): void {
    this.intervals = intervals;
    this.schedule();
  }

  setVisible(visible: boolean): void {
    // Shown again after being hidden: look at once. The first time, the space was just loaded.
    const becameVisible = visible && !this.visible && this.seenVisible;
    this.seenVisible ||= visible;
    this.visible = visible;
    if (becameVisible) {
      void this.pollNow();
    } else {
      this.schedule();
    }
  }

  setFocused(focused: boolean): void {
    const regained = focused && !this.focused;
    this.focused = focused;
    if (regained && this.visible) {
      void this.pollNow();
    } else {
      this.schedule();
    }
  }

  /** Polls at once (joining a poll in flight) and restarts the interval after it. */
  pollNow(): Promise<void> {
    if (this.disposed) {
      return Promise.resolve();
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running ??= this.poll()
      .catch(() => undefined /* the host logs; the next poll tries again */)
      .finally(() => {
        this.running = undefined;
        this.schedule();
      });
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const wait = this.intervalMs;
    if (wait === undefined || this.running) {
      return;
    }
    this.timer = setTimeout(() => void this.pollNow(), wait);
  }
}
