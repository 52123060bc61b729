// `npm run test:integration`: the integration suite in a real VS Code (code-server 4.139.1 = VS Code
// 1.139.1) against the local Webex. Installs code-server on first use, starts the local Webex
// (smallScenario) and code-server, opens the workbench in headless Chromium with the test payload,
// relays the extension host's console, and exits with the suite's result. Prints `N passed, N failed`
// alone on the last line. Everything it started is stopped on success, failure and Ctrl+C.
//
//   node out/test/runner/runIntegration.js [--grep <pattern>] [--vsix <file.vsix>] [--verbose]
//
// The npm script builds first (tsc to out/, esbuild to dist/); this file does not.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startCodeServer } from './codeServer';
import { ensureCodeServer } from './install';
import { onInterrupt } from './interrupt';
import { repoRoot } from './paths';
import { requireChromium } from './prerequisites';
import { sandboxWiring, startLocalWebex } from './sandbox';
import { SuiteSummary, parseSummary, summaryLine } from './summary';
import { developmentPath, launchChromium, runExtensionTests } from './workbench';
import { eachArgument, failuresShown, runMain } from './cliMain';

interface Args {
  grep?: string;
  vsix?: string;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { verbose: process.env.WEBEX_TEST_VERBOSE === '1' };
  eachArgument(argv, (arg, value) => {
    if (arg === '--grep' || arg === '-g') {
      args.grep = value();
    } else if (arg === '--vsix') {
      args.vsix = path.resolve(value());
    } else if (arg === '--verbose') {
      args.verbose = true;

    } else {
      throw new Error(`Unknown argument ${arg}. Usage: runIntegration [--grep <pattern>] [--vsix <file>] [--verbose]`);
    }
  });
  return args;
}

/**
 * Workbench log lines that say nothing about the extension: the workbench's automation logger
 * forwards its own info log too, and these machines have no internet. Shown with --verbose.
 */
const KNOWN_NOISE = [
  /ENOTFOUND open-vsx\.org/,
  /^Resolving connection token|^Resolved connection token/,
  /^Creating a socket \(renderer-/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\] registered/,
  /^\[AgentHost:remote\]/,
  /^\[AccountPolicyGate\]/,
  /^Timed out waiting for authentication provider 'github' to register/,
  /^Long running operations during shutdown/,
];

/** What to print of a forwarded log entry: nothing for known noise, no stack frames inside the workbench bundle. */
function presentLog(raw: string, verbose: boolean): string | undefined {
  // mocha 12's spec reporter colours its output despite `color: false` (seen with CI=true: after
  // run(), Mocha.reporters.Base.useColors is false yet the lines carry escapes); keep the log plain.
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/\u001b\[[0-9;]*m/g, '');
  if (verbose) {
    return text.replace(/\s+$/, '');
  }
  if (KNOWN_NOISE.some((re) => re.test(text))) {
    return undefined;
  }
  return text
    .split('\n')
    .filter((line) => !/^\s+at .*\/static\/out\/vs\/code\/browser\/workbench\/workbench\.js/.test(line))
    .join('\n')
    .replace(/\s+$/, '');
}

function requireBuilt(file: string, hint: string): void {
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(repoRoot(), file)} is missing: ${hint}`);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  const started = Date.now();
  const testsIndex = path.join(root, 'out', 'test', 'integration', 'index');
  requireBuilt(`${testsIndex}.js`, 'run `npm run build:tests` (npm run test:integration does).');
  if (args.vsix === undefined) {
    requireBuilt(path.join(root, 'dist', 'extension.js'), 'run `node esbuild.js` (npm run test:integration does).');
  } else {
    requireBuilt(args.vsix, 'build it with `npm run package`.');
  }
  const layout = await ensureCodeServer();
  requireChromium();

  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async (): Promise<void> => {
    for (const step of cleanups.splice(0).reverse()) {
      await step().catch((e: unknown) => console.error(`[runner] cleanup: ${String(e)}`));
    }
  };
  const unregister = onInterrupt(cleanup);
  let summary: SuiteSummary | undefined;
  let exitCode = 1;
  try {
    const sandbox = await startLocalWebex();
    cleanups.push(() => sandbox.stop());
    console.log(`[runner] local Webex (smallScenario) at ${sandbox.baseUrl}`);
    const wiring = sandboxWiring(sandbox);
    // Lets the suite check that it tests what was asked for: the VSIX's install or this folder.
    const env: Record<string, string> = {
      ...wiring.env,
      ...(args.vsix === undefined ? { WEBEX_TEST_DEVELOPMENT_PATH: root } : { WEBEX_TEST_FROM_VSIX: '1' }),
    };
    if (args.grep !== undefined) {
      env.WEBEX_TEST_GREP = args.grep;
    }
    const server = await startCodeServer({
      layout,
      settings: wiring.settings,
      env,
      vsix: args.vsix,
      onOutput: args.verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
    });
    cleanups.push(() => server.stop());
    console.log(`[runner] code-server ${server.origin} (${args.vsix === undefined ? 'development folder' : `installed ${path.basename(args.vsix)}`}); opening the workbench in Chromium`);

    const context = await launchChromium(server);
    cleanups.push(() => context.close());
    exitCode = await runExtensionTests({
      server,
      context,
      extensionDevelopmentPath: developmentPath(server, args.vsix !== undefined),
      extensionTestsPath: testsIndex,
      onLog: (type, text) => {
        const parsed = parseSummary(text);
        if (parsed !== undefined) {
          summary = parsed;
          return;
        }
        const shown = presentLog(text, args.verbose);
        if (shown !== undefined) {
          (type === 'error' ? console.error : console.log)(shown);
        }
      },
    });
    if (exitCode !== 0) {
      const kept = path.join(root, 'test-results', 'code-server.log');
      fs.mkdirSync(path.dirname(kept), { recursive: true });
      fs.copyFileSync(server.logFile, kept);
      console.error(`[runner] code-server's log is kept in ${path.relative(root, kept)}`);
    }
  } catch (error) {
    // exitCode is still 1 here unless the suite had already failed.
    console.error(`[runner] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await cleanup();
    unregister();
  }
  const counts = summary ?? { passed: 0, failed: 0, pending: 0 };
  if (summary === undefined) {
    console.error('[runner] the suite reported no results (see above).');
  }
  const failed = failuresShown(exitCode, counts.failed);
  console.log(`[runner] finished in ${Math.round((Date.now() - started) / 1000)} s, exit code ${exitCode}`);
  console.log(summaryLine({ passed: counts.passed, failed }));
  return exitCode === 0 && failed === 0 ? 0 : 1;
}

runMain('runner', main, { summary: true });
