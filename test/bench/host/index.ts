/**
 * The bench's `extensionTestsPath` module: VS Code's extension host calls run() (the contract of
 * @vscode/test-electron that code-server's smoke-test driver honours, test/runner/workbench.ts). The
 * runner picks the stage with WEBEX_BENCH_STAGE; each stage reports its measurements as records.
 */
import { activationStage } from './activationStage';
import { record } from './hostKit';
import { idleStage } from './idleStage';
import { sidebarStage } from './sidebarStage';

const STAGES: Record<string, () => Promise<void>> = {
  activation: activationStage,
  sidebar: sidebarStage,
  idle: idleStage,
};

export async function run(): Promise<void> {
  const name = process.env.WEBEX_BENCH_STAGE ?? '';
  const stage = STAGES[name];
  if (!stage) {
    throw new Error(`Unknown bench stage "${name}" (WEBEX_BENCH_STAGE): one of ${Object.keys(STAGES).join(', ')}`);
  }
  record('started', name);
  try {
    await stage();
    record('done', name);
  } catch (error) {
    console.error(`bench stage ${name} failed:`, error);
    throw error;
  }
}
