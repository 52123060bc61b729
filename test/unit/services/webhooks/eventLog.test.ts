import * as assert from 'node:assert/strict';
import { EventLog } from '../../../../src/services/webhooks/eventLog';

describe('webhook event log (bounded)', () => {
  it('keeps the newest, newest first, and counts what it dropped', () => {
    const log = new EventLog<number>(500);
    let changes = 0;
    log.onDidChange(() => changes++);
    for (let i = 1; i <= 1000; i++) {
      log.add(i);
    }
    assert.equal(log.size, 500);
    assert.equal(log.dropped, 500);
    const items = log.newestFirst();
    assert.equal(items[0], 1000);
    assert.equal(items[499], 501);
    assert.equal(changes, 1000);
    log.clear();
    assert.equal(log.size, 0);
    assert.equal(log.dropped, 0);
  });

  it('refuses a capacity below one', () => {
    assert.throws(() => new EventLog<number>(0), /at least 1/);
    const one = new EventLog<string>(1);
    one.add('a');
    one.add('b');
    assert.deepEqual(one.newestFirst(), ['b']);
    assert.equal(one.dropped, 1);
  });
});
