// Waiting for something that happens on its own time (a request reaching the local Webex, a tree
// refreshing, a socket opening): one polling loop for every suite, so each wait has a name, a
// deadline and a message that says what never happened.

export interface PollOptions {
  /** How long to keep trying (ms); default 15 s. */
  timeoutMs?: number;
  /** The pause between tries (ms); default 50. */
  everyMs?: number;
}

/** A probe's answer: anything but `undefined` and `false` counts as "there". */
export type Probe<T> = () => T | undefined | false | Promise<T | undefined | false>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tries `probe` until it answers (neither `undefined` nor `false`) and returns the answer, or
 * `undefined` once `timeoutMs` has passed. For callers that decide themselves what a timeout means.
 */
export async function poll<T>(probe: Probe<T>, options: PollOptions = {}): Promise<T | undefined> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      return undefined;
    }
    await sleep(options.everyMs ?? 50);
  }
}

/**
 * Waits until `probe` answers and returns the answer; fails with "timed out after N ms waiting for
 * `what`" when it does not within `timeoutMs`.
 */
export async function until<T>(what: string, probe: Probe<T>, options: PollOptions = {}): Promise<T> {
  const value = await poll(probe, options);
  if (value === undefined) {
    throw new Error(`timed out after ${options.timeoutMs ?? 15_000} ms waiting for ${what}`);
  }
  return value;
}

/** Anything shaped like `vscode.Event`: subscribe with a listener, get something to dispose. */
export type Subscribe = (listener: () => void) => { dispose(): void };

/**
 * Resolves once `ready` holds: at once if it already does, else on the first firing of `event`
 * after which it does; fails after `timeoutMs` (default 10 s) naming `what`.
 */
export function whenChanged(event: Subscribe, ready: () => boolean, what = 'a change', timeoutMs = 10_000): Promise<void> {
  if (ready()) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event(() => {
      if (ready()) {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      }
    });
  });
}
