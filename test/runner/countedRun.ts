// Inside the extension host: runs a mocha suite to its end and counts what happened, for the one
// summary line the runner reads (summary.ts).
import type Mocha from 'mocha';
import type { SuiteSummary } from './summary';

/** Runs `mocha`; a file that throws while loading counts as a failure, reported as "`what` could not load". */
export async function countedRun(mocha: Mocha, what: string): Promise<SuiteSummary> {
  const summary: SuiteSummary = { passed: 0, failed: 0, pending: 0 };
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => summary.passed++);
      runner.on('fail', () => summary.failed++);
      runner.on('pending', () => summary.pending++);
    });
  } catch (error) {
    console.error(`${what} could not load:`, error);
    summary.failed = Math.max(summary.failed, 1);
  } finally {
    mocha.dispose();
  }
  return summary;
}
