import * as assert from 'node:assert/strict';
import { ConversationPoller } from '../../../../src/services/conversation/conversationPoller';

/** A poll that stays open until released, counting how often it started. */
function gatedPoll(): { poll: () => Promise<void>; started: () => number; release: () => void } {
  let count = 0;
  let open: Array<() => void> = [];
  return {
    poll: () => {
      count++;
      return new Promise<void>((resolve) => open.push(resolve));
    },
    started: () => count,
    release: () => {
      open.forEach((r) => r());
      open = [];
    },
  };
}

describe('conversation poller', () => {
  const slow = { focusedMs: 3_600_000, backgroundMs: 3_600_000 };

  it('waits while the tab is hidden, and picks the interval from the window focus', () => {
    const poller = new ConversationPoller(() => Promise.resolve(), { focusedMs: 10, backgroundMs: 60 });
    assert.equal(poller.intervalMs, undefined);
    poller.setVisible(true);
    assert.equal(poller.intervalMs, 10);
    poller.setFocused(false);
    assert.equal(poller.intervalMs, 60);
    poller.setVisible(false);
    assert.equal(poller.intervalMs, undefined);
    poller.dispose();
  });

  it('does not poll right after the first load, but at once when shown again or refocused', async () => {
    const gate = gatedPoll();
    const poller = new ConversationPoller(gate.poll, slow);
    poller.setVisible(true);
    assert.equal(gate.started(), 0);
    poller.setVisible(false);
    poller.setVisible(true);
    assert.equal(gate.started(), 1);
    gate.release();
    await new Promise((resolve) => setImmediate(resolve));
    poller.setFocused(false);
    assert.equal(gate.started(), 1, 'losing focus only slows down');
    poller.setFocused(true);
    assert.equal(gate.started(), 2);
    gate.release();
    poller.dispose();
  });

  it('never overlaps polls: asking again while one runs joins it', async () => {
    const gate = gatedPoll();
    const poller = new ConversationPoller(gate.poll, slow);
    poller.setVisible(true);
    const a = poller.pollNow();
    const b = poller.pollNow();
    assert.equal(gate.started(), 1);
    gate.release();
    await Promise.all([a, b]);
    poller.dispose();
    await poller.pollNow();
    assert.equal(gate.started(), 1, 'nothing after dispose');
  });
});
