/**
 * `npm run bench`: measures what users feel against their budgets (bundle sizes, activation, the
 * sidebar, the conversation, idle requests), on the local Webex, and prints a table; writes
 * bench/results.json (git-ignored). Medians of repeated runs; the naive way is measured in the same
 * run where there is one. No figure is ever asserted: machines are noisy.
 *
 *   node out/test/bench/main.js [--runs N] [--only bundle,activation,sidebar,conversation,idle] [--quick] [--verbose]
 *
 * The npm script compiles the tests first; the bundle stage builds the production bundles itself, and
 * every later stage runs on them.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../host/paths';
import { bundleFigures } from './bundle';
import { conversationFigures } from './conversation';
import { markdownTable, notes, table, verdict, type Figure } from './figures';
import { activationFigures, idleFigures, sidebarFigures, type StageOptions } from './hostStages';

const STAGES = ['bundle', 'activation', 'sidebar', 'conversation', 'idle'] as const;
type Stage = (typeof STAGES)[number];

interface Args extends StageOptions {
  only: Stage[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 5, verbose: false, idleWindowMs: 61_000, only: [...STAGES] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${arg} needs a value`);
      }
      return v;
    };
    if (arg === '--runs') {
      args.runs = Math.max(1, Number(value()));
    } else if (arg === '--only') {
      const wanted = value().split(',');
      const unknown = wanted.filter((s) => !(STAGES as readonly string[]).includes(s));
      if (unknown.length > 0) {
        throw new Error(`Unknown stage ${unknown.join(', ')}; stages: ${STAGES.join(', ')}`);
      }
      args.only = wanted as Stage[];
    } else if (arg === '--quick') {
      args.runs = 3;
      args.idleWindowMs = 31_000;
    } else if (arg === '--verbose') {
      args.verbose = true;
    } else {
      throw new Error(`Unknown argument ${arg}. Usage: bench [--runs N] [--only ${STAGES.join(',')}] [--quick] [--verbose]`);
    }
  }
  return args;
}

function git(root: string, ...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  const started = Date.now();
  const figures: Figure[] = [];
  const failures: string[] = [];
  const stages: Record<Stage, () => Promise<Figure[]> | Figure[]> = {
    bundle: () => bundleFigures(root),
    activation: () => activationFigures(args),
    sidebar: () => sidebarFigures(args),
    conversation: () => conversationFigures(args),
    idle: () => idleFigures(args),
  };
  // The bundle stage builds dist/ for production; later stages measure that build.
  for (const name of STAGES.filter((s) => args.only.includes(s))) {
    console.log(`[bench] ${name}…`);
    const t0 = Date.now();
    try {
      figures.push(...(await stages[name]()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      console.error(`[bench] ${name} failed: ${message}`);
    }
    console.log(`[bench] ${name} took ${Math.round((Date.now() - t0) / 1000)} s`);
  }
  const results = {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    date: new Date().toISOString(),
    commit: git(root, 'rev-parse', '--short', 'HEAD'),
    dirty: git(root, 'status', '--porcelain', '--untracked-files=no', '--', 'src') !== '',
    machine: { loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))), cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    runs: args.runs,
    figures,
    failures,
  };
  const file = path.join(root, 'bench', 'results.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  // The same figures as Markdown, for quoting (README): table, how each was measured, where.
  const machine = `${results.machine.cpus} × ${results.machine.cpu ?? 'CPU'}, ${results.machine.memoryGB} GB, ${results.machine.platform}, load average ${results.machine.loadAverage.join(' ')}`;
  fs.writeFileSync(
    path.join(root, 'bench', 'results.md'),
    `Measured with \`${results.command}\` on ${results.date.slice(0, 10)} (commit ${results.commit}${results.dirty ? ', with uncommitted changes' : ''}; ${machine}).\n\n${markdownTable(figures)}\n\n${notes(figures)}\n`,
  );

  console.log('');
  console.log(table(figures));
  console.log('');
  console.log(notes(figures));
  const over = figures.filter((f) => verdict(f) === 'OVER');
  console.log('');
  console.log(`[bench] ${figures.length} figures, ${over.length} over budget${over.length > 0 ? `: ${over.map((f) => f.name.trim()).join('; ')}` : ''}`);
  for (const failure of failures) {
    console.log(`[bench] not measured: ${failure}`);
  }
  console.log(`[bench] wrote ${path.relative(root, file)} and bench/results.md in ${Math.round((Date.now() - started) / 1000)} s`);
  // Over budget is a finding, not a failure; a stage that could not run is.
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
