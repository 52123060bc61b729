// The local Webex's /webhooks (Webex messaging API operations "List/Create/Get/Update/Delete Webhook") and its
// signed deliveries, over real loopback HTTP.
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Webhook } from '../../../src/webex/webhooks';
import { SMALL } from '../scenarios/small';
import { LocalWebex as Sandbox } from '../server';
import { Api, allPages, decode, nextLink, startSmall, type ErrorBody, type Items } from './helpers';

/** As the API spec's Webhook, with the owner-only fields the local Webex always sets. */
type Hook = Webhook & { secret?: string; ownedBy: string };

interface Delivery {
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A plain loopback receiver that keeps every request and answers `status`. */
async function receiver(status = 200): Promise<{ url: string; got: Delivery[]; close: () => Promise<void> }> {
  const got: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    got,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

describe('sandbox: webhooks', () => {
  let webex: Sandbox;
  let ada: Api;

  beforeEach(async () => {
    webex = await startSmall();
    ada = new Api(webex);
  });
  afterEach(() => webex.stop());

  const create = (body: Record<string, unknown>, as: Api = ada) => as.post<Hook & ErrorBody>('/webhooks', body);

  it('creates, gets, lists, updates and deletes a webhook of the API spec’s shape', async () => {
    const made = await create({ name: ' Mine ', targetUrl: 'https://example.com/hook', resource: 'messages', event: 'created', secret: 's3cret' });
    assert.equal(made.status, 200);
    assert.ok(made.headers.get('trackingid'));
    assert.match(decode(made.body.id), /^ciscospark:\/\/us\/WEBHOOK\//);
    assert.deepEqual(
      { ...made.body, id: undefined, created: undefined },
      { id: undefined, created: undefined, name: 'Mine', targetUrl: 'https://example.com/hook', resource: 'messages', event: 'created', secret: 's3cret', status: 'active', ownedBy: 'creator' },
    );
    assert.ok(!Number.isNaN(Date.parse(made.body.created)));
    assert.deepEqual((await ada.get<Hook>(`/webhooks/${made.body.id}`)).body, made.body);
    const list = await ada.get<Items<Hook>>('/webhooks');
    assert.deepEqual(list.body.items.map((w) => w.id), [made.body.id]);

    const put = await ada.put<Hook>(`/webhooks/${made.body.id}`, { name: 'Renamed', targetUrl: 'https://example.com/other' });
    assert.equal(put.status, 200);
    assert.equal(put.body.name, 'Renamed');
    assert.equal(put.body.targetUrl, 'https://example.com/other');
    assert.equal(put.body.secret, 's3cret');

    assert.equal((await ada.delete(`/webhooks/${made.body.id}`)).status, 204);
    assert.equal((await ada.get(`/webhooks/${made.body.id}`)).status, 404);
  });

  it('answers the API spec’s 400s and 404s with Webex’s error body', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ targetUrl: 'https://example.com', resource: 'messages', event: 'created' }, /name cannot be null/],
      [{ name: 'x', resource: 'messages', event: 'created' }, /targetUrl cannot be null/],
      [{ name: 'x', targetUrl: 'ftp://example.com', resource: 'messages', event: 'created' }, /http or https/],
      [{ name: 'x', targetUrl: 'https://example.com', resource: 'spaces', event: 'created' }, /Invalid resource/],
      [{ name: 'x', targetUrl: 'https://example.com', resource: 'messages', event: 'exploded' }, /Invalid event/],
      [{ name: 'x', targetUrl: 'https://example.com', resource: 'attachmentActions', event: 'deleted' }, /no event 'deleted'/],
      [{ name: 'x', targetUrl: 'https://example.com', resource: 'rooms', event: 'created', filter: 'roomId=abc' }, /filter key 'roomId'/],
      [{ name: 'x', targetUrl: 'https://example.com', resource: 'messages', event: 'created', filter: 'hasFiles=maybe' }, /true or false/],
    ];
    for (const [body, message] of cases) {
      const r = await create(body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(r.body.message, message);
      assert.deepEqual(r.body.errors, [{ description: r.body.message }]);
      assert.equal(r.body.trackingId, r.headers.get('trackingid'));
    }
    // A space the owner is not in cannot be a filter (developer.webex.com/docs/api/guides/webhooks).
    const grace = ada.as(SMALL.grace.token);
    const other = await ada.as(SMALL.alan.token).roomId(SMALL.rooms.secret);
    const r = await create({ name: 'x', targetUrl: 'https://example.com', resource: 'messages', event: 'created', filter: `roomId=${other}` });
    assert.equal(r.status, 400);
    assert.equal(r.body.message, 'invalid value for filter roomId');

    const made = await create({ name: 'x', targetUrl: 'https://example.com', resource: 'messages', event: 'created' });
    assert.equal((await ada.put(`/webhooks/${made.body.id}`, { name: 'x' })).status, 400, 'targetUrl is required on PUT');
    assert.equal((await ada.put(`/webhooks/${made.body.id}`, { name: 'x', targetUrl: 'https://example.com', status: 'inactive' })).status, 400);
    // Somebody else's webhook is not found, like a missing one; a malformed id is a 400.
    assert.equal((await grace.get(`/webhooks/${made.body.id}`)).status, 404);
    assert.equal((await grace.delete(`/webhooks/${made.body.id}`)).status, 404);
    assert.equal((await ada.get('/webhooks/not-an-id!')).status, 400);
  });

  it('pages the list with Link: rel="next", oldest first', async () => {
    for (let i = 0; i < 5; i++) {
      await create({ name: `hook ${i}`, targetUrl: 'https://example.com', resource: 'all', event: 'all' });
    }
    const first = await ada.get<Items<Hook>>('/webhooks?max=2');
    assert.equal(first.body.items.length, 2);
    assert.ok(nextLink(first));
    const all = await allPages<Hook>(ada, '/webhooks?max=2');
    assert.equal(all.pages, 3);
    assert.deepEqual(all.items.map((w) => w.name), ['hook 0', 'hook 1', 'hook 2', 'hook 3', 'hook 4']);
  });

  it('delivers a signed envelope to a loopback target when a message is posted', async () => {
    const target = await receiver();
    try {
      const roomId = await ada.roomId(SMALL.rooms.backend);
      const hook = await create({ name: 'Backend', targetUrl: target.url, resource: 'messages', event: 'created', filter: `roomId=${roomId}`, secret: 'k' });
      const grace = ada.as(SMALL.grace.token);
      const posted = await grace.ok<{ id: string }>('/messages', 'POST', { roomId, text: 'secret plans' });
      await grace.ok('/messages', 'POST', { roomId: await grace.roomId(SMALL.rooms.release), text: 'elsewhere' });
      await webex.webhooks.idle();
      assert.equal(target.got.length, 1, 'only the filtered space');
      const [delivery] = target.got;
      const expected = createHmac('sha1', 'k').update(delivery.body).digest('hex');
      assert.equal(delivery.headers['x-spark-signature'], expected);
      const envelope = JSON.parse(delivery.body.toString('utf8')) as Record<string, unknown>;
      const graceId = (await grace.ok<{ id: string }>('/people/me')).id;
      assert.deepEqual(Object.keys(envelope).sort(), ['actorId', 'appId', 'created', 'createdBy', 'data', 'event', 'filter', 'id', 'name', 'orgId', 'ownedBy', 'resource', 'status', 'targetUrl']);
      assert.equal(envelope.id, hook.body.id);
      assert.equal(envelope.actorId, graceId);
      const data = envelope.data as Record<string, unknown>;
      assert.equal(data.id, posted.id);
      assert.equal(data.roomId, roomId);
      assert.equal(data.personEmail, SMALL.grace.email);
      assert.ok(!delivery.body.toString('utf8').includes('secret plans'), 'no text in the envelope');
      assert.deepEqual(webex.webhooks.records.map((r) => [r.contacted, r.status]), [[true, 200]]);
    } finally {
      await target.close();
    }
  });

  it('records a delivery to another host and never contacts it', async () => {
    await create({ name: 'Out', targetUrl: 'https://hooks.example.com/x', resource: 'messages', event: 'all' });
    await ada.ok('/messages', 'POST', { roomId: await ada.roomId(SMALL.rooms.notes), text: 'hi' });
    await webex.webhooks.idle();
    assert.equal(webex.webhooks.records.length, 1);
    const [record] = webex.webhooks.records;
    assert.equal(record.contacted, false);
    assert.equal(record.status, 0);
    assert.equal(record.targetUrl, 'https://hooks.example.com/x');
    assert.match(record.error ?? '', /not contacted/);
  });

  it('the firehose follows rooms, memberships and messages as they happen', async () => {
    const target = await receiver();
    try {
      await create({ name: 'Firehose', targetUrl: target.url, resource: 'all', event: 'all', secret: 'f' });
      const room = await ada.ok<{ id: string }>('/rooms', 'POST', { title: 'Launch' });
      await ada.ok('/rooms/' + room.id, 'PUT', { title: 'Launch 2' });
      const m = await ada.ok<{ id: string }>('/memberships', 'POST', { roomId: room.id, personEmail: SMALL.grace.email });
      const msg = await ada.ok<{ id: string }>('/messages', 'POST', { roomId: room.id, text: 'one' });
      await ada.ok('/messages/' + msg.id, 'PUT', { roomId: room.id, text: 'two' });
      assert.equal((await ada.delete('/messages/' + msg.id)).status, 204);
      assert.equal((await ada.delete('/memberships/' + m.id)).status, 204);
      assert.equal((await ada.delete('/rooms/' + room.id)).status, 204);
      await webex.webhooks.idle();
      const seen = target.got.map((d) => {
        const e = JSON.parse(d.body.toString('utf8')) as { resource: string; event: string };
        return `${e.resource}:${e.event}`;
      });
      assert.deepEqual(seen, [
        'rooms:created', 'memberships:created', 'rooms:updated', 'memberships:created', 'messages:created',
        'messages:updated', 'messages:deleted', 'memberships:deleted', 'rooms:deleted',
      ]);
    } finally {
      await target.close();
    }
  });

  it('filters: mentionedPeople=me and personEmail; a bot hears only what mentions it', async () => {
    const target = await receiver();
    try {
      const roomId = await ada.roomId(SMALL.rooms.backend);
      await create({ name: 'Mentions', targetUrl: target.url, resource: 'messages', event: 'created', filter: 'mentionedPeople=me' });
      const bot = ada.as(SMALL.bot.token);
      await create({ name: 'Bot', targetUrl: target.url, resource: 'messages', event: 'created' }, bot);
      const grace = ada.as(SMALL.grace.token);
      await grace.ok('/messages', 'POST', { roomId, text: 'nobody' });
      await grace.ok('/messages', 'POST', { roomId, markdown: `<@personEmail:${SMALL.ada.email}|Ada> look` });
      await grace.ok('/messages', 'POST', { roomId, markdown: `<@personEmail:${SMALL.bot.email}|Build Bot> build` });
      await webex.webhooks.idle();
      const names = target.got.map((d) => (JSON.parse(d.body.toString('utf8')) as { name: string }).name).sort();
      assert.deepEqual(names, ['Bot', 'Mentions']);
    } finally {
      await target.close();
    }
  });

  it('100 failed deliveries make a webhook inactive until a PUT with status active', async () => {
    const target = await receiver(500);
    try {
      const settings = await fetch(`${webex.origin}/_sandbox/webhooks/settings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ failureThreshold: 3 }),
      });
      assert.equal(settings.status, 200);
      const hook = await create({ name: 'Flaky', targetUrl: target.url, resource: 'messages', event: 'created' });
      const roomId = await ada.roomId(SMALL.rooms.notes);
      for (let i = 0; i < 4; i++) {
        await ada.ok('/messages', 'POST', { roomId, text: `m${i}` });
        await webex.webhooks.idle();
      }
      assert.equal(target.got.length, 3, 'the fourth is not delivered: the webhook is inactive');
      assert.equal((await ada.get<Hook>(`/webhooks/${hook.body.id}`)).body.status, 'inactive');
      const again = await ada.put<Hook>(`/webhooks/${hook.body.id}`, { name: 'Flaky', targetUrl: target.url, status: 'active' });
      assert.equal(again.body.status, 'active');
      // Within the window the next failure disables it again (developer.webex.com/docs/api/guides/webhooks).
      await ada.ok('/messages', 'POST', { roomId, text: 'after' });
      await webex.webhooks.idle();
      assert.equal(target.got.length, 4);
      assert.equal((await ada.get<Hook>(`/webhooks/${hook.body.id}`)).body.status, 'inactive');
      const deliveries = (await (await fetch(`${webex.origin}/_sandbox/webhooks/deliveries`)).json()) as Items<{ status: number }>;
      assert.deepEqual(deliveries.items.map((d) => d.status), [500, 500, 500, 500]);
    } finally {
      await target.close();
    }
  });

  it('the default threshold is Webex’s 100 within 5 minutes', () => {
    assert.deepEqual({ ...webex.webhooks.settings, timeoutMs: undefined }, { failureThreshold: 100, failureWindowMs: 300_000, timeoutMs: undefined });
  });
});
