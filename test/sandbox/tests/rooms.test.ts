import * as assert from 'node:assert/strict';
import type { LocalWebex } from '../server';
import { SMALL } from '../scenario';
import type { Membership, Room } from '../../../src/webex/types';
import { allPages, Api, decode, type Items, nextLink, smallWithAda } from './helpers';

describe('sandbox: rooms', () => {
  let webex: LocalWebex;
  let ada: Api;

  beforeEach(async () => ({ webex, ada } = await smallWithAda()));
  afterEach(() => webex.stop());

  it('lists only the rooms the caller is a member of', async () => {
    const { items } = await ada.ok<Items<Room>>('/rooms');
    const titles = items.map((r) => r.title);
    assert.ok(titles.includes(SMALL.rooms.backend));
    assert.ok(!titles.includes(SMALL.rooms.secret), 'Ada is not in the secret space');
    // 2 General spaces, 8 other group spaces, 3 direct spaces.
    assert.equal(items.length, 13);
    for (const r of items) {
      assert.match(decode(r.id), /^ciscospark:\/\/us\/ROOM\//);
    }
  });

  it("titles a direct room with the other person's name, as each side sees it", async () => {
    const adaSees = await ada.ok<Items<Room>>('/rooms?type=direct');
    assert.deepEqual(adaSees.items.map((r) => r.title).sort(), [SMALL.bot.displayName, SMALL.alan.displayName, SMALL.grace.displayName].sort());
    const grace = ada.as(SMALL.grace.token);
    const graceSees = await grace.ok<Items<Room>>('/rooms?type=direct');
    assert.ok(graceSees.items.some((r) => r.title === SMALL.ada.displayName));
  });

  it('filters by teamId and type, and knows a team space by its teamId', async () => {
    const teamId = await ada.teamId(SMALL.teams.engineering);
    const { items } = await ada.ok<Items<Room>>(`/rooms?teamId=${teamId}`);
    assert.deepEqual(items.map((r) => r.title).sort(), [SMALL.rooms.backend, SMALL.teams.engineering, SMALL.rooms.frontend, SMALL.rooms.release].sort());
    assert.ok(items.every((r) => r.teamId === teamId && r.type === 'group'));
    const bad = await ada.get('/rooms?type=channel');
    assert.equal(bad.status, 400);
  });

  it('sorts by lastactivity and created, most recent first', async () => {
    const { items } = await ada.ok<Items<Room>>('/rooms?sortBy=lastactivity');
    const times = items.map((r) => Date.parse(r.lastActivity ?? ''));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.equal(items[0].title, SMALL.rooms.coffee);
    const created = (await ada.ok<Items<Room>>('/rooms?sortBy=created')).items.map((r) => Date.parse(r.created));
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
    assert.equal((await ada.get('/rooms?sortBy=title')).status, 400);
  });

  it('pages with max and an absolute Link that keeps the query', async () => {
    const first = await ada.get<Items<Room>>('/rooms?sortBy=lastactivity&max=5');
    assert.equal(first.body.items.length, 5);
    const next = nextLink(first);
    assert.ok(next?.startsWith(`${webex.baseUrl}/rooms?`));
    const params = new URL(next ?? '').searchParams;
    assert.equal(params.get('sortBy'), 'lastactivity');
    assert.equal(params.get('max'), '5');
    const all = await allPages<Room>(ada, '/rooms?sortBy=lastactivity&max=5');
    assert.equal(all.pages, 3);
    assert.equal(new Set(all.items.map((r) => r.id)).size, 13);
    const last = await ada.get('/rooms?max=13');
    assert.equal(nextLink(last), undefined, 'no Link when there is no more');
  });

  it('rejects max outside 1..1000 on GET /rooms (Webex API)', async () => {
    for (const max of ['0', '1001', 'null', 'abc', '-1']) {
      const r = await ada.get(`/rooms?max=${max}`);
      assert.equal(r.status, 400, `max=${max}`);
    }
    assert.equal((await ada.get('/rooms?max=1000')).status, 200);
  });

  it('creates a room with the caller as member; title is required', async () => {
    const r = await ada.post<Room>('/rooms', { title: 'New space' });
    assert.equal(r.status, 200);
    assert.equal(r.body.type, 'group');
    assert.equal(r.body.isLocked, false);
    const members = await ada.ok<Items<Membership>>(`/memberships?roomId=${r.body.id}`);
    assert.deepEqual(members.items.map((m) => m.personEmail), [SMALL.ada.email]);
    assert.equal((await ada.post('/rooms', {})).status, 400);
    assert.equal((await ada.post('/rooms', { title: 'x', isPublic: true })).status, 400, 'isPublic needs a description');
  });

  it('creates a team space when teamId is given', async () => {
    const teamId = await ada.teamId(SMALL.teams.research);
    const r = await ada.post<Room>('/rooms', { title: 'Reading group', teamId });
    assert.equal(r.body.teamId, teamId);
  });

  it('updates a room; PUT requires title', async () => {
    const id = await ada.roomId(SMALL.rooms.coffee);
    assert.equal((await ada.put(`/rooms/${id}`, { description: 'x' })).status, 400);
    const r = await ada.put<Room>(`/rooms/${id}`, { title: 'Tea Chat', description: 'Hot drinks' });
    assert.equal(r.status, 200);
    assert.equal(r.body.title, 'Tea Chat');
    assert.equal(r.body.description, 'Hot drinks');
    assert.equal((await ada.ok<Room>(`/rooms/${id}`)).title, 'Tea Chat');
  });

  it('lets only moderators update a locked room', async () => {
    const id = await ada.roomId(SMALL.rooms.release);
    const r = await ada.put(`/rooms/${id}`, { title: 'Mine now' });
    assert.equal(r.status, 403);
    const grace = ada.as(SMALL.grace.token);
    assert.equal((await grace.put(`/rooms/${id}`, { title: 'Release 2.3' })).status, 200);
  });

  it('deletes a room it created with 204 and an empty body', async () => {
    const created = await ada.post<Room>('/rooms', { title: 'Short-lived' });
    const r = await ada.delete(`/rooms/${created.body.id}`);
    assert.equal(r.status, 204);
    assert.equal(r.text, '');
    assert.ok(r.headers.get('trackingid'));
    assert.equal((await ada.get(`/rooms/${created.body.id}`)).status, 404);
  });

  it('only removes a non-moderator who deletes a room (DELETE /rooms/{roomId})', async () => {
    const id = await ada.roomId(SMALL.rooms.release);
    assert.equal((await ada.delete(`/rooms/${id}`)).status, 204);
    assert.equal((await ada.get(`/rooms/${id}`)).status, 404, 'Ada left');
    const grace = ada.as(SMALL.grace.token);
    const room = await grace.ok<Room>(`/rooms/${id}`);
    assert.equal(room.title, SMALL.rooms.release, 'the room still exists for the others');
  });

  it("answers 404 for a room the caller is not in, and for a stranger's GET", async () => {
    const alan = ada.as(SMALL.alan.token);
    const secret = await alan.roomId(SMALL.rooms.secret);
    const r = await ada.get(`/rooms/${secret}`);
    assert.equal(r.status, 404);
    assert.equal((await ada.put(`/rooms/${secret}`, { title: 'x' })).status, 404);
  });
});
