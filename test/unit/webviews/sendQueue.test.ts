import * as assert from 'node:assert/strict';
import { DraftStore, type OutboxEntry } from '../../../src/services/drafts';
import { SendQueue, matchSentMessage, type SendQueueOptions } from '../../../src/services/conversationSendQueue';
import type { Message } from '../../../src/webex/types';
import { MemoryStorage } from './memoryStorage';

/** A failure after which nobody knows whether the server created the message. */
class Ambiguous extends Error {}

/** A space that stores what is posted; `failNext` decides how the next POST ends. */
class Space {
  readonly messages: Message[] = [];
  posts = 0;
  failNext: 'none' | 'afterCreate' | 'beforeCreate' = 'none';

  post(entry: OutboxEntry): Promise<Message> {
    this.posts++;
    const mode = this.failNext;
    this.failNext = 'none';
    if (mode === 'beforeCreate') {
      return Promise.reject(new Error('Webex said: bad request (400 POST /messages)'));
    }
    const message: Message = {
      id: `m${this.messages.length + 1}`,
      roomId: 'room',
      personId: 'me',
      personEmail: 'me@example.com',
      markdown: entry.markdown,
      parentId: entry.parentId,
      created: new Date().toISOString(),
    };
    this.messages.unshift(message);
    return mode === 'afterCreate' ? Promise.reject(new Ambiguous('The connection was reset')) : Promise.resolve(message);
  }
}

function queueFor(space: Space, storage = new MemoryStorage()): { queue: SendQueue; sent: string[]; changes: number[] } {
  const sent: string[] = [];
  const changes: number[] = [];
  const options: SendQueueOptions = {
    roomId: 'room',
    store: new DraftStore(storage, 'me'),
    post: (entry) => space.post(entry),
    findExisting: (entry) => Promise.resolve(matchSentMessage(entry, 'me', space.messages)),
    isAmbiguous: (error) => error instanceof Ambiguous,
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    onChange: () => changes.push(1),
    onSent: (localId) => sent.push(localId),
  };
  return { queue: new SendQueue(options), sent, changes };
}

describe('send queue', () => {
  it('sends in order and empties the outbox', async () => {
    const space = new Space();
    const { queue, sent } = queueFor(space);
    queue.enqueue({ localId: 'a', markdown: 'one' });
    queue.enqueue({ localId: 'b', markdown: 'two' });
    queue.enqueue({ localId: 'a', markdown: 'one' });
    await queue.idle();
    assert.deepEqual(sent, ['a', 'b']);
    assert.deepEqual(space.messages.map((m) => m.markdown), ['two', 'one']);
    assert.deepEqual(queue.items(), []);
  });

  it('keeps a failed message marked failed, and Retry after an ambiguous failure sends nothing twice', async () => {
    const space = new Space();
    const { queue, sent } = queueFor(space);
    space.failNext = 'afterCreate';
    queue.enqueue({ localId: 'a', markdown: 'hello' });
    await queue.idle();
    assert.equal(queue.items()[0].state, 'failed');
    assert.equal(queue.items()[0].ambiguous, true);
    assert.equal(queue.retry('a'), true);
    assert.equal(queue.retry('a'), false, 'a retry while sending does nothing');
    await queue.idle();
    assert.equal(space.posts, 1, 'the message Webex created is found, not posted again');
    assert.equal(space.messages.length, 1);
    assert.deepEqual(sent, ['a']);
    assert.deepEqual(queue.items(), []);
  });

  it('posts again once when the failure was definite (nothing was created)', async () => {
    const space = new Space();
    const { queue, sent } = queueFor(space);
    space.failNext = 'beforeCreate';
    queue.enqueue({ localId: 'a', markdown: 'hello', parentId: 'p' });
    await queue.idle();
    assert.equal(queue.items()[0].error, 'Webex said: bad request (400 POST /messages)');
    queue.retry('a');
    await queue.idle();
    assert.equal(space.posts, 2);
    assert.equal(space.messages.length, 1);
    assert.equal(space.messages[0].parentId, 'p');
    assert.deepEqual(sent, ['a']);
  });

  it('survives a reload: a failed entry comes back, one cut off while sending comes back failed and ambiguous', async () => {
    const storage = new MemoryStorage();
    const space = new Space();
    await new DraftStore(storage, 'me').setOutbox('room', [
      { localId: 'x', markdown: 'was sending', queued: new Date().toISOString(), state: 'sending' },
    ]);
    const { queue } = queueFor(space, storage);
    assert.equal(queue.items()[0].state, 'failed');
    assert.equal(queue.items()[0].ambiguous, true);
    queue.retry('x');
    await queue.idle();
    assert.equal(space.posts, 1);
    assert.deepEqual(new DraftStore(storage, 'me').getOutbox('room'), []);
  });

  it('discards only failed entries and hands back their text', async () => {
    const space = new Space();
    const { queue } = queueFor(space);
    space.failNext = 'beforeCreate';
    queue.enqueue({ localId: 'a', markdown: 'keep me' });
    await queue.idle();
    assert.equal(queue.discard('a')?.markdown, 'keep me');
    assert.equal(queue.discard('a'), undefined);
  });
});
