// Ctrl+C and `kill` end a test run only after what it started is stopped. Each caller registers its
// own handler and removes it when done (no module-level state). A second signal exits at once; the
// synchronous 'exit' hooks of codeServer.ts and playwright-core still kill their processes then.
const SIGNALS: Array<[NodeJS.Signals, number]> = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

/** Runs `cleanup` (at most `timeoutMs`) on SIGINT/SIGTERM/SIGHUP, then exits. Returns the unregister function. */
export function onInterrupt(cleanup: () => Promise<void>, timeoutMs = 15_000): () => void {
  let interrupted = false;
  const handlers = SIGNALS.map(([signal, code]) => {
    const handler = (): void => {
      if (interrupted) {
        process.exit(code);
      }
      interrupted = true;
      console.error(`\n${signal}: stopping the test runner…`);
      const timer = setTimeout(() => process.exit(code), timeoutMs);
      cleanup().then(
        () => process.exit(code),
        () => process.exit(code),
      ).finally(() => clearTimeout(timer));
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) {
      process.removeListener(signal, handler);
    }
  };
}
