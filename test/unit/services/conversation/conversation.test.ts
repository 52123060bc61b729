import * as assert from 'node:assert/strict';
import { Conversation, clientSource, type ConversationChange } from '../../../../src/services/conversation/conversation';
import type { Message } from '../../../../src/webex/types';
import { SMALL, requestsTo, roomIdByTitle, useLocalWebex } from '../../webex/harness';

/** The paging, polling and thread completion of one space, against the local Webex over loopback. */
describe('conversation of one space (local Webex)', () => {
  const local = useLocalWebex();

  async function open(title: string, pageSize: number, options: { token?: string; mentionsOnly?: boolean; maxCatchUpPages?: number } = {}) {
    const { client } = local.client({ token: options.token });
    const roomId = await roomIdByTitle(client, title);
    const changes: ConversationChange[] = [];
    const conversation = new Conversation(clientSource(client, roomId, options.mentionsOnly ?? false), {
      pageSize,
      maxCatchUpPages: options.maxCatchUpPages,
      detectDeletions: !options.mentionsOnly,
      onChange: (c) => changes.push(c),
    });
    return { client, roomId, conversation, changes };
  }

  async function all(title: string): Promise<Message[]> {
    const { client } = local.client();
    return await client.messages.list({ roomId: await roomIdByTitle(client, title), max: 100 }).toArray();
  }

  it('loads the newest page with the first messages of its threads and the authors’ names', async () => {
    const { conversation, changes } = await open('Backend', 4);
    await conversation.loadNewest();
    assert.equal(changes.length, 1);
    const [first] = changes;
    assert.equal(first.reset, true);
    assert.equal(first.hasOlder, true);
    const paged = first.upsert.filter((m) => !conversation.isContext(m.id));
    assert.equal(paged.length, 4);
    for (const reply of paged.filter((m) => m.parentId)) {
      assert.ok(conversation.message(reply.parentId as string), 'a reply on the page comes with its thread’s first message');
    }
    assert.ok(first.people.some((p) => p.displayName === SMALL.grace.displayName));
  });

  it('pages back with beforeMessage until the first message, sharing concurrent requests', async () => {
    const { conversation } = await open('Backend', 4);
    await conversation.loadNewest();
    local.webex.clearRequests();
    const [a, b] = await Promise.all([conversation.loadOlder(), conversation.loadOlder()]);
    assert.deepEqual(a, b);
    assert.equal(requestsTo(local.webex, 'GET', /^\/messages$/).length, 1, 'two asks, one request');
    assert.ok(requestsTo(local.webex, 'GET', /^\/messages$/)[0].query.beforeMessage);
    while (conversation.hasOlder) {
      await conversation.loadOlder();
    }
    const everything = await all('Backend');
    assert.deepEqual(everything.filter((m) => !conversation.message(m.id)), []);
    assert.equal(conversation.size, everything.length);
    assert.deepEqual(await conversation.loadOlder(), { added: 0, hasOlder: false });
  });

  it('finds new, edited and deleted messages by polling, and says nothing when nothing changed', async () => {
    const { conversation, changes, roomId } = await open('Backend', 50);
    await conversation.loadNewest();
    const grace = local.client({ token: SMALL.grace.token }).client;
    const posted = await grace.messages.create({ roomId, text: 'Fresh from Grace' });
    await conversation.pollNewer();
    assert.equal(changes.at(-1)?.cause, 'newer');
    assert.deepEqual(changes.at(-1)?.upsert.map((m) => m.id), [posted.id]);

    const count = changes.length;
    await conversation.pollNewer();
    assert.equal(changes.length, count, 'no change, no event');

    await grace.messages.update(posted.id, { roomId, text: 'Fresh from Grace (edited)' });
    await conversation.pollNewer();
    assert.equal(changes.at(-1)?.upsert[0].text, 'Fresh from Grace (edited)');
    assert.ok(conversation.message(posted.id)?.updated);

    await grace.messages.delete(posted.id);
    await conversation.pollNewer();
    assert.deepEqual(changes.at(-1)?.remove, [posted.id]);
    assert.equal(conversation.message(posted.id), undefined);
  });

  it('walks back several pages to catch up, and starts over when the gap is too wide', async () => {
    const near = await open('Coffee Chat', 5);
    await near.conversation.loadNewest();
    const grace = local.client({ token: SMALL.grace.token }).client;
    const sent: string[] = [];
    for (let i = 0; i < 12; i++) {
      sent.push((await grace.messages.create({ roomId: near.roomId, text: `burst ${i}` })).id);
    }
    await near.conversation.pollNewer();
    const change = near.changes.at(-1);
    assert.equal(change?.reset, false);
    assert.deepEqual(new Set(change?.upsert.map((m) => m.id)), new Set(sent));

    const far = await open('Coffee Chat', 5, { maxCatchUpPages: 1 });
    await far.conversation.loadNewest();
    for (let i = 0; i < 12; i++) {
      await grace.messages.create({ roomId: far.roomId, text: `flood ${i}` });
    }
    await far.conversation.pollNewer();
    assert.equal(far.changes.at(-1)?.reset, true, 'too far behind: the newest pages replace what was shown');
  });

  it('lists only the messages that mention a bot in a group space (mentionedPeople=me)', async () => {
    const { conversation } = await open('Backend', 50, { token: SMALL.bot.token, mentionsOnly: true });
    await conversation.loadNewest();
    assert.ok(conversation.size >= 1);
    const lists = requestsTo(local.webex, 'GET', /^\/messages$/);
    assert.ok(lists.every((r) => r.query.mentionedPeople === 'me'));
    assert.ok(lists.every((r) => r.status === 200));
  });

  it('shows a message live updates already fetched, once', async () => {
    const { conversation, changes, roomId } = await open('Backend', 50);
    await conversation.applyIncoming({ id: 'x', roomId, personId: 'p', personEmail: 'p@example.com', created: new Date().toISOString() });
    assert.equal(changes.length, 0, 'ignored before the newest page is loaded');
    await conversation.loadNewest();
    const grace = local.client({ token: SMALL.grace.token }).client;
    const posted = await grace.messages.create({ roomId, text: 'Pushed' });
    await conversation.applyIncoming(posted);
    await conversation.applyIncoming(posted);
    assert.equal(changes.filter((c) => c.upsert.some((m) => m.id === posted.id)).length, 1);
  });
});
