/**
 * `npm test`: every test stage in order, built once, with one table and one closing line.
 *
 *   node out/test/runner/runAll.js [stage …]      stages: unit, integration, ui, vsix, soak
 *
 * Each stage is a child process with its own output passed through; its counts are read from that
 * output (mocha's "N passing / N failing / N pending", or our runners' "N passed, N failed"). Every
 * stage runs even when an earlier one failed, so one run shows everything that is broken. The last
 * line is `N passed, N failed` over all stages (what CI reads); the exit code is non-zero when any
 * stage failed, counted no test, or exited non-zero. The npm scripts build first (tsc to out/ and
 * esbuild to dist/), so the stages here run what was built.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './paths';
import { summaryLine } from './summary';

interface Stage {
  name: string;
  what: string;
  /** Node arguments, run with this very Node binary from the repository root. */
  commands: string[][];
}

const mocha = path.join('node_modules', 'mocha', 'bin', 'mocha.js');

const STAGES: Stage[] = [
  { name: 'unit', what: 'plain Node against the local Webex', commands: [[mocha, '--config', 'test/.mocharc.json']] },
  { name: 'integration', what: 'inside a real VS Code (code-server)', commands: [['out/test/runner/runIntegration.js']] },
  {
    name: 'ui',
    what: 'Playwright in Chromium driving the workbench',
    commands: [['out/test/runner/install.js'], [mocha, '--config', 'test/ui/.mocharc.json']],
  },
  { name: 'vsix', what: 'the integration suite against the installed VSIX', commands: [['out/test/runner/runVsix.js']] },
  { name: 'soak', what: 'fault soak, short form (fixed seed)', commands: [['out/test/soak/main.js', '--short']] },
];

interface Counts {
  passed: number;
  failed: number;
  pending: number;
}

interface Outcome extends Counts {
  stage: Stage;
  exitCode: number;
  seconds: number;
}

/** Counts from a stage's output; the last report in the output wins (a runner may print several). */
export function readCounts(output: string): Counts | undefined {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\u001b\[[0-9;]*m/g, '');
  let counts: Counts | undefined;
  for (const line of text.split('\n')) {
    const ours = /^\s*(?:\w+:\s*)?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/.exec(line);
    if (ours) {
      counts = { passed: Number(ours[1]), failed: Number(ours[2]), pending: Number(ours[3] ?? 0) };
      continue;
    }
    const passing = /^\s*(\d+) passing\b/.exec(line);
    if (passing) {
      counts = { passed: Number(passing[1]), failed: 0, pending: 0 };
      continue;
    }
    const failing = /^\s*(\d+) failing\b/.exec(line);
    if (failing && counts) {
      counts.failed = Number(failing[1]);
      continue;
    }
    const pending = /^\s*(\d+) pending\b/.exec(line);
    if (pending && counts) {
      counts.pending = Number(pending[1]);
    }
  }
  return counts;
}

function runCommand(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    const keep = (chunk: Buffer, to: NodeJS.WriteStream): void => {
      const text = chunk.toString('utf8');
      output += text;
      to.write(text);
    };
    child.stdout.on('data', (chunk: Buffer) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => keep(chunk, process.stderr));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function runStage(stage: Stage): Promise<Outcome> {
  const started = Date.now();
  console.log(`\n==> ${stage.name}: ${stage.what}`);
  let exitCode = 0;
  let counts: Counts | undefined;
  for (const command of stage.commands) {
    const { code, output } = await runCommand(command);
    counts = readCounts(output) ?? counts;
    if (code !== 0) {
      exitCode = code;
      break;
    }
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  return { stage, exitCode, seconds, ...(counts ?? { passed: 0, failed: 0, pending: 0 }) };
}

function failedStage(outcome: Outcome): boolean {
  return outcome.exitCode !== 0 || outcome.failed > 0 || outcome.pending > 0 || outcome.passed === 0;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !STAGES.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`unknown stage(s): ${unknown.join(', ')}; stages are ${STAGES.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  const stages = wanted.length > 0 ? STAGES.filter((s) => wanted.includes(s.name)) : STAGES;
  const outcomes: Outcome[] = [];
  for (const stage of stages) {
    outcomes.push(await runStage(stage));
  }

  console.log('\n| stage | passed | failed | pending | exit | seconds |');
  console.log('|---|---|---|---|---|---|');
  for (const o of outcomes) {
    const mark = failedStage(o) ? ' ✘' : '';
    console.log(`| ${o.stage.name}${mark} | ${o.passed} | ${o.failed} | ${o.pending} | ${o.exitCode} | ${o.seconds} |`);
  }
  const passed = outcomes.reduce((n, o) => n + o.passed, 0);
  // A stage that crashed or counted nothing counts as one failure, so the total cannot look green.
  const failed = outcomes.reduce((n, o) => n + o.failed + (failedStage(o) && o.failed === 0 ? 1 : 0), 0);
  console.log(summaryLine({ passed, failed }));
  process.exit(outcomes.some(failedStage) ? 1 : 0);
}

if (require.main === module) {
  void main();
}
