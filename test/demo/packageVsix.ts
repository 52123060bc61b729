/**
 * Packages the extension the way `npm run package` does (esbuild --production, then
 * `vsce package --no-dependencies`), into a file of the caller's choosing. Used by `npm start --vsix`
 * and by test/host/runVsix.ts, so both install exactly what a user would.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The VSIX's budget: under 1 MB. */
export const VSIX_BUDGET_BYTES = 1024 * 1024;

export interface PackagedVsix {
  file: string;
  bytes: number;
}

/** Runs `node <args>` in `cwd`; its output goes to `onOutput` line by line (or is inherited). */
function runNode(args: string[], cwd: string, onOutput?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: onOutput ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const tail: string[] = [];
    const collect = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') {
          onOutput?.(line);
          tail.push(line);
          tail.splice(0, Math.max(0, tail.length - 20));
        }
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) {
        resolve();
      } else {
        const shown = args.map((a) => path.basename(a)).join(' ');
        reject(new Error(`node ${shown} failed (${signal ?? `exit ${String(code)}`})${tail.length > 0 ? `:\n${tail.join('\n')}` : ''}`));
      }
    });
  });
}

/** The vsce CLI script of the project's devDependency. */
export function vsceScript(root: string): string {
  const script = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!fs.existsSync(script)) {
    throw new Error(`${script} is missing: run npm install first.`);
  }
  return script;
}

/**
 * Builds the production bundles and packages `root` into `outFile`. Throws when either step fails.
 * `onOutput` receives the tools' output; without it the output is inherited.
 */
export async function packageVsix(root: string, outFile: string, onOutput?: (line: string) => void): Promise<PackagedVsix> {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  await runNode([path.join(root, 'esbuild.js'), '--production'], root, onOutput);
  await runNode([vsceScript(root), 'package', '--no-dependencies', '--out', outFile], root, onOutput);
  return { file: outFile, bytes: fs.statSync(outFile).size };
}

/** "482.4 KB" */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}
