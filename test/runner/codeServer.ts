// Starts code-server (VS Code 1.139 in a browser, with a real Node extension host) under Node 24,
// detached in its own process group so that stopping it also ends the extension host
//.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InstallLayout } from './paths';
import { poll, type PollOptions } from '../kit/until';

/** User settings every test window gets. */
export const DEFAULT_TEST_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  // The empty secondary side bar (chat) would take a third of every screenshot.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export interface CodeServerOptions {
  layout: InstallLayout;
  /** User settings over {@link DEFAULT_TEST_SETTINGS} (e.g. `webex.apiBaseUrl`). */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for the extension host (e.g. WEBEX_TEST_SANDBOX_ORIGIN). */
  env?: Record<string, string>;
  /** Install this VSIX with `--install-extension` before starting. */
  vsix?: string;
  /** Each line code-server prints; it is always written to `logFile` too. */
  onOutput?: (line: string) => void;
  /** Port on 127.0.0.1; default 0 (a free one). `npm start -- --port N` sets it. */
  port?: number;
  /** How long to wait for "HTTP server listening"; default 60 s. */
  startTimeoutMs?: number;
  /** VS Code's display language (code-server's `--locale`), e.g. `de`; default English. */
  locale?: string;
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** `127.0.0.1:PORT`: the authority of `vscode-remote://` URIs, equal to the Host the browser uses. */
  readonly authority: string;
  /** The temp folder holding everything below; removed by stop(). */
  readonly tempDir: string;
  /** An empty folder opened as the workspace. */
  readonly workspaceDir: string;
  readonly userDataDir: string;
  readonly logFile: string;
  /** XDG_* and TMPDIR pointed into tempDir: give the same to the browser. */
  readonly isolatedEnv: Readonly<Record<string, string>>;
  /** Kills the process group, waits for it, removes tempDir. Safe to call twice. */
  stop(): Promise<void>;
}

/** Environment variables that would change what code-server does if they leaked in from outside. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const leaks =
      /^(npm_|VSCODE_)/i.test(key) ||
      ['NODE', 'INIT_CWD', 'PORT', 'PASSWORD', 'HASHED_PASSWORD', 'CODE_SERVER_CONFIG', 'ELECTRON_RUN_AS_NODE'].includes(key);
    if (!leaks) {
      env[key] = value;
    }
  }
  return { ...env, ...extra };
}

function isolatedDirs(tempDir: string): Record<string, string> {
  const dirs = {
    XDG_CONFIG_HOME: path.join(tempDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(tempDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(tempDir, 'xdg', 'cache'),
    TMPDIR: path.join(tempDir, 'tmp'),
  };
  for (const dir of Object.values(dirs)) {
    fs.mkdirSync(dir, { recursive: true });
  }
  return dirs;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** How long a process group gets to exit after a signal. */
const GROUP_EXIT: PollOptions = { timeoutMs: 5000, everyMs: 100 };

function waitForListening(child: ChildProcess, logFile: string, timeoutMs: number, onOutput?: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const log = fs.createWriteStream(logFile, { flags: 'a' });
    let pending = '';
    let resolved = false;
    const timer = setTimeout(() => fail(new Error(`code-server did not start within ${timeoutMs} ms`)), timeoutMs);
    function fail(error: Error): void {
      if (!resolved) {
        resolved = true;
        clearTimeout(timer);
        const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
        reject(new Error(`${error.message}\n--- code-server output (${logFile}) ---\n${tail}`));
      }
    }
    const onData = (chunk: Buffer): void => {
      log.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        onOutput?.(line);
        const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (match !== null && !resolved) {
          resolved = true;
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (e) => fail(e));
    child.on('exit', (code, signal) => {
      log.end();
      fail(new Error(`code-server exited (code ${String(code)}, signal ${String(signal)}) before listening`));
    });
  });
}

