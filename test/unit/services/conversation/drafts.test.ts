import * as assert from 'node:assert/strict';
import { DraftStore } from '../../../../src/services/conversation/drafts';
import { MemoryStorage } from '../../../kit/memoryStorage';

describe('draft store', () => {
  it('keeps a draft per account and room, and a new store over the same storage reads it back (reload)', async () => {
    const storage = new MemoryStorage();
    await new DraftStore(storage, 'ada').setDraft('room1', { text: 'half a thought', parentId: 'p1' });
    await new DraftStore(storage, 'ada').setDraft('room2', { text: 'other room' });
    const reloaded = new DraftStore(storage, 'ada');
    assert.deepEqual(reloaded.getDraft('room1'), { text: 'half a thought', parentId: 'p1' });
    assert.deepEqual(reloaded.getDraft('room2'), { text: 'other room' });
    assert.equal(new DraftStore(storage, 'bob').getDraft('room1'), undefined, 'another account sees nothing');
  });

  it('removes the key when the draft is emptied', async () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage, 'ada');
    await store.setDraft('room1', { text: 'x' });
    await store.setDraft('room1', { text: '   ' });
    assert.equal(storage.values.size, 0);
  });
});
