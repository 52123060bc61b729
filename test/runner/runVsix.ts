// `npm run test:vsix`: the integration suite against the extension as users install it. Packages
// the extension like `npm run package` (esbuild --production, vsce package --no-dependencies) into a
// temp folder, checks the VSIX budget (its budget: under 1 MB), then runs
// runIntegration.js --vsix: code-server installs the VSIX into a fresh extensions folder with
// --install-extension and the suite runs with extensionTestsPath only (no development folder of ours).
// Prints `N passed, N failed` alone on the last line, like the other runners.
//
//   node out/test/runner/runVsix.js [--grep <pattern>] [--verbose]      (passed on to runIntegration)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VSIX_BUDGET_BYTES, formatBytes, packageVsix } from '../demo/packageVsix';
import { repoRoot } from './paths';
import { summaryLine } from './summary';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function runIntegration(vsix: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    // A process group of its own, so that Ctrl+C reaches it once (forwarded from here), not twice:
    // a second signal makes runIntegration exit before its cleanup is done.
    const child = spawn(process.execPath, [path.join(__dirname, 'runIntegration.js'), '--vsix', vsix, ...args], {
      stdio: 'inherit',
      detached: true,
    });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    for (const signal of SIGNALS) {
      process.on(signal, forward);
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of SIGNALS) {
        process.removeListener(s, forward);
      }
      resolve(code ?? (signal !== null ? 1 : 0));
    });
  });
}

async function main(): Promise<number> {
  const root = repoRoot();
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-vsix-'));
  try {
    const started = Date.now();
    console.log('[vsix] packaging: node esbuild.js --production && vsce package --no-dependencies');
    const vsix = await packageVsix(root, path.join(tempDir, `webex-vscode-${version}.vsix`));
    console.log(`[vsix] ${path.basename(vsix.file)}: ${formatBytes(vsix.bytes)} (budget ${formatBytes(VSIX_BUDGET_BYTES)}), packaged in ${Math.round((Date.now() - started) / 1000)} s`);
    if (vsix.bytes >= VSIX_BUDGET_BYTES) {
      console.error(`[vsix] the VSIX is over its 1 MB budget; see \`npx vsce ls\` for what it holds.`);
      console.log(summaryLine({ passed: 0, failed: 1 }));
      return 1;
    }
    // runIntegration prints the suite's own summary line last.
    return await runIntegration(vsix.file, process.argv.slice(2));
  } catch (error) {
    console.error(`[vsix] ${error instanceof Error ? error.message : String(error)}`);
    console.log(summaryLine({ passed: 0, failed: 1 }));
    return 1;
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
