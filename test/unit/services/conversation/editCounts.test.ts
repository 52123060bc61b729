// The edit limit's count, kept in storage so that every tab and window counts the same edits.
import * as assert from 'node:assert/strict';
import { EditCounts } from '../../../../src/services/conversation/editCounts';
import { MemoryStorage } from '../../../kit/memoryStorage';

describe('edit counts', () => {
  it('counts edits per message and account, across instances on the same storage', async () => {
    const storage = new MemoryStorage();
    const tab1 = new EditCounts(storage, 'ada');
    await tab1.add('m1');
    await tab1.add('m1');
    // Another tab (or a window after a reload) reads the same storage.
    const tab2 = new EditCounts(storage, 'ada');
    assert.equal(tab2.count('m1'), 2);
    await tab2.add('m1');
    assert.equal(tab1.count('m1'), 3);
    assert.equal(new EditCounts(storage, 'grace').count('m1'), 0, 'another account counts its own');
    assert.equal(tab1.count('m2'), 0);
  });

  it('keeps the newest 300 messages and ignores what it did not write', async () => {
    const storage = new MemoryStorage();
    const counts = new EditCounts(storage, 'ada');
    for (let i = 0; i < 305; i++) {
      await counts.add(`m${i}`);
    }
    assert.equal(counts.count('m0'), 0, 'the oldest went');
    assert.equal(counts.count('m304'), 1);
    await storage.update('webex.conversation.edits/ada', { m1: 5, junk: 'x' });
    assert.equal(counts.count('m1'), 0, 'not the stored shape: nothing counted');
    await storage.update('webex.conversation.edits/ada', [['m1', 4], ['m2', -1], 'junk']);
    assert.equal(counts.count('m1'), 4);
    assert.equal(counts.count('m2'), 0);
  });
});
