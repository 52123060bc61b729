// The commands' outbox against the local Webex: a post Webex did not confirm is looked for before
// the same content goes to the same place again, and never lands twice.
import * as assert from 'node:assert/strict';
import { PostOutbox, UnconfirmedLookError, destinationKey } from '../../../../src/services/outbox/postOutbox';
import { WebexApiError } from '../../../../src/webex/errors';
import { SMALL, rejection, roomIdByTitle, useLocalWebex } from '../../webex/harness';

describe('post outbox (commands)', () => {
  const sandbox = useLocalWebex();
  const postMessages = { method: 'POST', path: '^/messages$' };
  const listMessages = { method: 'GET', path: '^/messages$' };

  async function copies(roomId: string, markdown: string): Promise<number> {
    const { client } = sandbox.client();
    return (await client.messages.list({ roomId, max: 100 }).toArray()).filter((m) => m.markdown === markdown).length;
  }

  /** A post that Webex created but did not confirm, whose own look failed too. */
  async function unconfirmedPost(outbox: PostOutbox, roomId: string, markdown: string): Promise<void> {
    const { client } = sandbox.client();
    sandbox.webex.faults.add([
      { match: postMessages, kind: 'dropAfter' },
      { match: listMessages, kind: 'status', status: 400 },
    ]);
    const error = await rejection(outbox.post(client, { roomId, markdown }));
    assert.ok(error instanceof WebexApiError);
    assert.equal(error.deliveryChecked, false);
    assert.ok(outbox.isUnconfirmed({ roomId, markdown }));
  }

  it('looks before posting the same text again and returns the message that had arrived', async () => {
    const { client } = sandbox.client();
    const outbox = new PostOutbox();
    const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
    await unconfirmedPost(outbox, coffee, 'ship it');
    const again = await outbox.post(client, { roomId: coffee, markdown: 'ship it' });
    assert.equal(again.arrivedEarlier, true);
    assert.equal(await copies(coffee, 'ship it'), 1, 'in the space once');
    assert.equal(outbox.isUnconfirmed({ roomId: coffee, markdown: 'ship it' }), false);
    // Settled: the next post of the same words is a new message.
    const third = await outbox.post(client, { roomId: coffee, markdown: 'ship it' });
    assert.equal(third.arrivedEarlier, false);
    assert.equal(await copies(coffee, 'ship it'), 2);
  });

  it('posts an edited text without a look, and the earlier one is no longer what it looks for', async () => {
    const { client } = sandbox.client();
    const outbox = new PostOutbox();
    const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
    await unconfirmedPost(outbox, coffee, 'first words');
    sandbox.webex.clearRequests();
    const edited = await outbox.post(client, { roomId: coffee, markdown: 'other words' });
    assert.equal(edited.arrivedEarlier, false);
    assert.equal(sandbox.webex.requests.filter((r) => r.method === 'GET').length, 0, 'no look for other content');
  });

  it('a look that fails is the user\'s call: it throws, and postAnyway posts without looking', async () => {
    const { client } = sandbox.client();
    const outbox = new PostOutbox();
    const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
    await unconfirmedPost(outbox, coffee, 'maybe there');
    sandbox.webex.faults.add({ match: listMessages, kind: 'status', status: 400 });
    const error = await rejection(outbox.post(client, { roomId: coffee, markdown: 'maybe there' }));
    assert.ok(error instanceof UnconfirmedLookError);
    assert.equal(error.cancelled, false);
    assert.equal(await copies(coffee, 'maybe there'), 1, 'nothing posted while it could not look');
    const anyway = await outbox.post(client, { roomId: coffee, markdown: 'maybe there' }, { postAnyway: true });
    assert.equal(anyway.arrivedEarlier, false);
    assert.equal(await copies(coffee, 'maybe there'), 2, 'the user said post');
  });

  it('keys destinations by space and thread, or by person, and keeps unsent text per destination', () => {
    assert.equal(destinationKey({ roomId: 'r1' }), 'room:r1');
    assert.equal(destinationKey({ roomId: 'r1', parentId: 'p' }), 'room:r1/p');
    assert.equal(destinationKey({ toPersonEmail: ' Lena@Example.com ' }), 'person:lena@example.com');
    const outbox = new PostOutbox();
    outbox.keepUnsent('room:r1', 'draft');
    assert.equal(outbox.unsentText('room:r1'), 'draft');
    assert.equal(outbox.unsentText('room:r2'), undefined);
    outbox.keepUnsent('room:r1', undefined);
    assert.equal(outbox.unsentText('room:r1'), undefined);
    outbox.keepUnsent('room:r1', 'again');
    outbox.clear();
    assert.equal(outbox.unsentText('room:r1'), undefined, 'another account starts clean');
  });
});