/**
 * VS Code takes `--locale de` only when a language pack for it is installed: otherwise its display
 * language stays English, and so do `vscode.env.language`, `vscode.l10n` and the manifest's
 * package.nls.<language>.json. There is no language pack on the npm registry, so the runner writes
 * the record one leaves in the user data dir (`languagepacks.json`: a hash, the pack's extensions,
 * and the path of its translation of VS Code's own strings), pointing at an empty translation:
 * VS Code's own strings stay English, and every extension, ours included, runs in `language`.
 * Each entry needs an `extensions` list (VS Code 1.139 hashes it), or the workbench fails to start.
 */
function writeStubLanguagePack(userDataDir: string, tempDir: string, language: string): void {
  const translations = path.join(tempDir, 'language-pack', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = {
    hash: `stub-${language}`,
    extensions: [{ extensionIdentifier: { id: `webex-vscode-tests.stub-language-pack-${language}` }, version: '0.0.1' }],
    translations: { vscode: translations },
    label: language,
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [language]: pack }, null, 2));
}

/** Starts code-server on a free loopback port with a fresh user data dir; see {@link CodeServer}. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-vscode-test-'));
  const removeTemp = (): void => fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
  try {
    const isolatedEnv = isolatedDirs(tempDir);
    const userDataDir = path.join(tempDir, 'user-data');
    const extensionsDir = path.join(tempDir, 'extensions');
    const workspaceDir = path.join(tempDir, 'workspace');
    const logFile = path.join(tempDir, 'code-server.log');
    const configFile = path.join(tempDir, 'config.yaml');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    fs.mkdirSync(workspaceDir, { recursive: true });
    const bind = `127.0.0.1:${options.port ?? 0}`;
    fs.writeFileSync(configFile, `bind-addr: ${bind}\nauth: none\ncert: false\n`);
    fs.writeFileSync(
      path.join(userDataDir, 'User', 'settings.json'),
      JSON.stringify({ ...DEFAULT_TEST_SETTINGS, ...options.settings }, null, 2),
    );
    if (options.locale !== undefined && options.locale !== 'en') {
      writeStubLanguagePack(userDataDir, tempDir, options.locale);
    }
    const env = cleanEnv({ ...isolatedEnv, ...options.env });
    const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

    if (options.vsix !== undefined) {
      const installed = spawnSync(options.layout.nodeBinary, [options.layout.entry, ...common, '--install-extension', path.resolve(options.vsix)], {
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (installed.status !== 0) {
        throw new Error(`Installing ${options.vsix} failed (exit ${String(installed.status)}):\n${installed.stdout}${installed.stderr}`);
      }
    }

    const args = [
      options.layout.entry,
      ...common,
      '--auth', 'none',
      '--bind-addr', bind,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      // Makes the built workbench honour the URL's `payload` (extensionDevelopmentPath, extensionTestsPath).
      '--vscode-option', 'enable-smoke-test-driver',
      ...(options.locale === undefined ? [] : ['--locale', options.locale]),
    ];
    const child = spawn(options.layout.nodeBinary, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid === undefined) {
      throw new Error('code-server did not start (no pid)');
    }
    // If the runner dies without stop() (an exception, process.exit), take the group down with it.
    const onExit = (): void => {
      killGroup(pid, 'SIGKILL');
      removeTemp();
    };
    process.on('exit', onExit);
    let stopped: Promise<void> | undefined;
    const stop = (): Promise<void> => {
      stopped ??= (async () => {
        killGroup(pid, 'SIGTERM');
        if (!(await poll(() => !groupAlive(pid), GROUP_EXIT))) {
          killGroup(pid, 'SIGKILL');
          await poll(() => !groupAlive(pid), GROUP_EXIT);
        }
        child.stdout?.destroy();
        child.stderr?.destroy();
        process.removeListener('exit', onExit);
        removeTemp();
      })();
      return stopped;
    };
    let origin: string;
    try {
      origin = await waitForListening(child, logFile, options.startTimeoutMs ?? 60_000, options.onOutput);
    } catch (error) {
      await stop();
      throw error;
    }
    return { origin, authority: new URL(origin).host, tempDir, workspaceDir, userDataDir, logFile, isolatedEnv, stop };
  } catch (error) {
    removeTemp();
    throw error;
  }
}
