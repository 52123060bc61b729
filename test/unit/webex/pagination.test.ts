// Lists against the local Webex: Link pagination, early stops, and the repair of Webex's broken next links.
import * as assert from 'node:assert/strict';
import { WebexApiError } from '../../../src/webex/errors';
import { RawServer, SMALL, makeClient, rejection, requestsTo, roomIdByTitle, useLocalWebex } from './harness';

describe('webex client: lists', () => {
  const sandbox = useLocalWebex();

  it('follows rel="next" across pages and keeps the page size', async () => {
    const { client } = sandbox.client();
    const all = await client.rooms.list({ max: 1000 }).toArray();
    assert.ok(all.length >= 7, 'the small scenario gives Ada several spaces');
    sandbox.webex.clearRequests();

    const paged = await client.rooms.list({ max: 2 }).toArray();

    assert.deepEqual(paged.map((r) => r.id), all.map((r) => r.id));
    const requests = requestsTo(sandbox.webex, 'GET', /^\/rooms$/);
    assert.equal(requests.length, Math.ceil(all.length / 2));
    assert.ok(requests.every((r) => r.query.max === '2' && r.status === 200));
    assert.ok(requests.slice(1).every((r) => r.query.after !== undefined), 'later pages carry the cursor');
  });

  it('stops fetching as soon as the caller stops', async () => {
    const { client } = sandbox.client();
    let seen = 0;
    for await (const room of client.rooms.list({ max: 2 })) {
      assert.ok(room.id);
      if (++seen === 3) {
        break;
      }
    }
    assert.equal(requestsTo(sandbox.webex, 'GET', /^\/rooms$/).length, 2);

    sandbox.webex.clearRequests();
    const firstThree = await client.rooms.list({ max: 2 }).first(3);
    assert.equal(firstThree.length, 3);
    assert.equal(requestsTo(sandbox.webex, 'GET', /^\/rooms$/).length, 2);

    sandbox.webex.clearRequests();
    assert.deepEqual(await client.rooms.list({ max: 2 }).first(0), []);
    assert.equal(sandbox.webex.requests.length, 0, 'first(0) and an unused list fetch nothing');
  });

  it('lets a view keep the pages iterator and load more later', async () => {
    const { client } = sandbox.client();
    const pages = client.rooms.list({ max: 3 }).pages();
    const first = await pages.next();
    assert.ok(!first.done);
    assert.equal(first.value.length, 3);
    assert.equal(requestsTo(sandbox.webex, 'GET', /^\/rooms$/).length, 1);

    const more = await pages.next();
    assert.ok(!more.done);
    assert.notDeepEqual(more.value.map((r) => r.id), first.value.map((r) => r.id));
    assert.equal(requestsTo(sandbox.webex, 'GET', /^\/rooms$/).length, 2);
  });

  it('strips max=null from a next link and sends the page size again', async () => {
    const { client } = sandbox.client();
    const expected = (await client.rooms.list({ max: 1000 }).toArray()).length;
    sandbox.webex.clearRequests();
    sandbox.webex.faults.add({ match: { method: 'GET', path: '^/rooms$' }, kind: 'dropNextParams', times: 100 });

    const rooms = await client.rooms.list({ max: 3 }).toArray();

    assert.equal(rooms.length, expected);
    const requests = requestsTo(sandbox.webex, 'GET', /^\/rooms$/);
    assert.ok(requests.length > 1);
    assert.ok(requests.every((r) => r.query.max === '3' && r.status === 200), JSON.stringify(requests.map((r) => r.query)));
  });

  it('re-adds mentionedPeople when the next link drops it, so a bot gets page 2 (WebexPythonSDK issue #168)', async () => {
    const alan = sandbox.client({ token: SMALL.alan.token }).client;
    const alerts = await roomIdByTitle(alan, SMALL.rooms.alerts);
    for (const n of [1, 2, 3]) {
      await alan.messages.create({ roomId: alerts, markdown: `<@personEmail:${SMALL.bot.email}> status ${n}` });
    }
    const bot = sandbox.client({ token: SMALL.bot.token }).client;
    sandbox.webex.clearRequests();
    sandbox.webex.faults.add({ match: { method: 'GET', path: '^/messages$' }, kind: 'dropNextParams', times: 100 });

    const mentions = await bot.messages.list({ roomId: alerts, mentionedPeople: ['me'], max: 1 }).toArray();

    const me = await bot.people.me();
    assert.equal(mentions.length, 4, 'three new mentions and the one in the scenario');
    assert.ok(mentions.every((m) => m.mentionedPeople?.includes(me.id)));
    const requests = requestsTo(sandbox.webex, 'GET', /^\/messages$/);
    assert.equal(requests.length, 4);
    assert.ok(requests.every((r) => r.query.mentionedPeople === 'me' && r.query.max === '1' && r.status === 200));
  });

  it('lists group messages for a bot only with mentionedPeople=me (developer.webex.com "Bots")', async () => {
    const bot = sandbox.client({ token: SMALL.bot.token }).client;
    const backend = await roomIdByTitle(bot, SMALL.rooms.backend);
    const mentions = await bot.messages.list({ roomId: backend, mentionedPeople: ['me'] }).toArray();
    assert.deepEqual(mentions.map((m) => m.markdown), [`<@personEmail:${SMALL.bot.email}> deploy staging`]);

    const error = await rejection(bot.messages.list({ roomId: backend }).toArray());
    assert.ok(error instanceof WebexApiError);
    assert.equal(error.status, 403);
  });

  it('lists messages newest first across pages, each page continuing before the last one', async () => {
    const { client } = sandbox.client();
    const backend = await roomIdByTitle(client, SMALL.rooms.backend);
    const all = await client.messages.list({ roomId: backend, max: 3 }).toArray();
    const created = all.map((m) => Date.parse(m.created));
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
    assert.equal(new Set(all.map((m) => m.id)).size, all.length, 'no message twice');
  });

  it('reports a cut-off or HTML list body as malformed instead of crashing', async () => {
    const { client } = sandbox.client();
    sandbox.webex.faults.add({ match: { method: 'GET', path: '^/rooms$' }, kind: 'malformed' });
    const truncated = await rejection(client.rooms.list().toArray());
    assert.ok(truncated instanceof WebexApiError);
    assert.equal(truncated.kind, 'malformed');
    assert.equal(truncated.status, 200);
    assert.match(truncated.message, /not JSON .*GET \/rooms/);

    sandbox.webex.faults.add({ match: { method: 'GET', path: '^/rooms$' }, kind: 'malformed', body: 'html' });
    const html = await rejection(client.rooms.list().toArray());
    assert.ok(html instanceof WebexApiError);
    assert.equal(html.kind, 'malformed');
    assert.match(html.message, /text\/html/);
  });

  it('treats a list body without an items array as malformed, and never follows a next link to another host', async () => {
    const elsewhere = await RawServer.start((_req, res) => res.end('{"items":[]}'));
    const fake = await RawServer.start((req, res, origin) => {
      if (req.url?.startsWith('/v1/teams')) {
        res.setHeader('Content-Type', 'application/json');
        res.end('{"teams":[]}');
        return;
      }
      // Page 1 of rooms links to page 2 on another host: following it would hand that host the token.
      res.setHeader('Link', `<${elsewhere.origin}/v1/rooms?after=x>; rel="next", <${origin}/v1/rooms>; rel="first"`);
      res.setHeader('Content-Type', 'application/json');
      res.end('{"items":[{"id":"r1","title":"One"}]}');
    });
    try {
      const { client } = makeClient(`${fake.origin}/v1/`, 'token-x');
      const noItems = await rejection(client.teams.list().toArray());
      assert.ok(noItems instanceof WebexApiError);
      assert.equal(noItems.kind, 'malformed');
      assert.match(noItems.message, /items/);

      const pages = client.rooms.list().pages();
      const firstPage = await pages.next();
      assert.ok(!firstPage.done);
      assert.equal(firstPage.value.length, 1);
      const offsite = await rejection(pages.next());
      assert.ok(offsite instanceof WebexApiError);
      assert.equal(offsite.kind, 'malformed');
      assert.match(offsite.message, /not followed/);
      assert.equal(elsewhere.seen.length, 0);
      await client.close();
    } finally {
      await fake.stop();
      await elsewhere.stop();
    }
  });
});
