// What every command-line entry of test/ (the runners, the bench, the soak) does the same way:
// reading `--option value` arguments and turning main()'s result into the exit code.
import { summaryLine } from './summary';

/** Calls `handle(arg, value)` for each argument; `value()` takes the next one, failing when there is none. */
export function eachArgument(argv: readonly string[], handle: (arg: string, value: () => string) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    handle(arg, () => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${arg} needs a value`);
      }
      return v;
    });
  }
}

export interface RunMainOptions {
  /** Print `0 passed, 1 failed` when main throws, so CI reads a failure (the test stages). */
  summary?: boolean;
  /** Print the error's stack rather than its message. */
  stack?: boolean;
}

/** Runs `main`; its result is the exit code, and a throw is `[tag] message` and exit code 1. */
export function runMain(tag: string, main: () => Promise<number>, options: RunMainOptions = {}): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const text = error instanceof Error ? ((options.stack ? error.stack : undefined) ?? error.message) : String(error);
      console.error(`[${tag}] ${text}`);
      if (options.summary) {
        console.log(summaryLine({ passed: 0, failed: 1 }));
      }
      process.exitCode = 1;
    },
  );
}

/** A failing exit always shows at least one failure, so CI never reads "0 failed" from a broken run. */
export function failuresShown(exitCode: number, failed: number): number {
  return exitCode !== 0 ? Math.max(failed, 1) : failed;
}
