// Installs Node 24 and code-server into a cache folder outside the project's node_modules, once
// (code-server 4.139.x needs npm itself to run under Node 24, and node-gyp must use
// the shipped headers via npm_config_nodedir rather than download them).
// Run alone with `node out/test/runner/install.js` to install ahead of time.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_SERVER_VERSION, InstallLayout, NODE_PACKAGE, cacheDir, installLayout } from './paths';
import { requireBuildPackages } from './prerequisites';

export interface InstallOptions {
  /** Install cache folder; default {@link cacheDir}. */
  dir?: string;
  /** Progress lines; default console.log with an `[install]` prefix. */
  log?: (line: string) => void;
}

interface Marker {
  codeServer: string;
  node: string;
  seconds: number;
  installedAt: string;
}

/** Finds the machine's npm CLI script so that it can be run under Node 24. */
function npmCliPath(): string {
  const candidates = [
    process.env.npm_execpath,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ];
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim() !== '') {
    const real = fs.realpathSync(which.stdout.trim());
    candidates.push(real, path.join(path.dirname(real), 'npm-cli.js'));
  }
  for (const c of candidates) {
    if (c !== undefined && c.endsWith('npm-cli.js') && fs.existsSync(c)) {
      return c;
    }
  }
  throw new Error('Cannot find npm-cli.js of the machine\'s npm (needed to run npm under Node 24).');
}

/**
 * The environment for the inner npm: the outer `npm run` leaves npm_* variables (prefix, user agent,
 * node_gyp, NODE) that would point the install at the project or at Node 20. Registry, cache and
 * proxy settings are kept.
 */
function innerNpmEnv(nodeDir: string | undefined): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|no_proxy|strict_ssl|cafile|ca)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if ((/^npm_/i.test(key) && !keep.test(key)) || key === 'NODE' || key === 'INIT_CWD') {
      continue;
    }
    env[key] = value;
  }
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  if (nodeDir !== undefined) {
    env.npm_config_nodedir = nodeDir;
    env.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${env.PATH ?? ''}`;
  }
  return env;
}

/** Runs npm install in `cwd`, its output appended to `logFile`, with a heartbeat on progress. */
async function npmInstall(
  node: string,
  spec: string,
  cwd: string,
  nodeDir: string | undefined,
  logFile: string,
  log: (line: string) => void,
): Promise<void> {
  fs.mkdirSync(cwd, { recursive: true });
  // Our own package.json keeps npm from looking for a project further up (the repository).
  fs.writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ name: 'webex-vscode-test-host', private: true }));
  const out = fs.openSync(logFile, 'a');
  const started = Date.now();
  try {
    const child = spawn(node, [npmCliPath(), 'install', '--no-save', '--no-package-lock', spec], {
      cwd,
      env: innerNpmEnv(nodeDir),
      stdio: ['ignore', out, out],
    });
    const heartbeat = setInterval(() => {
      log(`  … still installing ${spec} (${Math.round((Date.now() - started) / 1000)} s; log: ${logFile})`);
    }, 15_000);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (c, signal) => resolve(signal !== null ? null : c));
    }).finally(() => clearInterval(heartbeat));
    if (code !== 0) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(`npm install ${spec} failed (exit ${String(code)}). Last lines of ${logFile}:\n${tail}`);
    }
  } finally {
    fs.closeSync(out);
  }
}

function readMarker(layout: InstallLayout): Marker | undefined {
  try {
    const marker = JSON.parse(fs.readFileSync(layout.marker, 'utf8')) as Marker;
    if (marker.codeServer === CODE_SERVER_VERSION && fs.existsSync(layout.entry) && fs.existsSync(layout.nodeBinary)) {
      return marker;
    }
  } catch {
    // No marker or a broken one: install (again).
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A lock so that two runners started together don't install into the same folder at once. */
async function withLock<T>(dir: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let announced = false; ; ) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = Number(fs.readFileSync(lock, 'utf8'));
      if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (!announced) {
        log(`Waiting for another install (pid ${holder}) to finish…`);
        announced = true;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/**
 * Returns the installed layout, installing first when the marker is missing. Idempotent: the
 * marker is written only after a successful install; a half-finished folder is removed and redone.
 */
export async function ensureCodeServer(options: InstallOptions = {}): Promise<InstallLayout> {
  const layout = installLayout(options.dir ?? cacheDir());
  const log = options.log ?? ((line: string) => console.log(`[install] ${line}`));
  if (readMarker(layout) !== undefined) {
    return layout;
  }
  return withLock(layout.dir, log, async () => {
    if (readMarker(layout) !== undefined) {
      return layout; // Another runner finished it while we waited.
    }
    requireBuildPackages();
    const started = Date.now();
    log(`Installing code-server ${CODE_SERVER_VERSION} (VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')}) into ${layout.dir}`);
    log('This happens once; it builds native modules and takes a couple of minutes on 2 cores.');
    // Retries: a killed install's npm children may still be writing for a moment.
    fs.rmSync(layout.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    fs.mkdirSync(layout.dir, { recursive: true });
    const logFile = path.join(layout.dir, 'install.log');

    log(`1/3 ${NODE_PACKAGE} (a Node 24 binary from the npm registry)`);
    await npmInstall(process.execPath, NODE_PACKAGE, path.join(layout.dir, 'node'), undefined, logFile, log);
    const nodeVersion = spawnSync(layout.nodeBinary, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (!nodeVersion.startsWith('v24.')) {
      throw new Error(`Expected Node 24 at ${layout.nodeBinary}, got "${nodeVersion}". See ${logFile}.`);
    }
    log(`    Node ${nodeVersion} ready (${Math.round((Date.now() - started) / 1000)} s)`);

    log(`2/3 code-server@${CODE_SERVER_VERSION} under Node ${nodeVersion} (npm_config_nodedir=${layout.nodeDir})`);
    await npmInstall(layout.nodeBinary, `code-server@${CODE_SERVER_VERSION}`, path.join(layout.dir, 'code-server'), layout.nodeDir, logFile, log);

    log('3/3 checking that it starts');
    // Even --version writes a default config file under XDG_CONFIG_HOME: keep it inside the cache.
    const env = { ...innerNpmEnv(layout.nodeDir), XDG_CONFIG_HOME: path.join(layout.dir, 'xdg-config') };
    const version = spawnSync(layout.nodeBinary, [layout.entry, '--version'], { encoding: 'utf8', env });
    if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
      throw new Error(`code-server --version printed "${version.stdout.trim()}" ${version.stderr.trim()} (exit ${String(version.status)}).`);
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    const marker: Marker = { codeServer: CODE_SERVER_VERSION, node: nodeVersion, seconds, installedAt: new Date().toISOString() };
    fs.writeFileSync(layout.marker, JSON.stringify(marker, null, 2) + '\n');
    log(`Installed in ${seconds} s: code-server ${version.stdout.split('\n').find((l) => l.startsWith(`${CODE_SERVER_VERSION} `))?.trim() ?? ''}`);
    return layout;
  });
}

if (require.main === module) {
  ensureCodeServer().then(
    (layout) => console.log(`[install] code-server ${CODE_SERVER_VERSION} is ready in ${layout.dir}`),
    (error: unknown) => {
      console.error(`[install] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
