// Opens the real VS Code workbench served by code-server in Debian Chromium (playwright-core), either
// to run the integration suite inside the extension host or as a page for UI tests
// (payload, codeAutomationLog / codeAutomationExit, Chromium flags).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { BrowserContext, Page, chromium } from 'playwright-core';
import { CodeServer, startCodeServer } from './codeServer';
import { ensureCodeServer } from './install';
import { onInterrupt } from './interrupt';
import { repoRoot } from './paths';
import { CHROMIUM_PATH, requireChromium } from './prerequisites';
import type { LocalWebex } from '../sandbox/server';
import type { Scenario } from '../sandbox/scenario';
import { sandboxWiring, startLocalWebex } from './sandbox';

/** Without the background-networking flags Chromium keeps trying to reach the internet. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A line the extension host (or the workbench's automation logger) printed. */
export type ExtensionHostLog = (type: string, text: string) => void;

/** Launches headless Debian Chromium with a fresh profile in `server.tempDir` (so SecretStorage starts empty). */
export async function launchChromium(server: CodeServer): Promise<BrowserContext> {
  requireChromium();
  const profileDir = fs.mkdtempSync(path.join(server.tempDir, 'browser-profile-'));
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: process.env.WEBEX_TEST_HEADED !== '1',
    args: CHROMIUM_ARGS,
    env: { ...process.env, ...server.isolatedEnv },
    viewport: { width: 1280, height: 800 },
    // The runners handle signals themselves and stop code-server too (interrupt.ts).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** `vscode-remote://127.0.0.1:PORT/abs/path`: the authority must equal the Host the browser uses. */
export function remoteUri(server: CodeServer, absolutePath: string): string {
  return `vscode-remote://${server.authority}${path.resolve(absolutePath)}`;
}

/** The workbench URL opening `server.workspaceDir`, with the smoke-test driver's `payload`. */
export function workbenchUrl(server: CodeServer, payload: Array<[string, string]>): string {
  const url = new URL('/', server.origin);
  url.searchParams.set('folder', server.workspaceDir);
  if (payload.length > 0) {
    url.searchParams.set('payload', JSON.stringify(payload));
  }
  return url.toString();
}

/**
 * The extension development folder for the payload. For a VSIX run the extension under test is the
 * installed one, but the test runner still needs some development extension (VS Code refuses
 * extensionTestsPath without one), so an empty harness extension is made in the temp folder.
 */
export function developmentPath(server: CodeServer, installedFromVsix: boolean, extensionPath = repoRoot()): string {
  if (!installedFromVsix) {
    return extensionPath;
  }
  const harness = path.join(server.tempDir, 'vsix-test-harness');
  fs.mkdirSync(harness, { recursive: true });
  fs.writeFileSync(
    path.join(harness, 'package.json'),
    JSON.stringify({ name: 'vsix-test-harness', publisher: 'webex-vscode-test', version: '0.0.0', engines: { vscode: '*' } }),
  );
  return harness;
}

/** Forwards the extension host's console (and test exit code) from the page to Node. Call before goto. */
async function wirePage(page: Page, onLog: ExtensionHostLog, onExit?: (code: number) => void): Promise<void> {
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    onLog(type, util.format(...(Array.isArray(args) ? args : [args])));
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => onExit?.(code));
}

export interface RunTestsOptions {
  server: CodeServer;
  /** A browser from {@link launchChromium}; the caller closes it. */
  context: BrowserContext;
  /** Absolute folder of the extension under development (or the VSIX harness). */
  extensionDevelopmentPath: string;
  /** Absolute path of the compiled test index without `.js` (out/test/integration/index). */
  extensionTestsPath: string;
  onLog: ExtensionHostLog;
  /** Whole-suite limit; default 15 minutes. */
  timeoutMs?: number;
}

/** Opens the workbench with the test payload and resolves with the suite's exit code. */
export async function runExtensionTests(options: RunTestsOptions): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = options.context.pages()[0] ?? (await options.context.newPage());
    let resolveExit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => {
      resolveExit = resolve;
    });
    await wirePage(page, options.onLog, resolveExit);
    page.on('crash', () => {
      options.onLog('error', 'The workbench page crashed.');
      resolveExit(1);
    });
    const limit = options.timeoutMs ?? 15 * 60_000;
    timer = setTimeout(() => {
      options.onLog('error', `The suite did not finish within ${limit / 1000} s.`);
      resolveExit(1);
    }, limit);
    const url = workbenchUrl(options.server, [
      ['extensionDevelopmentPath', remoteUri(options.server, options.extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(options.server, options.extensionTestsPath)],
    ]);
    await page.goto(url);
    return await exitCode;
  } finally {
    clearTimeout(timer);
  }
}

