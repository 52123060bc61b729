/**
 * The clock the live sources run on. Injected so tests can move time on (the 15 s ping, the 32 s
 * backoff, a poll interval) without waiting.
 */
export interface LiveTimers {
  /** Milliseconds, for measuring (not for dates). */
  now(): number;
  /** Runs `callback` once after `ms`; the returned function cancels it. */
  setTimeout(callback: () => void, ms: number): () => void;
}

/** Real timers; unref'd so an idle live source never keeps a Node process alive on its own. */
export function realTimers(): LiveTimers {
  return {
    now: () => performance.now(),
    setTimeout: (callback, ms) => {
      const handle = setTimeout(callback, ms);
      handle.unref?.();
      return () => clearTimeout(handle);
    },
  };
}
