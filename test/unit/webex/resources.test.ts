// The typed methods against the local Webex: each sends what the Webex messaging API asks and returns the model.
import * as assert from 'node:assert/strict';
import { WebexApiError, WebexInputError } from '../../../src/webex/errors';
import { decodeWebexId } from '../../../src/webex/ids';
import { SMALL, rejection, requestsTo, roomIdByTitle, thrown, useLocalWebex } from './harness';

describe('webex client: people, spaces, teams, members', () => {
  const sandbox = useLocalWebex();

  it('people: me, get, search by email and by name; refuses a bad email before asking', async () => {
    const { client } = sandbox.client();
    const me = await client.people.me();
    assert.equal(me.displayName, SMALL.ada.displayName);
    assert.equal(decodeWebexId(me.id)?.type, 'PEOPLE');
    assert.equal((await client.people.get(me.id)).emails[0], SMALL.ada.email);

    const byEmail = await client.people.list({ email: SMALL.grace.email }).toArray();
    assert.deepEqual(byEmail.map((p) => p.displayName), [SMALL.grace.displayName]);
    const byName = await client.people.list({ displayName: 'Alan' }).toArray();
    assert.ok(byName.some((p) => p.displayName === SMALL.alan.displayName));

    sandbox.webex.clearRequests();
    const error = thrown(() => client.people.list({ email: 'grace at example' }));
    assert.ok(error instanceof WebexInputError);
    assert.equal(error.field, 'email');
    assert.equal(sandbox.webex.requests.length, 0);
  });

  it('rooms: filters by team and type, sorts, creates, updates and deletes', async () => {
    const { client } = sandbox.client();
    const teams = await client.teams.list().toArray();
    const engineering = teams.find((t) => t.name === SMALL.teams.engineering);
    assert.ok(engineering);
    const teamRooms = await client.rooms.list({ teamId: engineering.id }).toArray();
    assert.ok(teamRooms.length > 0 && teamRooms.every((r) => r.teamId === engineering.id));
    const direct = await client.rooms.list({ type: 'direct' }).toArray();
    assert.ok(direct.length > 0 && direct.every((r) => r.type === 'direct'));
    const byActivity = await client.rooms.list({ sortBy: 'lastactivity' }).toArray();
    const activity = byActivity.map((r) => Date.parse(r.lastActivity ?? r.created));
    assert.deepEqual(activity, [...activity].sort((a, b) => b - a));
    const query = requestsTo(sandbox.webex, 'GET', /^\/rooms$/).map((r) => r.query);
    assert.deepEqual(query.slice(-3), [{ teamId: engineering.id }, { type: 'direct' }, { sortBy: 'lastactivity' }]);

    const created = await client.rooms.create({ title: '  Launch  ', teamId: engineering.id, description: 'Go' });
    assert.equal(created.title, 'Launch');
    assert.equal(created.teamId, engineering.id);
    const renamed = await client.rooms.update(created.id, { title: 'Launch 2', isLocked: true });
    assert.equal(renamed.title, 'Launch 2');
    assert.equal(renamed.isLocked, true);
    assert.equal((await client.rooms.get(created.id)).title, 'Launch 2');
    await client.rooms.delete(created.id);
    assert.equal(requestsTo(sandbox.webex, 'DELETE', /^\/rooms\//)[0].status, 204);

    sandbox.webex.clearRequests();
    for (const bad of [client.rooms.create({ title: ' ' }), client.rooms.create({ title: 'P', isPublic: true }), client.rooms.get('')]) {
      assert.ok((await rejection(bad)) instanceof WebexInputError);
    }
    assert.ok(thrown(() => client.rooms.list({ max: 0 })) instanceof WebexInputError);
    assert.equal(sandbox.webex.requests.length, 0);
  });

  it('teams: create (with its General space), get, rename, delete; a name is required', async () => {
    const { client } = sandbox.client();
    const team = await client.teams.create({ name: 'Platform', description: 'Infra' });
    assert.equal(team.name, 'Platform');
    assert.equal((await client.teams.get(team.id)).description, 'Infra');
    const spaces = await client.rooms.list({ teamId: team.id }).toArray();
    assert.equal(spaces.length, 1, 'the General space');
    assert.equal((await client.teams.update(team.id, { name: 'Platform Team' })).name, 'Platform Team');
    await client.teams.delete(team.id);
    assert.ok((await rejection(client.teams.create({ name: '' }))) instanceof WebexInputError);
  });

  it('memberships: list a space, change one flag, add by email, remove', async () => {
    const { client } = sandbox.client();
    const me = await client.people.me();
    const notes = await roomIdByTitle(client, SMALL.rooms.notes);
    const [mine] = await client.memberships.list({ roomId: notes, personId: me.id }).toArray();
    assert.equal(mine.isModerator, false);

    // Only isModerator given: the client reads the membership and sends isRoomHidden unchanged (the PUT needs both).
    sandbox.webex.clearRequests();
    const promoted = await client.memberships.update(mine.id, { isModerator: true });
    assert.equal(promoted.isModerator, true);
    assert.equal(promoted.isRoomHidden ?? false, mine.isRoomHidden ?? false);
    assert.deepEqual(sandbox.webex.requests.map((r) => r.method), ['GET', 'PUT']);

    const added = await client.memberships.create({ roomId: notes, personEmail: SMALL.barbara.email, isModerator: true });
    assert.equal(added.personEmail, SMALL.barbara.email);
    assert.equal(added.isModerator, true);
    const byEmail = await client.memberships.list({ roomId: notes, personEmail: SMALL.barbara.email }).toArray();
    assert.deepEqual(byEmail.map((m) => m.id), [added.id]);
    await client.memberships.delete(added.id);
    const after = await client.memberships.list({ roomId: notes }).toArray();
    assert.deepEqual(after.map((m) => m.id), [mine.id]);

    sandbox.webex.clearRequests();
    const both = await rejection(client.memberships.create({ roomId: notes, personEmail: SMALL.alan.email, personId: 'x' }));
    assert.ok(both instanceof WebexInputError);
    assert.ok((await rejection(client.memberships.create({ roomId: notes }))) instanceof WebexInputError);
    assert.ok((await rejection(client.memberships.create({ roomId: notes, personEmail: 'alan@' }))) instanceof WebexInputError);
    assert.equal(sandbox.webex.requests.length, 0);
  });

  it('team memberships: list, add, promote, remove; teamId is required', async () => {
    const { client } = sandbox.client();
    const research = (await client.teams.list().toArray()).find((t) => t.name === SMALL.teams.research);
    assert.ok(research);
    const grace = sandbox.client({ token: SMALL.grace.token }).client;
    const added = await grace.teamMemberships.create({ teamId: research.id, personEmail: SMALL.alan.email });
    assert.equal(added.isModerator, false);
    const members = await client.teamMemberships.list({ teamId: research.id, max: 2 }).toArray();
    assert.ok(members.some((m) => m.personEmail === SMALL.alan.email));
    assert.equal((await grace.teamMemberships.update(added.id, { isModerator: true })).isModerator, true);
    assert.equal((await grace.teamMemberships.get(added.id)).isModerator, true);
    await grace.teamMemberships.delete(added.id);
    const error = await rejection(grace.teamMemberships.get(added.id));
    assert.ok(error instanceof WebexApiError);
    assert.equal(error.status, 404);
    assert.ok(thrown(() => client.teamMemberships.list({ teamId: '' })) instanceof WebexInputError);
  });
});