export interface StartWorkbenchOptions {
  /**
   * The local Webex's scenario; default `smallScenario()`.
   * `null`: no local Webex (webex.apiBaseUrl keeps its default unless `settings` sets it).
   */
  scenario?: Scenario | null;
  /** User settings over the test defaults and `webex.apiBaseUrl` = the local Webex. */
  settings?: Record<string, unknown>;
  /** Extra environment for the extension host. */
  env?: Record<string, string>;
  /** Extension development folder; default the repository (its dist/ must be built). */
  extensionPath?: string;
  /** Install this VSIX instead of loading a development folder. */
  vsix?: string;
  /** VS Code's display language, e.g. `de`; default English. */
  locale?: string;
}

export interface Workbench {
  /** The real VS Code workbench with the extension loaded (no test suite running). */
  readonly page: Page;
  readonly context: BrowserContext;
  /** The local Webex (faults, requests, tokenFor…), or undefined with `scenario: null`. */
  readonly sandbox: LocalWebex | undefined;
  /** `http://127.0.0.1:PORT` of code-server. */
  readonly codeServerUrl: string;
  /** The folder opened as the workspace (on this machine: code-server runs here). */
  readonly workspaceDir: string;
  /** What the extension host and the workbench logged so far (`type: text`). */
  readonly logs: readonly string[];
  /** Saves `test-results/<name>.png` (the 1280×800 window) and returns its path; moves the mouse away first unless keepHover. */
  screenshot(name: string, options?: { keepHover?: boolean }): Promise<string>;
  /** Closes Chromium, stops code-server and the local Webex, removes temp folders. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the local Webex, code-server and Chromium, and opens the workbench with the extension
 * loaded as a development extension (or installed from a VSIX), for Playwright UI tests.
 * Installs code-server on first use. Each call gets a fresh browser profile, so it starts signed out.
 */
export async function startWorkbench(options: StartWorkbenchOptions = {}): Promise<Workbench> {
  const layout = await ensureCodeServer();
  requireChromium();
  const stops: Array<() => Promise<void>> = [];
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      unregister();
      for (const step of stops.reverse()) {
        await step().catch((e: unknown) => console.error(`[workbench] cleanup: ${String(e)}`));
      }
    })();
    return stopping;
  };
  const unregister = onInterrupt(stop);
  try {
    const sandbox = options.scenario === null ? undefined : await startLocalWebex(options.scenario);
    if (sandbox !== undefined) {
      stops.push(() => sandbox.stop());
    }
    const wiring = sandboxWiring(sandbox);
    const server = await startCodeServer({
      layout,
      settings: { ...wiring.settings, ...options.settings },
      env: { ...wiring.env, ...options.env },
      vsix: options.vsix,
      locale: options.locale,
    });
    stops.push(() => server.stop());
    const context = await launchChromium(server);
    stops.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    const logs: string[] = [];
    await wirePage(page, (type, text) => logs.push(`${type}: ${text}`));
    const devPath = options.vsix === undefined ? (options.extensionPath ?? repoRoot()) : undefined;
    await page.goto(workbenchUrl(server, devPath === undefined ? [] : [['extensionDevelopmentPath', remoteUri(server, devPath)]]));
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
    return {
      page,
      context,
      sandbox,
      codeServerUrl: server.origin,
      workspaceDir: server.workspaceDir,
      logs,
      async screenshot(name: string, screenshotOptions: { keepHover?: boolean } = {}): Promise<string> {
        const file = path.join(repoRoot(), 'test-results', `${name.replace(/[^\w.-]+/g, '-')}.png`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        if (screenshotOptions.keepHover !== true) {
          // A tooltip from the last click (e.g. on the activity bar) would end up in the picture.
          await page.mouse.move(640, 1);
          await page
            .locator('.workbench-hover-container, .monaco-hover.workbench-hover')
            .first()
            .waitFor({ state: 'hidden', timeout: 3000 })
            .catch(() => undefined);
        }
        await page.screenshot({ path: file });
        return file;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
