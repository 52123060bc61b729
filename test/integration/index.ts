// The extensionTestsPath module: VS Code's extension host calls run() and exits with its result
// (the contract of @vscode/test-electron, which code-server's smoke-test driver honours the same way).
// Runs mocha over every out/test/integration/**/*.test.js; the spec reporter writes with console.log,
// which the workbench forwards to the runner (codeAutomationLog).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { countedRun } from '../runner/countedRun';
import { formatSummary } from '../runner/summary';

/** This file runs first: it checks the extension is not active before anything asks for it. */
const FIRST = 'activation.test.js';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...findTests(full));
    } else if (entry.isFile() && entry.name.endsWith('.test.js')) {
      found.push(full);
    }
  }
  return found;
}

function orderedTests(dir: string): string[] {
  const files = findTests(dir).sort();
  const first = path.join(dir, FIRST);
  return files.includes(first) ? [first, ...files.filter((f) => f !== first)] : files;
}

/** Entry point for VS Code: resolves when every test passed, rejects otherwise (or when none ran). */
export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 20_000,
    // Team rule: no skipped tests, and a stray .only must not hide the rest of the suite.
    forbidOnly: true,
    forbidPending: true,
  });
  const grep = process.env.WEBEX_TEST_GREP;
  if (grep !== undefined && grep !== '') {
    mocha.grep(grep);
  }
  for (const file of orderedTests(__dirname)) {
    mocha.addFile(file);
  }
  const summary = await countedRun(mocha, 'The integration suite');
  console.log(formatSummary(summary));
  if (summary.failed > 0) {
    throw new Error(`${summary.failed} integration test(s) failed`);
  }
  if (summary.passed === 0) {
    throw new Error(grep !== undefined && grep !== '' ? `No integration test matches "${grep}"` : 'No integration tests ran');
  }
}
