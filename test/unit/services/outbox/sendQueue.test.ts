import * as assert from 'node:assert/strict';
import { OutboxStore, type OutboxEntry } from '../../../../src/services/outbox/outboxStore';
import { LOOK_FIRST, SendQueue, sendFailureText, type SendQueueOptions } from '../../../../src/services/outbox/sendQueue';
import { findSent } from '../../../../src/webex/messageDelivery';
import { WebexApiError } from '../../../../src/webex/errors';
import type { Message } from '../../../../src/webex/types';
import { SMALL, requestsTo, roomIdByTitle, useLocalWebex } from '../../webex/harness';
import { MemoryStorage } from '../conversation/memoryStorage';

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
    store: new OutboxStore(storage, 'me'),
    post: (entry) => space.post(entry),
    // The one rule the tab uses too (through messages.findUnconfirmed).
    findExisting: (entry) =>
      Promise.resolve(findSent(space.messages, { roomId: 'room', parentId: entry.parentId, markdown: entry.markdown, hasFile: false }, 'me', Date.parse(entry.queued))),
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

  it('finishes what was sent when its tab goes away, so a tab opened again finds it sent, not cut off', async () => {
    const space = new Space();
    const storage = new MemoryStorage();
    const { queue, sent, changes } = queueFor(space, storage);
    queue.enqueue({ localId: 'a', markdown: 'one' });
    queue.enqueue({ localId: 'b', markdown: 'two' });
    queue.dispose();
    const told = changes.length;
    await queue.idle();
    assert.deepEqual(space.messages.map((m) => m.markdown), ['two', 'one'], 'both are sent, in order, once');
    assert.deepEqual(sent, [], 'the closed tab is told nothing');
    assert.equal(changes.length, told);
    const reopened = queueFor(space, storage).queue;
    assert.deepEqual(reopened.items(), [], 'nothing comes back as "not confirmed"');
  });

  it('survives a reload: a failed entry comes back, one cut off while sending comes back failed and ambiguous', async () => {
    const storage = new MemoryStorage();
    const space = new Space();
    await new OutboxStore(storage, 'me').setOutbox('room', [
      { localId: 'x', markdown: 'was sending', queued: new Date().toISOString(), state: 'sending' },
    ]);
    const { queue } = queueFor(space, storage);
    assert.equal(queue.items()[0].state, 'failed');
    assert.equal(queue.items()[0].ambiguous, true);
    queue.retry('x');
    await queue.idle();
    assert.equal(space.posts, 1);
    assert.deepEqual(new OutboxStore(storage, 'me').getOutbox('room'), []);
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

/**
 * A bot in a group space cannot look for its own message: it may list only the messages that
 * mention it (GET /messages, developer.webex.com "Bots"). The real client against the local Webex,
 * wired as the conversation tab wires it for a bot (no findExisting).
 */
describe('send queue of a bot in a group space (local Webex)', () => {
  const local = useLocalWebex();

  async function botQueue() {
    const { client } = local.client({ token: SMALL.bot.token });
    const roomId = await roomIdByTitle(client, SMALL.rooms.alerts);
    const queue = new SendQueue({
      roomId,
      store: new OutboxStore(new MemoryStorage(), 'bot'),
      post: (entry) => client.messages.create({ roomId, markdown: entry.markdown }),
      isAmbiguous: (error) => error instanceof WebexApiError && (error.deliveryChecked === false || error.kind === 'aborted'),
      describe: (error) => sendFailureText(error, false),
      onChange: () => undefined,
      onSent: () => undefined,
    });
    // Alan is a member of the space and sees everything in it: he is "looking in Webex".
    const copies = async (markdown: string): Promise<number> => {
      const alan = local.client({ token: SMALL.alan.token }).client;
      return (await alan.messages.list({ roomId, max: 100 }).toArray()).filter((m) => m.markdown === markdown).length;
    };
    return { queue, copies };
  }

  it('asks the user to look when Webex may have the message, and a plain Retry posts nothing', async () => {
    const { queue, copies } = await botQueue();
    // Webex creates the message, then the connection drops: the client's look is refused (403).
    local.webex.faults.add({ match: { method: 'POST', path: '^/v1/messages$' }, kind: 'dropAfter' });
    queue.enqueue({ localId: 'a', markdown: 'Build #105 **passed**' });
    await queue.idle();

    const [entry] = queue.items();
    assert.equal(entry.state, 'failed');
    assert.equal(queue.mustLook(entry), true);
    assert.equal(entry.error, LOOK_FIRST);
    assert.match(LOOK_FIRST, /Look for it in Webex and send it again only if it is not there/);
    assert.equal(queue.retry('a'), false, 'Retry without the user’s word does nothing');
    await queue.idle();
    assert.equal(await copies('Build #105 **passed**'), 1, 'the space holds it once');
    assert.equal(requestsTo(local.webex, 'POST', /^\/messages$/).length, 1, 'nothing was posted again');
    // The user looked and found it: they remove it from the list.
    assert.equal(queue.discard('a')?.markdown, 'Build #105 **passed**');
    assert.deepEqual(queue.items(), []);
  });

  it('sends again exactly once when the user looked and it is not there', async () => {
    const { queue, copies } = await botQueue();
    // The connection drops before Webex reads the request: nothing is created.
    local.webex.faults.add({ match: { method: 'POST', path: '^/v1/messages$' }, kind: 'drop' });
    queue.enqueue({ localId: 'b', markdown: 'Build #106 failed' });
    await queue.idle();
    assert.equal(queue.mustLook(queue.items()[0]), true);
    assert.equal(await copies('Build #106 failed'), 0);

    assert.equal(queue.retry('b', { checked: true }), true);
    assert.equal(queue.retry('b', { checked: true }), false, 'a second click while sending does nothing');
    await queue.idle();
    assert.deepEqual(queue.items(), []);
    assert.equal(await copies('Build #106 failed'), 1);
    assert.equal(requestsTo(local.webex, 'POST', /^\/messages$/).length, 2);
  });

  it('comes back after a reload asking the user to look, not sending', async () => {
    const storage = new MemoryStorage();
    await new OutboxStore(storage, 'bot').setOutbox('room', [{ localId: 'x', markdown: 'cut off', queued: new Date().toISOString(), state: 'sending' }]);
    const queue = new SendQueue({
      roomId: 'room',
      store: new OutboxStore(storage, 'bot'),
      post: () => Promise.reject(new Error('must not post')),
      isAmbiguous: () => true,
      describe: (error) => sendFailureText(error, false),
      onChange: () => undefined,
      onSent: () => undefined,
    });
    assert.equal(queue.mustLook(queue.items()[0]), true);
    assert.equal(queue.retry('x'), false);
    await queue.idle();
    assert.equal(queue.items()[0].state, 'failed');
  });

  it('words an unconfirmed send by whether the space can be checked', () => {
    const unknown = new WebexApiError({ kind: 'timeout', status: 0, method: 'POST', path: '/messages', deliveryChecked: false });
    assert.equal(sendFailureText(unknown, false), LOOK_FIRST);
    assert.match(sendFailureText(unknown, true), /did not confirm this message \(timeout\).*Retry looks for it in the space before sending it again/);
    const refused = new WebexApiError({ kind: 'http', status: 400, method: 'POST', path: '/messages', serverMessage: 'Bad' });
    assert.equal(sendFailureText(refused, false), refused.message);
  });
});
