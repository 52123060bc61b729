/**
 * The spaces and members stores against the local Webex over real loopback HTTP (no mocked fetch).
 */
import * as assert from 'node:assert/strict';
import { LocalWebex } from '../../../sandbox/server';
import { SMALL, smallScenario } from '../../../sandbox/scenario';
import { WebexClient } from '../../../../src/webex/client';
import { SpacesStore, SignedOutError } from '../../../../src/services/sidebar/spacesStore';
import { MembersStore } from '../../../../src/services/sidebar/membersStore';
import { activityTime } from '../../../../src/services/sidebar/ordering';

describe('spaces and members stores (local Webex)', () => {
  let webex: LocalWebex;
  let client: WebexClient;

  before(async () => {
    webex = await LocalWebex.start({ scenario: smallScenario() });
  });
  after(() => webex.stop());

  beforeEach(() => {
    webex.reset();
    client = new WebexClient({ baseUrl: webex.baseUrl, getToken: () => SMALL.ada.token, sleep: () => Promise.resolve() });
  });
  afterEach(() => client.close());

  const roomRequests = (): number => webex.requests.filter((r) => r.method === 'GET' && r.path === '/v1/rooms').length;

  it('loads the spaces most recently active first, once for concurrent callers', async () => {
    const store = new SpacesStore({ getClient: () => client });
    let changes = 0;
    store.onDidChange(() => changes++);
    const [a, b] = await Promise.all([store.loadRooms(), store.loadRooms()]);
    assert.equal(a, b);
    assert.equal(roomRequests(), 1, 'one request for two concurrent loads');
    assert.equal(changes, 1);
    const times = a.map(activityTime);
    assert.deepEqual(times, [...times].sort((x, y) => y - x));
    assert.ok(a.some((r) => r.title === SMALL.rooms.backend));
    assert.ok(!a.some((r) => r.title === SMALL.rooms.secret), 'only spaces Ada is in');
    assert.equal(store.hasMoreRooms, false);
    await store.loadRooms();
    assert.equal(roomRequests(), 1, 'cached');
    const query = webex.requests.find((r) => r.path === '/v1/rooms')?.query;
    assert.equal(query?.sortBy, 'lastactivity');
  });

  it('pages with "load more" and stops when Webex has no more', async () => {
    const store = new SpacesStore({ getClient: () => client, pageSize: 5 });
    const first = await store.loadRooms();
    assert.equal(first.length, 5);
    assert.equal(store.hasMoreRooms, true);
    await Promise.all([store.loadMoreRooms(), store.loadMoreRooms()]);
    assert.equal(roomRequests(), 2, 'concurrent "load more" clicks fetch one page');
    while (store.hasMoreRooms) {
      await store.loadMoreRooms();
    }
    const all = store.rooms ?? [];
    assert.equal(new Set(all.map((r) => r.id)).size, all.length, 'no duplicates');
    const full = await client.rooms.list({ max: 1000 }).toArray();
    assert.equal(all.length, full.length);
  });

  it('keeps the old list during a refresh and swaps in the new one', async () => {
    const store = new SpacesStore({ getClient: () => client });
    await store.loadRooms();
    const before = store.rooms;
    const created = await client.rooms.create({ title: 'Fresh space' });
    const refreshing = store.refresh();
    assert.equal(store.rooms, before, 'nothing disappears while loading');
    await refreshing;
    assert.equal(store.rooms?.[0]?.id, created.id, 'the new space is the most recently active');
  });

  it('drops a load that finishes after clear() (sign-out)', async () => {
    webex.faults.add({ match: { method: 'GET', path: '^/v1/rooms$' }, kind: 'delay', delayMs: 200 });
    const store = new SpacesStore({ getClient: () => client });
    const loading = store.loadRooms();
    store.clear();
    await loading;
    assert.equal(store.rooms, undefined, 'the late answer of the old account is not shown');
  });

  it('loads teams with one request and takes team spaces from the fetched list', async () => {
    const store = new SpacesStore({ getClient: () => client });
    await Promise.all([store.loadTeams(), store.loadTeams(), store.loadRooms()]);
    assert.equal(webex.requests.filter((r) => r.path === '/v1/teams').length, 1);
    const engineering = store.teams?.find((t) => t.name === SMALL.teams.engineering);
    assert.ok(engineering);
    const titles = store.teamRooms(engineering.id).map((r) => r.title);
    assert.ok(titles.includes(SMALL.rooms.backend) && titles.includes(SMALL.rooms.release), titles.join());
    assert.equal(roomRequests(), 1, 'no request per team');
    assert.equal(store.teamName(engineering.id), SMALL.teams.engineering);
  });

  it('fills despite a 429 (the client waits Retry-After and retries)', async () => {
    webex.faults.add({ match: { method: 'GET', path: '^/v1/rooms$' }, kind: 'status', status: 429, retryAfter: 1 });
    const store = new SpacesStore({ getClient: () => client });
    const rooms = await store.loadRooms();
    assert.ok(rooms.length > 0);
    assert.deepEqual(webex.requests.filter((r) => r.path === '/v1/rooms').map((r) => r.status), [429, 200]);
  });

  it('rejects with SignedOutError without a client', async () => {
    const store = new SpacesStore({ getClient: () => undefined });
    await assert.rejects(store.loadRooms(), SignedOutError);
    const members = new MembersStore(() => undefined);
    await assert.rejects(members.loadSpaceMembers('x'), SignedOutError);
  });

  it('loads members sorted by name, once for concurrent callers, and reloads on demand', async () => {
    const store = new SpacesStore({ getClient: () => client });
    const rooms = await store.loadRooms();
    const release = rooms.find((r) => r.title === SMALL.rooms.release);
    assert.ok(release);
    const members = new MembersStore(() => client);
    const keys: string[] = [];
    members.onDidChange((k) => keys.push(k ? `${k.kind}:${k.id}` : 'all'));
    const [a, b] = await Promise.all([members.loadSpaceMembers(release.id), members.loadSpaceMembers(release.id)]);
    assert.equal(a, b);
    assert.equal(webex.requests.filter((r) => r.path === '/v1/memberships').length, 1);
    assert.deepEqual(a.map((m) => m.personDisplayName), [SMALL.ada.displayName, SMALL.grace.displayName, SMALL.margaret.displayName]);
    assert.ok(a.find((m) => m.personEmail === SMALL.grace.email)?.isModerator);

    // Release Planning is moderated: Grace (its moderator) adds Barbara, as only a moderator may.
    const grace = new WebexClient({ baseUrl: webex.baseUrl, getToken: () => SMALL.grace.token });
    await grace.memberships.create({ roomId: release.id, personEmail: SMALL.barbara.email });
    await grace.close();
    await members.reload({ kind: 'space', id: release.id });
    assert.ok(members.spaceMembers(release.id)?.some((m) => m.personEmail === SMALL.barbara.email));
    assert.deepEqual(keys, [`space:${release.id}`, `space:${release.id}`]);

    const me = await client.people.me();
    assert.equal((await members.myMembership(release.id, me.id))?.personEmail, SMALL.ada.email);
  });

  it('loads team members when asked', async () => {
    const teams = await client.teams.list().toArray();
    const research = teams.find((t) => t.name === SMALL.teams.research);
    assert.ok(research);
    const members = new MembersStore(() => client);
    const list = await members.loadTeamMembers(research.id);
    assert.ok(list.some((m) => m.personEmail === SMALL.barbara.email));
    assert.ok(list.find((m) => m.personEmail === SMALL.grace.email)?.isModerator, 'the creator moderates');
  });
});
