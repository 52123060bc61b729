import * as assert from 'node:assert/strict';
import type { LocalWebex } from '../server';
import { SMALL } from '../scenario';
import type { Message, Person, Room } from '../../../src/webex/types';
import { Api, allPages, decode, nextLink, startSmall, type Items } from './helpers';

describe('sandbox: messages', () => {
  let webex: LocalWebex;
  let ada: Api;
  let backend: string;

  beforeEach(async () => {
    webex = await startSmall();
    ada = new Api(webex);
    backend = await ada.roomId(SMALL.rooms.backend);
  });
  afterEach(() => webex.stop());

  const post = (api: Api, body: Record<string, unknown>) => api.post<Message>('/messages', body);

  it('lists newest first, with the real message shape', async () => {
    const { items } = await ada.ok<Items<Message>>(`/messages?roomId=${backend}`);
    assert.equal(items.length, 10);
    const times = items.map((m) => Date.parse(m.created));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.match(decode(items[0].id), /^ciscospark:\/\/us\/MESSAGE\//);
    assert.equal(items[0].roomId, backend);
    assert.equal(items[0].roomType, 'group');
    assert.deepEqual(items[0].mentionedGroups, ['all']);
  });

  it('requires roomId, and answers 404 for a room the caller is not in', async () => {
    const r = await ada.get('/messages');
    assert.equal(r.status, 400);
    assert.equal(r.body.message, "Required String parameter 'roomId' is not present");
    const secret = await ada.as(SMALL.alan.token).roomId(SMALL.rooms.secret);
    assert.equal((await ada.get(`/messages?roomId=${secret}`)).status, 404);
  });

  it('pages with beforeMessage in the next link and keeps the other parameters', async () => {
    const first = await ada.get<Items<Message>>(`/messages?roomId=${backend}&max=4`);
    const next = new URL(nextLink(first) ?? '');
    assert.equal(next.searchParams.get('roomId'), backend);
    assert.equal(next.searchParams.get('max'), '4');
    assert.equal(next.searchParams.get('beforeMessage'), first.body.items[3].id);
    const all = await allPages<Message>(ada, `/messages?roomId=${backend}&max=4`);
    assert.equal(all.pages, 3);
    const full = await ada.ok<Items<Message>>(`/messages?roomId=${backend}`);
    assert.deepEqual(all.items.map((m) => m.id), full.items.map((m) => m.id));
  });

  it('answers before (ISO) and beforeMessage (id)', async () => {
    const { items } = await ada.ok<Items<Message>>(`/messages?roomId=${backend}`);
    const pivot = items[3];
    const byId = await ada.ok<Items<Message>>(`/messages?roomId=${backend}&beforeMessage=${pivot.id}`);
    assert.deepEqual(byId.items.map((m) => m.id), items.slice(4).map((m) => m.id));
    const byTime = await ada.ok<Items<Message>>(`/messages?roomId=${backend}&before=${encodeURIComponent(pivot.created)}`);
    assert.deepEqual(byTime.items.map((m) => m.id), items.slice(4).map((m) => m.id));
    assert.equal((await ada.get(`/messages?roomId=${backend}&before=yesterday`)).status, 400);
  });

  it('answers 404 for a beforeMessage that was deleted (WebexPythonSDK#70)', async () => {
    const sent = await post(ada, { roomId: backend, text: 'soon gone' });
    assert.equal((await ada.delete(`/messages/${sent.body.id}`)).status, 204);
    assert.equal((await ada.get(`/messages?roomId=${backend}&beforeMessage=${sent.body.id}`)).status, 404);
  });

  it('lists only the replies of a parent with parentId', async () => {
    const { items } = await ada.ok<Items<Message>>(`/messages?roomId=${backend}`);
    const kickoff = items[items.length - 1];
    const replies = await ada.ok<Items<Message>>(`/messages?roomId=${backend}&parentId=${kickoff.id}`);
    assert.equal(replies.items.length, 2);
    assert.ok(replies.items.every((m) => m.parentId === kickoff.id));
    assert.ok(Date.parse(replies.items[0].created) > Date.parse(replies.items[1].created), 'newest first');
  });

  it('mentionedPeople=me lists the messages that mention the caller; max ≤ 100 with it', async () => {
    const { items } = await ada.ok<Items<Message>>(`/messages?roomId=${backend}&mentionedPeople=me`);
    const me = await ada.ok<Person>('/people/me');
    assert.equal(items.length, 1);
    assert.deepEqual(items[0].mentionedPeople, [me.id]);
    const byId = await ada.ok<Items<Message>>(`/messages?roomId=${backend}&mentionedPeople=${me.id}`);
    assert.deepEqual(byId.items.map((m) => m.id), items.map((m) => m.id));
    assert.equal((await ada.get(`/messages?roomId=${backend}&mentionedPeople=me&max=101`)).status, 400);
    const grace = (await ada.ok<Items<Person>>(`/people?email=${SMALL.grace.email}`)).items[0];
    assert.equal((await ada.get(`/messages?roomId=${backend}&mentionedPeople=${grace.id}`)).status, 400);
  });

  it('posts with 200, computes mentions and html, and bumps lastActivity', async () => {
    const before = await ada.ok<Room>(`/rooms/${backend}`);
    const r = await post(ada, {
      roomId: backend,
      markdown: `Hi <@personEmail:${SMALL.grace.email}> and <@all>: **ship** <script>alert(1)</script>`,
    });
    assert.equal(r.status, 200);
    const grace = (await ada.ok<Items<Person>>(`/people?email=${SMALL.grace.email}`)).items[0];
    assert.deepEqual(r.body.mentionedPeople, [grace.id]);
    assert.deepEqual(r.body.mentionedGroups, ['all']);
    assert.ok(r.body.html?.includes('<strong>ship</strong>'));
    assert.ok(!r.body.html?.includes('<script>'), 'html is escaped');
    assert.ok(r.body.html?.includes('&lt;script&gt;'));
    assert.equal(r.body.personEmail, SMALL.ada.email);
    const after = await ada.ok<Room>(`/rooms/${backend}`);
    assert.ok(Date.parse(after.lastActivity ?? '') > Date.parse(before.lastActivity ?? ''));
    assert.equal(after.lastActivity, r.body.created);
    const { items } = await ada.ok<Items<Message>>(`/messages?roomId=${backend}&max=1`);
    assert.equal(items[0].id, r.body.id, 'the new message is the newest');
  });

  it('accepts 7439 bytes and rejects 7440, counting UTF-8 bytes (Webex API)', async () => {
    const euro = '€'; // 3 bytes
    const ok = euro.repeat(2479) + 'xx'; // 7437 + 2 = 7439 bytes, 2481 characters
    assert.equal(Buffer.byteLength(ok), 7439);
    assert.equal((await post(ada, { roomId: backend, text: ok })).status, 200);
    assert.equal((await post(ada, { roomId: backend, text: ok + 'x' })).status, 400);
    assert.equal((await post(ada, { roomId: backend, markdown: ok + 'x' })).status, 400);
    assert.equal((await post(ada, { roomId: backend, markdown: ok })).status, 200);
  });

  it('needs exactly one destination, with the real text', async () => {
    const text = 'Exactly one of the destination fields must not be empty (roomId, toPersonEmail, toPersonId)';
    const none = await ada.post('/messages', { text: 'hi' });
    assert.equal(none.status, 400);
    assert.equal(none.body.message, text);
    const two = await ada.post('/messages', { roomId: backend, toPersonEmail: SMALL.grace.email, text: 'hi' });
    assert.equal(two.status, 400);
    assert.equal(two.body.message, text);
  });

  it('rejects an empty message with "Both text and file cannot be empty."', async () => {
    const r = await ada.post('/messages', { roomId: backend, text: '' });
    assert.equal(r.status, 400);
    assert.equal(r.body.message, 'Both text and file cannot be empty.');
  });

  it('rejects more than one file', async () => {
    const r = await post(ada, { roomId: backend, text: 'x', files: ['https://example.com/a.png', 'https://example.com/b.png'] });
    assert.equal(r.status, 400);
    const one = await post(ada, { roomId: backend, files: ['https://example.com/a.png'] });
    assert.equal(one.status, 200);
    assert.deepEqual(one.body.files, ['https://example.com/a.png'], 'public URLs are kept as they are');
  });

  it('creates a direct room for toPersonEmail and reuses it for toPersonId', async () => {
    const first = await post(ada, { toPersonEmail: SMALL.margaret.email, text: 'Hello Margaret' });
    assert.equal(first.status, 200);
    assert.equal(first.body.roomType, 'direct');
    assert.equal(first.body.toPersonEmail, SMALL.margaret.email);
    const margaret = (await ada.ok<Items<Person>>(`/people?email=${SMALL.margaret.email}`)).items[0];
    const second = await post(ada, { toPersonId: margaret.id, text: 'again' });
    assert.equal(second.body.roomId, first.body.roomId);
    assert.equal(second.body.toPersonId, margaret.id);
    const room = await ada.ok<Room>(`/rooms/${first.body.roomId}`);
    assert.equal(room.title, SMALL.margaret.displayName);
    const direct = await ada.ok<Items<Message>>(`/messages/direct?personEmail=${SMALL.margaret.email}`);
    assert.deepEqual(direct.items.map((m) => m.text), ['again', 'Hello Margaret']);
    const link = await ada.get(`/messages/direct?personId=${margaret.id}`);
    assert.equal(link.headers.get('link'), null, 'GET /messages/direct has no Link (Webex API)');
  });

  it('threads are one level: parentId must be a top-level message of the same room', async () => {
    const top = await post(ada, { roomId: backend, text: 'top' });
    const reply = await post(ada, { roomId: backend, text: 'reply', parentId: top.body.id });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.parentId, top.body.id);
    assert.equal((await post(ada, { roomId: backend, text: 'reply to reply', parentId: reply.body.id })).status, 400);
    const coffee = await ada.roomId(SMALL.rooms.coffee);
    assert.equal((await post(ada, { roomId: coffee, text: 'elsewhere', parentId: top.body.id })).status, 400);
  });

  it('only members post: 404 for a room the sender is not in', async () => {
    const secret = await ada.as(SMALL.alan.token).roomId(SMALL.rooms.secret);
    assert.equal((await post(ada, { roomId: secret, text: 'let me in' })).status, 404);
  });

  it('edits: roomId required, author only, sets updated, at most 10 edits', async () => {
    const sent = await post(ada, { roomId: backend, text: 'v0' });
    const id = sent.body.id;
    assert.equal((await ada.put(`/messages/${id}`, { text: 'no room' })).status, 400);
    assert.equal((await ada.as(SMALL.grace.token).put(`/messages/${id}`, { roomId: backend, text: 'not mine' })).status, 403);
    for (let i = 1; i <= 10; i++) {
      const r = await ada.put<Message>(`/messages/${id}`, { roomId: backend, markdown: `v${i}` });
      assert.equal(r.status, 200, `edit ${i}`);
      assert.equal(r.body.markdown, `v${i}`);
      assert.ok(r.body.updated);
    }
    const eleventh = await ada.put(`/messages/${id}`, { roomId: backend, text: 'v11' });
    assert.equal(eleventh.status, 400);
    assert.equal((await ada.ok<Message>(`/messages/${id}`)).markdown, 'v10');
  });

  it('cannot edit a message with a file', async () => {
    const sent = await post(ada, { roomId: backend, text: 'pic', files: ['https://example.com/a.png'] });
    assert.equal((await ada.put(`/messages/${sent.body.id}`, { roomId: backend, text: 'x' })).status, 400);
  });

  it('deletes with 204: authors their own, moderators any, others 403', async () => {
    const sent = await post(ada, { roomId: backend, text: 'mine' });
    assert.equal((await ada.as(SMALL.alan.token).delete(`/messages/${sent.body.id}`)).status, 403);
    const del = await ada.delete(`/messages/${sent.body.id}`);
    assert.equal(del.status, 204);
    assert.equal(del.text, '');
    assert.equal((await ada.get(`/messages/${sent.body.id}`)).status, 404);
    const release = await ada.roomId(SMALL.rooms.release);
    const adaMsg = await post(ada, { roomId: release, text: 'to be moderated' });
    assert.equal((await ada.as(SMALL.grace.token).delete(`/messages/${adaMsg.body.id}`)).status, 204);
  });
});
