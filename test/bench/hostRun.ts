/**
 * One cold run of a module inside the real VS Code extension host, built from the test host's pieces
 * (test/host): a local Webex with the given scenario, a fresh code-server (fresh user-data dir, fresh
 * extension host process) and a fresh Chromium profile (so SecretStorage starts empty), the workbench
 * opened with the module as `extensionTestsPath`. The module reports through console lines
 * (records.ts); everything is stopped afterwards, also on Ctrl+C.
 */
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../host/codeServer';
import { ensureCodeServer } from '../host/install';
import { onInterrupt } from '../host/interrupt';
import { repoRoot } from '../host/paths';
import { requireChromium } from '../host/prerequisites';
import { sandboxWiring, startLocalWebex } from '../host/sandbox';
import { developmentPath, launchChromium, runExtensionTests } from '../host/workbench';
import type { Scenario } from '../sandbox/scenario';
import type { LocalWebex } from '../sandbox/server';
import { Records, parseRecord } from './records';

export interface HostRunContext {
  server: CodeServer;
  context: BrowserContext;
  sandbox: LocalWebex;
}

export interface HostRunOptions {
  scenario: Scenario;
  /** Compiled module under out/ without `.js`, exporting `run(): Promise<void>`. */
  testsPath: string;
  /** Environment of the extension host (WEBEX_TEST=1 and the sandbox origin are always set). */
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  timeoutMs?: number;
  /** Print every extension host line as it comes (default: only errors and failures). */
  verbose?: boolean;
  /** Every other line the extension host prints (e.g. a mocha reporter's progress). */
  onLog?: (text: string, type: string) => void;
  /** Called after the module finished and before anything is stopped (scan files, the page). */
  afterRun?: (ctx: HostRunContext) => Promise<void>;
}

export interface HostRunResult {
  exitCode: number;
  records: Records;
  /** Every line the extension host and the workbench logged (`type: text`). */
  logs: string[];
}

/** Lines of the workbench itself that say nothing about the extension (code-server's harmless noise offline). */
const NOISE = [
  /ENOTFOUND open-vsx\.org/,
  /connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^Long running operations/,
  // The built-in GitHub extension asks for its auth provider, which code-server does not have.
  /authentication provider 'github'/,
];

export function outModule(...parts: string[]): string {
  return path.join(repoRoot(), 'out', 'test', ...parts);
}

export async function runInExtensionHost(options: HostRunOptions): Promise<HostRunResult> {
  const layout = await ensureCodeServer();
  requireChromium();
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async (): Promise<void> => {
    for (const step of cleanups.splice(0).reverse()) {
      await step().catch((e: unknown) => console.error(`[bench] cleanup: ${String(e)}`));
    }
  };
  const unregister = onInterrupt(cleanup);
  const records = new Records();
  const logs: string[] = [];
  try {
    const sandbox = await startLocalWebex(options.scenario);
    cleanups.push(() => sandbox.stop());
    const wiring = sandboxWiring(sandbox);
    const server = await startCodeServer({
      layout,
      settings: { ...wiring.settings, ...options.settings },
      env: { ...wiring.env, ...options.env },
    });
    cleanups.push(() => server.stop());
    const context = await launchChromium(server);
    cleanups.push(() => context.close());
    const ctx: HostRunContext = { server, context, sandbox };
    const exitCode = await runExtensionTests({
      server,
      context,
      extensionDevelopmentPath: developmentPath(server, false),
      extensionTestsPath: options.testsPath,
      timeoutMs: options.timeoutMs ?? 10 * 60_000,
      onLog: (type, text) => {
        logs.push(`${type}: ${text}`);
        const record = parseRecord(text);
        if (record !== undefined) {
          records.add(record);
          return;
        }
        options.onLog?.(text, type);
        if (options.verbose === true || (type === 'error' && !NOISE.some((re) => re.test(text)))) {
          // Stack frames inside the workbench bundle say nothing about the extension.
          const shown = text
            .split('\n')
            .filter((line) => !/^\s+at .*\/static\/out\/vs\//.test(line))
            .join('\n');
          console.error(`  [extension host] ${shown.replace(/\s+$/, '')}`);
        }
      },
    });
    await options.afterRun?.(ctx);
    return { exitCode, records, logs };
  } finally {
    await cleanup();
    unregister();
  }
}
