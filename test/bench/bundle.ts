/**
 * Bundle sizes against their budgets (dist/extension.js under 250 KB minified, the webview bundle
 * under 200 KB, the VSIX under 1 MB): the production bundles from `node esbuild.js --production` and
 * the VSIX from the project's own `npm run package` (esbuild --production, then `vsce package
 * --no-dependencies`), written into a temporary folder instead of the repository. 1 KB = 1000 bytes,
 * 1 MB = 1,000,000 bytes (the stricter reading of the budgets).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Figure } from './figures';

const KB = 1000;
const MB = 1000 * 1000;

/**
 * What dist/extension.js is made of, by npm package: the same entry and options as esbuild.js's
 * production build, bundled again into a temporary file with a metafile (esbuild.js writes none).
 */
async function extensionBreakdown(root: string): Promise<string> {
  const esbuild = (await import('esbuild')) as typeof import('esbuild');
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-bench-meta-'));
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ['src/extension.ts'],
      outfile: path.join(temp, 'extension.js'),
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      metafile: true,
      logLevel: 'silent',
    });
    const sizes = new Map<string, number>();
    for (const output of Object.values(result.metafile.outputs)) {
      for (const [file, input] of Object.entries(output.inputs)) {
        const inModules = file.split('node_modules/')[1];
        const name = inModules === undefined ? 'src/' : inModules.split('/').slice(0, inModules.startsWith('@') ? 2 : 1).join('/');
        sizes.set(name, (sizes.get(name) ?? 0) + input.bytesInOutput);
      }
    }
    return [...sizes.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, bytes]) => `${name} ${(bytes / KB).toFixed(1)} KB`)
      .join(', ');
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 300_000 });
}


/**
 * The highlighter's chunks (esbuild.js), loaded only when a code block needs them: the core plus
 * TypeScript's grammar is what a typical snippet costs, all of them what the VSIX carries. The
 * budget is ours (not a published one): the chunks together stay under the page bundle's own budget.
 */
function highlighterFigures(root: string): Figure[] {
  const folder = path.join(root, 'dist', 'webview');
  const size = (name: string): number => fs.statSync(path.join(folder, name)).size;
  const chunks = fs.readdirSync(folder).filter((f) => /^highlight-[a-z]+\.js$/.test(f));
  const grammars = chunks.filter((f) => f !== 'highlight-core.js');
  const largest = grammars.reduce((a, b) => (size(a) >= size(b) ? a : b), grammars[0] ?? '');
  return [
    {
      group: 'Bundle',
      name: 'highlighter: core + TypeScript chunks (minified)',
      unit: 'KB',
      value: (size('highlight-core.js') + size('highlight-typescript.js')) / KB,
      budget: { max: 50, text: '< 50 KB' },
      note: `loaded when the first TypeScript block comes into view; core ${(size('highlight-core.js') / KB).toFixed(1)} KB`,
    },
    {
      group: 'Bundle',
      name: `highlighter: all ${chunks.length} chunks (minified)`,
      unit: 'KB',
      value: chunks.reduce((sum, f) => sum + size(f), 0) / KB,
      budget: { max: 200, text: '< 200 KB' },
      note: `${grammars.length} grammars, the largest ${largest} ${(size(largest) / KB).toFixed(1)} KB`,
    },
    {
      // The card renderer (adaptivecards at 1.3, page/cards/), loaded when the first card is on
      // screen; the budget is ours, the page bundle's own.
      group: 'Bundle',
      name: 'card renderer chunk cards.js (minified)',
      unit: 'KB',
      value: size('cards.js') / KB,
      budget: { max: 200, text: '< 200 KB' },
      note: 'loaded when the first card comes into view',
    },
  ];
}

export async function bundleFigures(root: string): Promise<Figure[]> {
  run(process.execPath, ['esbuild.js', '--production'], root);
  const size = (file: string): number => fs.statSync(path.join(root, file)).size;
  const webviewFolder = fs
    .readdirSync(path.join(root, 'dist', 'webview'))
    .filter((f) => !f.endsWith('.map'))
    .reduce((sum, f) => sum + size(path.join('dist', 'webview', f)), 0);
  const figures: Figure[] = [
    {
      group: 'Bundle',
      name: 'dist/extension.js (minified)',
      unit: 'KB',
      value: size('dist/extension.js') / KB,
      budget: { max: 250, text: '< 250 KB' },
      note: `by package: ${await extensionBreakdown(root)}`,
    },
    {
      group: 'Bundle',
      name: 'dist/webview/conversation.js (minified)',
      unit: 'KB',
      value: size('dist/webview/conversation.js') / KB,
      budget: { max: 200, text: '< 200 KB' },
      note: `the page's whole folder (conversation.js, codicon.css, codicon.ttf and the highlighter's chunks) is ${(webviewFolder / KB).toFixed(1)} KB`,
    },
    ...highlighterFigures(root),
  ];
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-bench-vsix-'));
  try {
    const vsix = path.join(temp, 'webex-vscode.vsix');
    // `npm run package -- --out X` appends to the script's last command: `vsce package --no-dependencies --out X`.
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package', '--', '--out', vsix], root);
    const files = execFileSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim() !== '');
    figures.push({
      group: 'Bundle',
      name: 'VSIX (npm run package)',
      unit: 'KB',
      value: fs.statSync(vsix).size / KB,
      budget: { max: MB / KB, text: '< 1 MB' },
      note: `${files.length} files in the package (vsce ls --no-dependencies)`,
    });
  } catch (error) {
    figures.push({ group: 'Bundle', name: 'VSIX (npm run package)', unit: 'KB', value: undefined, budget: { max: 1000, text: '< 1 MB' }, note: `packaging failed: ${String(error).split('\n')[0]}` });
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return figures;
}
