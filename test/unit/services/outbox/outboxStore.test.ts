import * as assert from 'node:assert/strict';
import { OutboxStore } from '../../../../src/services/outbox/outboxStore';
import { MemoryStorage } from '../../../kit/memoryStorage';

describe('outbox store', () => {
  it('keeps the outbox and ignores malformed entries', async () => {
    const storage = new MemoryStorage();
    const store = new OutboxStore(storage, 'ada');
    await store.setOutbox('room1', [{ localId: 'l1', markdown: 'hi', queued: '2026-03-04T10:00:00.000Z', state: 'failed', error: 'x' }]);
    assert.equal(store.getOutbox('room1').length, 1);
    await storage.update('webex.conversation.outbox/ada/room2', [{ nope: true }, 'junk']);
    assert.deepEqual(store.getOutbox('room2'), []);
    await store.setOutbox('room1', []);
    assert.equal(storage.values.size, 1);
  });
});
