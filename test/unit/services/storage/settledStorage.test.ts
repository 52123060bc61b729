// SettledStorage over a Memento that behaves as VS Code's does under load: the echo of an earlier
// flush replaces the whole state after a later update, so that update is lost unless written again.
import * as assert from 'node:assert/strict';
import { SettledStorage } from '../../../../src/services/storage/settledStorage';

/** A Memento whose state can be put back to an earlier snapshot, as a late echo does. */
class EchoingMemento {
  state: Record<string, unknown> = {};
  readonly snapshots: Array<Record<string, unknown>> = [];
  updates = 0;
  /** Called after each update resolves; may revert the state. */
  afterUpdate: (memento: EchoingMemento) => void = () => undefined;

  get<T>(key: string): T | undefined {
    return this.state[key] as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    this.snapshots.push(structuredClone(this.state));
    this.state = { ...this.state, [key]: value === undefined ? undefined : structuredClone(value) };
    this.updates++;
    await Promise.resolve();
    this.afterUpdate(this);
  }
}

describe('settled storage (globalState that keeps this window’s last write)', () => {
  it('writes again when an echo undoes an update, and resolves only once it is stored', async () => {
    const memento = new EchoingMemento();
    const repairs: Array<[string, number]> = [];
    const storage = new SettledStorage(memento, { settleMs: 1, onRepair: (key, attempt) => repairs.push([key, attempt]) });
    await storage.update('outbox', [{ id: 'a', state: 'sending' }]);
    // The next update is undone once: the echo of the previous flush replaces the state.
    let reverted = false;
    memento.afterUpdate = (m) => {
      if (!reverted) {
        reverted = true;
        m.state = m.snapshots[m.snapshots.length - 1];
      }
    };
    const writing = storage.update('outbox', undefined);
    assert.equal(storage.get('outbox'), undefined, 'reads see the newest write at once');
    await writing;
    assert.equal(memento.get('outbox'), undefined, 'stored after the repair');
    assert.deepEqual(repairs, [['outbox', 1]]);
    assert.equal(memento.updates, 3);
  });

  it('leaves a key to the newer update when two overlap', async () => {
    const memento = new EchoingMemento();
    const storage = new SettledStorage(memento, { settleMs: 5 });
    const first = storage.update('draft', { text: 'one' });
    const second = storage.update('draft', { text: 'two' });
    await Promise.all([first, second]);
    assert.deepEqual(memento.get('draft'), { text: 'two' });
    assert.deepEqual(storage.get('draft'), { text: 'two' });
  });

  it('gives up writing after a bounded number of repairs but still reads the newest value', async () => {
    const memento = new EchoingMemento();
    const storage = new SettledStorage(memento, { settleMs: 1, maxRepairs: 2 });
    memento.afterUpdate = (m) => {
      m.state = {}; // Every update is undone.
    };
    await storage.update('marks', { room: 3 });
    assert.equal(memento.updates, 3, 'the first write and two repairs');
    assert.deepEqual(storage.get('marks'), { room: 3 });
  });

  it('reads the Memento for keys it has not written (another window’s writes)', () => {
    const memento = new EchoingMemento();
    memento.state = { lease: { id: 'device-1' } };
    assert.deepEqual(new SettledStorage(memento).get('lease'), { id: 'device-1' });
  });
});
