// The one emitter and the one disposable store of the vscode-free layers: order, isolation of a
// throwing listener or dispose(), and nothing left listening after disposal.
import * as assert from 'node:assert/strict';
import { Emitter } from '../../../src/webex/emitter';
import { DisposableStore, toDisposable, type DisposableLike } from '../../../src/webex/lifecycle';

/** Runs `body` with console.error captured (the helpers report a throwing callback there). */
function withConsoleErrors(body: () => void): unknown[][] {
  const seen: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]): void => void seen.push(args);
  try {
    body();
  } finally {
    console.error = original;
  }
  return seen;
}

describe('lifecycle: Emitter and DisposableStore', () => {
  it('fires to listeners in subscription order, with thisArgs, and stops a listener whose subscription is disposed', () => {
    const emitter = new Emitter<number>();
    const seen: string[] = [];
    const owner = { name: 'owner' };
    const first = emitter.event((n) => seen.push(`first ${n}`));
    emitter.event(function (this: { name: string }, n) {
      seen.push(`${this.name} ${n}`);
    }, owner);
    emitter.fire(1);
    first.dispose();
    emitter.fire(2);
    assert.deepEqual(seen, ['first 1', 'owner 1', 'owner 2']);
  });

  it('keeps firing to the others when a listener throws, and says so on the console', () => {
    const emitter = new Emitter<string>();
    const seen: string[] = [];
    emitter.event(() => {
      throw new Error('listener bug');
    });
    emitter.event((e) => seen.push(e));
    const errors = withConsoleErrors(() => emitter.fire('x'));
    assert.deepEqual(seen, ['x']);
    assert.equal(errors.length, 1);
  });

  it('collects subscriptions into the array it is given, and ignores listeners after dispose()', () => {
    const emitter = new Emitter<void>();
    const collected: DisposableLike[] = [];
    let calls = 0;
    emitter.event(() => calls++, undefined, collected);
    assert.equal(collected.length, 1);
    emitter.dispose();
    emitter.event(() => calls++);
    emitter.fire();
    assert.equal(calls, 0);
  });

  it('disposes everything it holds once, in the order added, even when one of them throws', () => {
    const store = new DisposableStore();
    const order: string[] = [];
    store.add(toDisposable(() => order.push('a')));
    store.add({
      dispose: () => {
        throw new Error('dispose bug');
      },
    });
    store.addAll(toDisposable(() => order.push('b')), toDisposable(() => order.push('c')));
    const errors = withConsoleErrors(() => store.dispose());
    store.dispose();
    assert.deepEqual(order, ['a', 'b', 'c']);
    assert.equal(errors.length, 1);
    assert.equal(store.isDisposed, true);
  });

  it('disposes at once what is added after it was disposed, and clear() empties it but keeps it usable', () => {
    const store = new DisposableStore();
    const order: string[] = [];
    store.add(toDisposable(() => order.push('first')));
    store.clear();
    assert.deepEqual(order, ['first']);
    const kept = store.add(toDisposable(() => order.push('kept')));
    assert.deepEqual(order, ['first'], 'still held after clear()');
    store.dispose();
    assert.deepEqual(order, ['first', 'kept']);
    kept.dispose();
    store.add(toDisposable(() => order.push('late')));
    assert.deepEqual(order, ['first', 'kept', 'late']);
  });
});
