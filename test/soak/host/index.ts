/**
 * The soak's `extensionTestsPath` module: runs the soak's mocha files inside the real extension host
 * in a fixed order (faults, then the bad-input corpus, then token hygiene) and watches the whole run
 * for unhandled promise rejections the way VS Code's extension host does (a rejection not handled
 * within a second is one; `rejectionHandled` takes it back). Counts go to the runner as a summary
 * line (test/runner/summary.ts), findings as records (test/bench/records.ts).
 */
import * as path from 'node:path';
import Mocha from 'mocha';
import { countedRun } from '../../runner/countedRun';
import { formatSummary } from '../../runner/summary';
import { record } from './soakKit';

const FILES = ['faultSoak.test.js', 'badInput.test.js', 'tokenHygiene.test.js'];

function describeReason(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
}

export async function run(): Promise<void> {
  const pending = new Map<Promise<unknown>, { reason: string; at: number }>();
  const onUnhandled = (reason: unknown, promise: Promise<unknown>): void => {
    pending.set(promise, { reason: describeReason(reason), at: Date.now() });
  };
  const onHandled = (promise: Promise<unknown>): void => {
    const entry = pending.get(promise);
    if (entry && Date.now() - entry.at < 1000) {
      pending.delete(promise);
    }
  };
  process.on('unhandledRejection', onUnhandled);
  process.on('rejectionHandled', onHandled);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, forbidOnly: true, forbidPending: true });
  const grep = process.env.WEBEX_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of FILES) {
    mocha.addFile(path.join(__dirname, file));
  }
  const summary = await countedRun(mocha, 'The soak');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  process.removeListener('unhandledRejection', onUnhandled);
  process.removeListener('rejectionHandled', onHandled);
  const unhandled = [...pending.values()].map((e) => e.reason);
  record('soak.unhandledRejections', unhandled);
  if (unhandled.length > 0) {
    console.error(`${unhandled.length} unhandled promise rejection(s) in the extension host:\n${unhandled.join('\n---\n')}`);
    summary.failed++;
  }
  console.log(formatSummary(summary));
  if (summary.failed > 0) {
    throw new Error(`${summary.failed} soak check(s) failed`);
  }
}
