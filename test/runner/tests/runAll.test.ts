import * as assert from 'node:assert/strict';
import { readCounts } from '../runAll';

describe('npm test: reading each stage’s counts', () => {
  it('reads mocha’s passing, failing and pending lines, colours and all', () => {
    const output = '  \u001b[32m 12 passing\u001b[0m (3s)\n  \u001b[31m 2 failing\u001b[0m\n  1 pending\n';
    assert.deepEqual(readCounts(output), { passed: 12, failed: 2, pending: 1 });
  });

  it('reads our runners’ closing line, with a log prefix and a skipped count', () => {
    assert.deepEqual(readCounts('[runner] done\nsoak: 7 passed, 1 failed, 2 skipped\n'), { passed: 7, failed: 1, pending: 2 });
  });

  it('keeps the last report when a stage prints several', () => {
    assert.deepEqual(readCounts('3 passing\n65 passed, 0 failed\n'), { passed: 65, failed: 0, pending: 0 });
  });

  it('finds nothing in output without a report, so the stage counts as failed', () => {
    assert.equal(readCounts('Error: cannot find module\n'), undefined);
  });
});
