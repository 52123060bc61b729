/**
 * `npm start -- --desktop`: desktop VS Code (the `code` command) with a fresh user-data and
 * extensions folder of its own, so the demo never touches the user's own VS Code profile.
 *
 * The `code` CLI starts Electron detached and returns, so the process group of what we spawn does
 * not hold VS Code. Stopping finds the processes by the demo's own user-data folder in their
 * command line (a path unique to this run) and ends those, and only those.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { poll } from '../kit/until';

export interface DesktopOptions {
  /** A folder of this run: the user data and extensions go below it. */
  tempDir: string;
  /** Opened as the workspace. */
  workspaceDir: string;
  /** Written to the user settings. */
  settings: Record<string, unknown>;
  /** The development folder to load, or undefined when `vsix` is installed instead. */
  extensionDevelopmentPath?: string;
  vsix?: string;
}

export interface DesktopVsCode {
  readonly userDataDir: string;
  stop(): Promise<void>;
}

/** The `code` command on PATH, or undefined. */
export function findCodeCommand(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const command = found.stdout.trim();
  return found.status === 0 && command !== '' ? command : undefined;
}

/** Pids (other than ours) whose command line contains `marker`. */
function pidsMentioning(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) {
      continue;
    }
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) {
        pids.push(pid);
      }
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

function signal(pids: number[], sig: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      // Already gone.
    }
  }
}

export const DESKTOP_NEEDS_CODE = '--desktop needs the `code` command on PATH (in VS Code: F1 → "Shell Command: Install \'code\' command in PATH").';

/** Starts desktop VS Code; throws when `code` is not on PATH or the VSIX does not install. */
export function startDesktop(options: DesktopOptions): DesktopVsCode {
  const code = findCodeCommand();
  if (code === undefined) {
    throw new Error(DESKTOP_NEEDS_CODE);
  }
  const userDataDir = path.join(options.tempDir, 'desktop-user-data');
  const extensionsDir = path.join(options.tempDir, 'desktop-extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(options.settings, null, 2));
  const profile = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  if (options.vsix !== undefined) {
    const installed = spawnSync(code, [...profile, '--install-extension', options.vsix], { encoding: 'utf8', timeout: 120_000 });
    if (installed.status !== 0) {
      throw new Error(`code --install-extension failed (exit ${String(installed.status)}):\n${installed.stdout}${installed.stderr}`);
    }
  }
  const dev = options.extensionDevelopmentPath !== undefined ? [`--extensionDevelopmentPath=${options.extensionDevelopmentPath}`] : [];
  const child = spawn(code, [...profile, '--new-window', '--disable-workspace-trust', ...dev, options.workspaceDir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  let stopping: Promise<void> | undefined;
  return {
    userDataDir,
    stop(): Promise<void> {
      stopping ??= (async () => {
        if (child.pid !== undefined) {
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            // The CLI had already returned.
          }
        }
        // VS Code's main process quits its windows, extension hosts and helpers on SIGTERM.
        signal(pidsMentioning(userDataDir), 'SIGTERM');
        const gone = (): boolean => pidsMentioning(userDataDir).length === 0;
        if (!(await poll(gone, { timeoutMs: 10_000, everyMs: 200 }))) {
          signal(pidsMentioning(userDataDir), 'SIGKILL');
          await poll(gone, { timeoutMs: 5_000, everyMs: 200 });
        }
      })();
      return stopping;
    },
  };
}
