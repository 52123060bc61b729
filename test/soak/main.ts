/**
 * `npm run soak`: the fault soak, the bad-input corpus and token hygiene in the real VS Code
 * (code-server 1.139 in Chromium) against the local Webex, bounded in time and requests
 * (soakPlan.ts). Prints what happened as a table; exits non-zero when a check failed.
 *
 *   node out/test/soak/main.js [--short] [--seed N] [--grep <pattern>] [--verbose]
 *
 * `--short` (CI): a fixed small seed, under a minute of faults. The npm script compiles and bundles first.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../runner/paths';
import { parseSummary, summaryLine } from '../runner/summary';
import { outModule, runInExtensionHost } from '../bench/hostRun';
import type { Records } from '../bench/records';
import { soakPlan, soakScenario } from './soakPlan';
import type { AfterRecord, CorpusRecord, FaultPhaseRecord, SeriesRecord } from './soakRecords';
import { scanForToken, unhandledInHostLogs, type ScanResult } from './tokenScan';
import { eachArgument, runMain } from '../runner/cliMain';

interface Args {
  short: boolean;
  seed?: number;
  grep?: string;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { short: false, verbose: false };
  eachArgument(argv, (arg, value) => {
    if (arg === '--short') {
      args.short = true;
    } else if (arg === '--seed') {
      args.seed = Number(value());
    } else if (arg === '--grep') {
      args.grep = value();
    } else if (arg === '--verbose') {
      args.verbose = true;
    } else {
      throw new Error(`Unknown argument ${arg}. Usage: soak [--short] [--seed N] [--grep <pattern>] [--verbose]`);
    }
  });
  return args;
}

function row(label: string, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `  ${label.padEnd(50)} ${text}`;
}

function report(records: Records, scan: ScanResult | undefined): string[] {
  const lines: string[] = [];
  const phase = records.get<FaultPhaseRecord>('soak.faultPhase');
  if (phase) {
    lines.push('— Fault soak —');
    lines.push(row('scripted user', `${phase.actions} actions in ${phase.seconds.toFixed(0)} s: browse ${phase.browse}, open ${phase.open} (older pages ${phase.older}), refresh ${phase.refresh}, tab ${phase.tabPosts} / command ${phase.commandPosts} posts, tab reopened ${phase.reopened}`));
    lines.push(row('requests / faults injected', `${phase.requests} requests; ${JSON.stringify(phase.faults)}`));
    lines.push(row('retries by the user', `Retry in the tab ${phase.tabRetries}, Post Message again ${phase.commandRetries}; gave up on ${JSON.stringify(phase.gaveUp)}`));
    lines.push(row('"look in the space" (Post Message)', `looked ${phase.looked} times, found the message already there ${phase.foundByLooking} times (a blind resend would have duplicated it)`));
  }
  const series = records.get<SeriesRecord>('soak.series');
  if (series) {
    lines.push(row('numbered series', `${series.posted} posted, ${series.inSpace} in the space, ${series.duplicates} duplicates`));
  }
  const after = records.get<AfterRecord>('soak.after');
  if (after) {
    lines.push(row('error notifications', `${after.errorNotifications} (${after.distinctErrors.length} distinct): ${JSON.stringify(after.distinctErrors)}`));
    lines.push(row('nothing typed lost', JSON.stringify(after.lost) === '[]' ? 'yes' : JSON.stringify(after.lost)));
    lines.push(row('views right after one refresh', `spaces ${after.spacesRight ? 'yes' : 'NO'}, teams ${after.teamsRight ? 'yes' : 'NO'}, tabs ${JSON.stringify(after.tabs)}`));
    lines.push(row('unexpected prompts', JSON.stringify(after.surprises)));
  }
  const before = records.get<{ errorNodes: number }>('soak.viewsBeforeRefresh');
  if (before) {
    lines.push(row('error nodes before the refresh', before.errorNodes));
  }
  const unhandled = records.get<string[]>('soak.unhandledRejections');
  if (unhandled) {
    lines.push(row('unhandled rejections', unhandled.length === 0 ? 'none' : unhandled.map((u) => u.split('\n')[0]).join(' | ')));
  }
  const corpus = records.all('soak.corpus') as CorpusRecord[];
  if (corpus.length > 0) {
    lines.push('— Bad-input corpus —');
    for (const c of corpus) {
      const result = JSON.stringify(c.result).slice(1, -1);
      lines.push(row(`${c.input} (${c.via})`, `${result.length > 160 ? `${result.slice(0, 160)}…` : result}${c.requests !== undefined ? ` [${c.requests} POST /messages]` : ''}`));
    }
  }
  const host = records.get<{ checked: string[]; leaks: string[] }>('soak.hygieneHost');
  if (host || scan) {
    lines.push('— Token hygiene —');
  }
  if (host) {
    lines.push(row('in the extension host', `${host.checked.length} places checked; leaks: ${host.leaks.length === 0 ? 'none' : host.leaks.join(', ')}`));
  }
  if (scan) {
    const missing = Object.entries(scan.expected).filter(([, found]) => !found).map(([what]) => what);
    lines.push(row('every file of the VS Code profile', `${scan.files} files (${(scan.bytes / 1048576).toFixed(1)} MB), ${scan.frames} page frames; leaks: ${scan.leaks.length === 0 ? 'none' : scan.leaks.join(', ')}${missing.length > 0 ? `; NOT FOUND: ${missing.join(', ')}` : ''}`));
  }
  return lines;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const plan = soakPlan(args.short, args.seed);
  const started = Date.now();
  // A fresh, distinctive token each run: any appearance of it anywhere is a leak.
  const token = `soak-${randomBytes(24).toString('hex')}`;
  console.log(`[soak] ${args.short ? 'short' : 'full'} soak, seed ${plan.seed}: ${plan.rate * 100}% of requests faulted, up to ${plan.durationMs / 1000} s / ${plan.messages} messages / ${plan.maxRequests} requests`);
  let scan: ScanResult | undefined;
  let hostLog: { all: number; ours: string[] } | undefined;
  let summaryText = '';
  const result = await runInExtensionHost({
    scenario: soakScenario(token),
    testsPath: outModule('soak', 'host', 'index'),
    env: { WEBEX_SOAK_SHORT: args.short ? '1' : '0', WEBEX_SOAK_SEED: String(plan.seed), ...(args.grep ? { WEBEX_TEST_GREP: args.grep } : {}) },
    timeoutMs: plan.durationMs + 10 * 60_000,
    verbose: args.verbose,
    onLog: (text) => {
      // The spec reporter's lines: progress while it runs.
      if (/^\s+(✔|✓|\d+\))|^\s{2,}\S/.test(text) && !text.includes('WEBEX_')) {
        console.log(text.replace(/\s+$/, ''));
      }
      summaryText = parseSummary(text) ? text : summaryText;
    },
    afterRun: async ({ server, context }) => {
      scan = await scanForToken(server.tempDir, context.pages()[0], token);
      hostLog = unhandledInHostLogs(server.tempDir);
      const kept = path.join(repoRoot(), 'test-results', 'soak-code-server.log');
      fs.mkdirSync(path.dirname(kept), { recursive: true });
      fs.copyFileSync(server.logFile, kept);
    },
  });
  const lines = report(result.records, scan);
  if (hostLog) {
    lines.push(row('VS Code’s own unhandled-rejection log', `${hostLog.all} "rejected promise not handled" in the extension host logs, ${hostLog.ours.length} from the extension${hostLog.ours.length > 0 ? `:\n${hostLog.ours.join('\n')}` : ''}`));
  }
  console.log('');
  console.log(lines.join('\n'));
  const leaks = scan?.leaks.length ?? 1;
  const missing = scan ? Object.values(scan.expected).filter((found) => !found).length : 1;
  const summary = parseSummary(summaryText) ?? { passed: 0, failed: 1, pending: 0 };
  const ownRejections = hostLog?.ours.length ?? 0;
  const failed =
    summary.failed + (leaks > 0 ? 1 : 0) + (missing > 0 ? 1 : 0) + (ownRejections > 0 ? 1 : 0) + (result.exitCode !== 0 && summary.failed === 0 ? 1 : 0);
  console.log(`[soak] finished in ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(summaryLine({ passed: summary.passed + (leaks === 0 && missing === 0 ? 1 : 0) + (ownRejections === 0 ? 1 : 0), failed }));
  return failed === 0 ? 0 : 1;
}

runMain('soak', main, { summary: true, stack: true });
