import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { smallScenario } from '../scenario';

/** Lines the cli printed, up to and including the last token line of the small scenario. */
function banner(child: ChildProcessByStdio<null, Readable, null>): Promise<string[]> {
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line.startsWith('TOKEN katherine@partner.example ')) {
        resolve(lines);
      }
    });
    child.on('exit', () => reject(new Error(`cli exited early after: ${lines.length} lines`)));
  });
}

/** Runs the cli with `args`, checks Ada's token against /people/me, and stops it with SIGTERM. */
async function serveAndStop(args: string[]): Promise<void> {
  const cli = join(__dirname, '..', 'cli.js');
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const lines = await banner(child);
    const url = /^LOCAL_WEBEX_URL=(http:\/\/127\.0\.0\.1:\d+\/v1)$/.exec(lines[0])?.[1];
    assert.ok(url, 'the first line is LOCAL_WEBEX_URL=…');
    const token = lines.find((l) => l.startsWith('TOKEN ada@example.com '))?.split(' ')[2] ?? '';
    const me = await fetch(`${url}/people/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { displayName: string }).displayName, 'Ada Lovelace');
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
}

describe('sandbox: cli.js', () => {
  it('prints LOCAL_WEBEX_URL and the tokens, serves, and exits cleanly on SIGTERM', async () => {
    await serveAndStop(['--scenario', 'small']);
  });

  it('serves a scenario from a .json file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'webex-cli-'));
    try {
      const file = join(dir, 'scenario.json');
      writeFileSync(file, JSON.stringify(smallScenario()));
      await serveAndStop(['--scenario', file]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
