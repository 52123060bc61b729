/**
 * `npm start`: the extension working in a real VS Code against a local Webex with a demo account,
 * with no Webex account needed. Builds the extension, starts the local Webex (test/sandbox) with
 * test/demo/demoScenario.ts, starts code-server from the test runner's cache (installing it on first
 * use) or desktop VS Code, and prints the address to open and the token to sign in with.
 * Ctrl+C (SIGINT), SIGTERM or SIGHUP stop everything it started and remove its temp folder.
 *
 *   npm start [-- --api <url>] [-- --port <n>] [-- --desktop] [-- --vsix]      (see options.ts)
 *
 * The npm script bundles this file with esbuild (no type check: that is `npm run check-types`).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startCodeServer } from '../runner/codeServer';
import { ensureCodeServer } from '../runner/install';
import { repoRoot } from '../runner/paths';
import { remoteUri, workbenchUrl } from '../runner/workbench';
import { LocalWebex } from '../sandbox/server';
import { ApprovalBot } from './approvalBot';
import { DEMO, demoScenario } from './demoScenario';
import { DESKTOP_NEEDS_CODE, findCodeCommand, startDesktop } from './desktop';
import { DemoOptions, USAGE, parseDemoOptions } from './options';
import { formatBytes, packageVsix } from './packageVsix';
import { writeDemoWorkspace } from './workspace';

/** What the demo changes in VS Code's user settings beyond the test runner's defaults. */
function demoSettings(apiBaseUrl: string | undefined): Record<string, unknown> {
  return {
    ...(apiBaseUrl !== undefined ? { 'webex.apiBaseUrl': apiBaseUrl } : {}),
    // The window opens on the demo workspace's README.md: how to sign in and what to try.
    'workbench.startupEditor': 'readme',
  };
}

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** `node esbuild.js`: the development bundles in dist/ (what the development folder loads). */
function buildDevelopment(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node esbuild.js failed (exit ${String(code)})`))));
  });
}

interface Running {
  /** The address to open (VS Code in the browser) or a description (desktop). */
  open: string;
  /** VS Code's own temp folder (user data, extensions, workspace), if it is not inside ours. */
  dataDir?: string;
  stop(): Promise<void>;
}

async function startVsCode(
  options: DemoOptions,
  root: string,
  tempDir: string,
  settings: Record<string, unknown>,
  vsix: string | undefined,
  signIn: string,
): Promise<Running> {
  if (options.desktop) {
    const workspaceDir = path.join(tempDir, 'workspace');
    fs.mkdirSync(workspaceDir, { recursive: true });
    writeDemoWorkspace(workspaceDir, signIn);
    const desktop = startDesktop({ tempDir, workspaceDir, settings, vsix, extensionDevelopmentPath: vsix === undefined ? root : undefined });
    return { open: `desktop VS Code (a new window; profile in ${desktop.userDataDir})`, stop: () => desktop.stop() };
  }
  const layout = await ensureCodeServer({ log: (line) => say(`[demo] ${line}`) });
  const server = await startCodeServer({ layout, settings, vsix, port: options.port });
  try {
    writeDemoWorkspace(server.workspaceDir, signIn);
    // A development folder is loaded through the workbench URL's `payload` (code-server honours it with
    // `--vscode-option enable-smoke-test-driver`); an installed VSIX needs nothing but the folder to open.
    const payload: Array<[string, string]> = vsix === undefined ? [['extensionDevelopmentPath', remoteUri(server, root)]] : [];
    return { open: workbenchUrl(server, payload), dataDir: server.tempDir, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function main(): Promise<number> {
  let options: DemoOptions;
  try {
    options = parseDemoOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    say(USAGE);
    return 0;
  }
  if (options.desktop && findCodeCommand() === undefined) {
    process.stderr.write(`${DESKTOP_NEEDS_CODE}\n`);
    return 1;
  }
  const root = repoRoot();
  const started = Date.now();
  const stops: Array<() => Promise<void>> = [];
  let stopping: Promise<void> | undefined;
  const stopAll = (): Promise<void> => {
    stopping ??= (async () => {
      for (const stop of stops.splice(0).reverse()) {
        await stop().catch((e: unknown) => process.stderr.write(`[demo] while stopping: ${String(e)}\n`));
      }
    })();
    return stopping;
  };
  // Ctrl+C during start-up ends the steps already done; a second Ctrl+C exits at once (the test
  // host's exit hooks still kill code-server's process group then).
  const interrupted = new Promise<NodeJS.Signals>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(sig, () => {
        if (stopping !== undefined) {
          process.exit(130);
        }
        say(`\n[demo] ${sig}: stopping VS Code and the local Webex…`);
        resolve(sig);
        void stopAll().then(() => {
          say('[demo] stopped; nothing left running.');
          process.exit(0);
        });
      });
    }
  });

  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-demo-'));
  stops.push(() => fs.promises.rm(tempDir, { recursive: true, force: true, maxRetries: 3 }));
  try {
    let vsix: string | undefined;
    if (options.vsix) {
      say('[demo] packaging the extension (esbuild --production, vsce package)…');
      const packaged = await packageVsix(root, path.join(tempDir, 'webex-vscode.vsix'), () => undefined);
      vsix = packaged.file;
      say(`[demo] VSIX ready: ${formatBytes(packaged.bytes)}`);
    } else {
      say('[demo] building the extension (node esbuild.js)…');
      await buildDevelopment(root);
    }

    let webex: LocalWebex | undefined;
    if (options.api === undefined) {
      webex = await LocalWebex.start({ scenario: demoScenario() });
      const local = webex;
      stops.push(() => local.stop());
      // Pipeline Bot answers its deploy-approval card (test/demo/approvalBot.ts).
      const bot = await ApprovalBot.start(webex.baseUrl, DEMO.pipeline.token);
      stops.push(() => bot.stop());
      say(`[demo] local Webex with the demo account at ${webex.baseUrl}`);
    }
    const apiBaseUrl = webex?.baseUrl ?? options.api;
    const signIn =
      webex !== undefined
        ? `Sign in with **Webex: Sign In** (F1) or the **Sign In** button in the Webex side bar, choose **Paste an access token** if asked, and paste the demo token \`${DEMO.you.token}\` (${DEMO.you.displayName}).`
        : `Sign in with **Webex: Sign In** (F1) and paste your own access token for ${String(apiBaseUrl)} (developer.webex.com).`;
    const vscode = await startVsCode(options, root, tempDir, demoSettings(apiBaseUrl), vsix, signIn);
    stops.push(() => vscode.stop());

    say();
    say(`Webex for VS Code is running (ready in ${seconds(started)}).`);
    say();
    say(`  Open VS Code:  ${vscode.open}`);
    if (webex !== undefined) {
      say(`  Sign in:       F1 → "Webex: Sign In" (or Sign In in the Webex side bar),`);
      say(`                 choose "Paste an access token" if asked, and paste`);
      say(`  Demo token:    ${DEMO.you.token}    (${DEMO.you.displayName}, ${DEMO.you.email})`);
      say(`  Local Webex:   ${webex.baseUrl}    (everyone's tokens: ${webex.origin}/_sandbox/people)`);
    } else {
      say(`  Sign in:       F1 → "Webex: Sign In" with your own access token for ${String(apiBaseUrl)}`);
      say('                 (a personal access token from developer.webex.com lasts 12 hours)');
    }
    for (const dir of [tempDir, vscode.dataDir].filter((d) => d !== undefined)) {
      say(`  Temp folder:   ${dir}    (removed when you stop)`);
    }
    say();
    say('Press Ctrl+C to stop.');
    await interrupted;
    await stopAll();
    return 0;
  } catch (error) {
    process.stderr.write(`[demo] ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll();
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
