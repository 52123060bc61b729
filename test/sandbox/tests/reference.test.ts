// The schema suite reads the Webex reference folder beside the repository. Run on its own with that
// folder missing, it must fail in CI with a message naming the folder, and elsewhere say plainly
// that it did not run, without taking any other suite down.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

interface Run {
  code: number | null;
  output: string;
}

function runSchemaSuite(env: NodeJS.ProcessEnv): Promise<Run> {
  const mocha = require.resolve('mocha/bin/mocha.js');
  const child = spawn(process.execPath, [mocha, '--reporter', 'dot', join(__dirname, 'schema.test.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('sandbox: the schema suite without the Webex reference folder', () => {
  const missing = join(__dirname, 'no-such-reference');

  it('fails in CI, naming the missing folder', async () => {
    const run = await runSchemaSuite({ ...process.env, CI: 'true', WEBEX_REFERENCE_DIR: missing });
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /1 failing/);
    assert.ok(run.output.includes(`CI needs the Webex reference folder ${missing}`), run.output);
  });

  it('outside CI registers nothing and says it did not run', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, WEBEX_REFERENCE_DIR: missing };
    delete env.CI;
    const run = await runSchemaSuite(env);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /sandbox schema test NOT RUN: .*no-such-reference.* is missing/);
    assert.match(run.output, /0 passing/);
  });
});
