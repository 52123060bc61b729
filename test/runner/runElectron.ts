// `npm run test:electron`: the same integration suite in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code (update.code.visualstudio.com) or have it installed.
// The build machines cannot, so this fails fast there; it is not part of CI.
//
//   node out/test/runner/runElectron.js [--code /path/to/code] [--grep <pattern>]
//   (or VSCODE_EXECUTABLE=/path/to/code). Linux without a display needs xvfb-run in front.
import * as dns from 'node:dns/promises';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { DEFAULT_TEST_SETTINGS } from './codeServer';
import { CODE_SERVER_VERSION, repoRoot } from './paths';
import { sandboxWiring, startLocalWebex } from './sandbox';
import { SuiteSummary, parseSummary, summaryLine } from './summary';
import { failuresShown, runMain } from './cliMain';

/** Desktop VS Code of the same version as the code-server build (4.139.1 → 1.139.1). */
const VSCODE_VERSION = CODE_SERVER_VERSION.replace(/^4\./, '1.');
const DOWNLOAD_HOST = 'update.code.visualstudio.com';

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** Throws at once, with what to do instead, when desktop VS Code can be neither found nor downloaded. */
async function requireDownloadable(root: string): Promise<void> {
  const cache = path.join(root, '.vscode-test');
  const cached = fs.existsSync(cache) && fs.readdirSync(cache).some((d) => d.startsWith('vscode-') && d.endsWith(VSCODE_VERSION));
  if (cached) {
    return;
  }
  try {
    await Promise.race([
      dns.lookup(DOWNLOAD_HOST),
      new Promise((_, reject) => setTimeout(() => reject(new Error('DNS lookup timed out')), 5000)),
    ]);
  } catch (error) {
    throw new Error(
      `Desktop VS Code ${VSCODE_VERSION} is not cached in .vscode-test/ and cannot be downloaded from ${DOWNLOAD_HOST} ` +
        `(${error instanceof Error ? error.message : String(error)}).\n` +
        'On this machine run the suite in code-server instead: npm run test:integration\n' +
        'Or point at an installed desktop VS Code: npm run test:electron -- --code /path/to/code (or VSCODE_EXECUTABLE=...).',
      { cause: error },
    );
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const root = repoRoot();
  const executable = option(argv, '--code') ?? process.env.VSCODE_EXECUTABLE;
  if (executable === undefined) {
    await requireDownloadable(root);
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-vscode-electron-'));
  const sandbox = await startLocalWebex();
  let summary: SuiteSummary | undefined;
  let exitCode = 1;
  const write = process.stdout.write.bind(process.stdout);
  try {
    const wiring = sandboxWiring(sandbox);
    const userDataDir = path.join(temp, 'user-data');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_TEST_SETTINGS, ...wiring.settings }, null, 2));
    const workspace = path.join(temp, 'workspace');
    fs.mkdirSync(workspace);
    const grep = option(argv, '--grep');
    // test-electron relays VS Code's stdout here; pick the suite's summary out of it.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]): boolean => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const lines = text.split('\n').filter((line) => {
        const parsed = parseSummary(line);
        summary = parsed ?? summary;
        return parsed === undefined;
      });
      return write(lines.join('\n'), ...rest);
    });
    await runTests({
      version: VSCODE_VERSION,
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index'),
      extensionTestsEnv: { ...wiring.env, ...(grep === undefined ? {} : { WEBEX_TEST_GREP: grep }) },
      launchArgs: [workspace, '--user-data-dir', userDataDir, '--extensions-dir', path.join(temp, 'extensions'), '--disable-workspace-trust'],
    });
    exitCode = 0;
  } catch (error) {
    console.error(`[electron] ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    process.stdout.write = write;
    await sandbox.stop();
    fs.rmSync(temp, { recursive: true, force: true });
  }
  const counts = summary ?? { passed: 0, failed: 0 };
  const failed = failuresShown(exitCode, counts.failed);
  console.log(summaryLine({ passed: counts.passed, failed }));
  return exitCode === 0 && failed === 0 ? 0 : 1;
}

runMain('electron', main, { summary: true });
