import * as assert from 'node:assert/strict';
import type { LocalWebex } from '../server';
import { SMALL } from '../scenario';
import type { Membership, Person, Room, Team, TeamMembership } from '../../../src/webex/types';
import { allPages, Api, decode, type Items, smallWithAda } from './helpers';

describe('sandbox: teams, memberships, team memberships', () => {
  let webex: LocalWebex;
  let ada: Api;

  beforeEach(async () => ({ webex, ada } = await smallWithAda()));
  afterEach(() => webex.stop());

  async function personId(email: string): Promise<string> {
    return (await ada.ok<Items<Person>>(`/people?email=${encodeURIComponent(email)}`)).items[0].id;
  }

  it("lists the caller's teams", async () => {
    const { items } = await ada.ok<Items<Team>>('/teams');
    assert.deepEqual(items.map((t) => t.name).sort(), [SMALL.teams.engineering, SMALL.teams.research]);
    assert.match(decode(items[0].id), /^ciscospark:\/\/us\/TEAM\//);
    const barbara = await ada.as(SMALL.barbara.token).ok<Items<Team>>('/teams');
    assert.deepEqual(barbara.items.map((t) => t.name), [SMALL.teams.research]);
  });

  it('creating a team creates its General space; the creator moderates both', async () => {
    const team = await ada.ok<Team>('/teams', 'POST', { name: 'Platform', description: 'Infra' });
    assert.equal(team.name, 'Platform');
    const rooms = await ada.ok<Items<Room>>(`/rooms?teamId=${team.id}`);
    assert.equal(rooms.items.length, 1);
    assert.equal(rooms.items[0].title, 'Platform');
    assert.equal(rooms.items[0].teamId, team.id);
    const tm = await ada.ok<Items<TeamMembership>>(`/team/memberships?teamId=${team.id}`);
    assert.deepEqual(tm.items.map((m) => [m.personEmail, m.isModerator]), [[SMALL.ada.email, true]]);
    const m = await ada.ok<Items<Membership>>(`/memberships?roomId=${rooms.items[0].id}`);
    assert.deepEqual(m.items.map((x) => [x.personEmail, x.isModerator]), [[SMALL.ada.email, true]]);
    assert.equal((await ada.post('/teams', {})).status, 400, 'name is required');
  });

  it('adding a team member also adds them to the General space', async () => {
    const teamId = await ada.teamId(SMALL.teams.engineering);
    const r = await ada.post<TeamMembership>('/team/memberships', { teamId, personEmail: SMALL.barbara.email });
    assert.equal(r.status, 200);
    assert.equal(r.body.personEmail, SMALL.barbara.email);
    assert.match(decode(r.body.id), new RegExp(`^ciscospark://us/TEAM_MEMBERSHIP/[0-9a-f-]+:${decode(teamId).split('/').pop() ?? ''}$`));
    const barbara = ada.as(SMALL.barbara.token);
    const rooms = await barbara.ok<Items<Room>>(`/rooms?teamId=${teamId}`);
    assert.deepEqual(rooms.items.map((x) => x.title), [SMALL.teams.engineering]);
    const again = await ada.post('/team/memberships', { teamId, personEmail: SMALL.barbara.email });
    assert.equal(again.status, 409);
  });

  it('pages team memberships with max and Link', async () => {
    const teamId = await ada.teamId(SMALL.teams.engineering);
    const all = await allPages<TeamMembership>(ada, `/team/memberships?teamId=${teamId}&max=2`);
    assert.equal(all.pages, 3);
    assert.equal(new Set(all.items.map((m) => m.personEmail)).size, 5);
  });

  it('GET /team/memberships requires teamId', async () => {
    const r = await ada.get('/team/memberships');
    assert.equal(r.status, 400);
    assert.equal(r.body.message, "Required String parameter 'teamId' is not present");
  });

  it("won't remove the last team moderator, but removes others with 204", async () => {
    const teamId = await ada.teamId(SMALL.teams.research);
    const grace = ada.as(SMALL.grace.token);
    const { items } = await grace.ok<Items<TeamMembership>>(`/team/memberships?teamId=${teamId}`);
    const graceM = items.find((m) => m.personEmail === SMALL.grace.email);
    const barbaraM = items.find((m) => m.personEmail === SMALL.barbara.email);
    assert.equal((await grace.delete(`/team/memberships/${graceM?.id ?? ''}`)).status, 409);
    assert.equal((await grace.delete(`/team/memberships/${barbaraM?.id ?? ''}`)).status, 204);
    const barbara = ada.as(SMALL.barbara.token);
    assert.deepEqual((await barbara.ok<Items<Team>>('/teams')).items, []);
    const rooms = await barbara.ok<Items<Room>>('/rooms');
    assert.ok(!rooms.items.some((r) => r.teamId === teamId), 'gone from the team spaces');
  });

  it('updates a team (name required) and renames its General space', async () => {
    const teamId = await ada.teamId(SMALL.teams.engineering);
    assert.equal((await ada.put(`/teams/${teamId}`, {})).status, 400);
    const t = await ada.ok<Team>(`/teams/${teamId}`, 'PUT', { name: 'R&D' });
    assert.equal(t.name, 'R&D');
    const rooms = await ada.ok<Items<Room>>(`/rooms?teamId=${teamId}`);
    assert.ok(rooms.items.some((r) => r.title === 'R&D'));
  });

  it('deletes a team with 204; its spaces go with it', async () => {
    const team = await ada.ok<Team>('/teams', 'POST', { name: 'Temp' });
    assert.equal((await ada.delete(`/teams/${team.id}`)).status, 204);
    assert.equal((await ada.get(`/teams/${team.id}`)).status, 404);
    const rooms = await ada.ok<Items<Room>>('/rooms?max=1000');
    assert.ok(!rooms.items.some((r) => r.title === 'Temp'));
  });

  it('answers 409 "Person is already in the room." for a duplicate member (POST /memberships)', async () => {
    const roomId = await ada.roomId(SMALL.rooms.coffee);
    const r = await ada.post('/memberships', { roomId, personEmail: SMALL.bot.email });
    assert.equal(r.status, 200);
    const again = await ada.post('/memberships', { roomId, personId: await personId(SMALL.grace.email) });
    assert.equal(again.status, 409);
    assert.equal(again.body.message, 'Person is already in the room.');
  });

  it('membership ids are MEMBERSHIP/<personUUID>:<roomUUID>', async () => {
    const roomId = await ada.roomId(SMALL.rooms.coffee);
    const { items } = await ada.ok<Items<Membership>>(`/memberships?roomId=${roomId}`);
    const mine = items.find((m) => m.personEmail === SMALL.ada.email);
    const personUuid = decode(mine?.personId ?? '').split('/').pop() ?? '';
    const roomUuid = decode(roomId).split('/').pop() ?? '';
    assert.equal(decode(mine?.id ?? ''), `ciscospark://us/MEMBERSHIP/${personUuid}:${roomUuid}`);
    const one = await ada.ok<Membership>(`/memberships/${mine?.id ?? ''}`);
    assert.equal(one.roomId, roomId);
  });

  it('lists all the caller’s memberships without roomId; personEmail needs roomId', async () => {
    const all = await allPages<Membership>(ada, '/memberships?max=4');
    assert.equal(all.items.length, 13);
    assert.equal(all.pages, 4);
    assert.ok(all.items.every((m) => m.personEmail === SMALL.ada.email));
    assert.equal((await ada.get(`/memberships?personEmail=${SMALL.grace.email}`)).status, 400);
    const roomId = await ada.roomId(SMALL.rooms.backend);
    const one = await ada.ok<Items<Membership>>(`/memberships?roomId=${roomId}&personEmail=${SMALL.grace.email}`);
    assert.deepEqual(one.items.map((m) => m.personEmail), [SMALL.grace.email]);
  });

  it('PUT /memberships requires isModerator and isRoomHidden', async () => {
    const roomId = await ada.roomId(SMALL.rooms.coffee);
    const { items } = await ada.ok<Items<Membership>>(`/memberships?roomId=${roomId}&personEmail=${SMALL.ada.email}`);
    const id = items[0].id;
    assert.equal((await ada.put(`/memberships/${id}`, { isModerator: true })).status, 400);
    const r = await ada.put<Membership>(`/memberships/${id}`, { isModerator: true, isRoomHidden: false });
    assert.equal(r.status, 200);
    assert.equal(r.body.isModerator, true);
    assert.equal((await ada.ok<Room>(`/rooms/${roomId}`)).isLocked, true, 'a space with a moderator is moderated');
  });

  it('removes a member with 204; a stranger cannot see the room’s memberships', async () => {
    const roomId = await ada.roomId(SMALL.rooms.coffee);
    const { items } = await ada.ok<Items<Membership>>(`/memberships?roomId=${roomId}&personEmail=${SMALL.barbara.email}`);
    assert.equal((await ada.delete(`/memberships/${items[0].id}`)).status, 204);
    const barbara = ada.as(SMALL.barbara.token);
    assert.equal((await barbara.get(`/memberships?roomId=${roomId}`)).status, 404);
  });

  it("won't remove the last moderator of a team's General space", async () => {
    const teamId = await ada.teamId(SMALL.teams.research);
    const grace = ada.as(SMALL.grace.token);
    const general = (await grace.ok<Items<Room>>(`/rooms?teamId=${teamId}`)).items.find((r) => r.title === SMALL.teams.research);
    const { items } = await grace.ok<Items<Membership>>(`/memberships?roomId=${general?.id ?? ''}&personEmail=${SMALL.grace.email}`);
    assert.equal((await grace.delete(`/memberships/${items[0].id}`)).status, 409);
  });
});
