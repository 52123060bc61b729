import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import type { LocalWebex } from '../server';
import { SMALL } from '../scenario';
import type { Message, Room } from '../../../src/webex/types';
import { Api, type Items, nextLink, smallWithAda } from './helpers';

describe('sandbox: faults', () => {
  let webex: LocalWebex;
  let ada: Api;

  beforeEach(async () => ({ webex, ada } = await smallWithAda()));
  afterEach(() => webex.stop());

  it('status 429 sends Retry-After (default 1, or the given seconds) and the error body, once', async () => {
    webex.faults.add({ kind: 'status', status: 429 });
    const first = await ada.get('/rooms');
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '1');
    assert.equal(first.body.trackingId, first.headers.get('trackingid'));
    assert.equal(first.body.errors[0].description, first.body.message);
    assert.equal((await ada.get('/rooms')).status, 200, 'times defaults to 1');
    webex.faults.add({ kind: 'status', status: 429, retryAfter: 7 });
    assert.equal((await ada.get('/rooms')).headers.get('retry-after'), '7');
  });

  it('status 429 with retryAfter null sends no Retry-After', async () => {
    webex.faults.add({ kind: 'status', status: 429, retryAfter: null });
    const r = await ada.get('/rooms');
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), null);
  });

  for (const status of [423, 500, 502, 503, 504]) {
    it(`status ${status} answers a real-looking error body`, async () => {
      webex.faults.add({ kind: 'status', status, times: 2 });
      for (let i = 0; i < 2; i++) {
        const r = await ada.get('/people/me');
        assert.equal(r.status, status);
        assert.ok(r.body.message.length > 0);
      }
      assert.equal((await ada.get('/people/me')).status, 200);
    });
  }

  it('matches by method and path (with or without /v1), in order', async () => {
    webex.faults.add([
      { match: { method: 'POST', path: '^/messages$' }, kind: 'status', status: 503 },
      { match: { path: '^/v1/rooms' }, kind: 'status', status: 502 },
    ]);
    assert.equal((await ada.get('/people/me')).status, 200);
    const backend = await ada.roomId(SMALL.rooms.backend).catch(() => '');
    assert.equal(backend, '', 'GET /v1/rooms hit the 502');
    const id = await ada.roomId(SMALL.rooms.backend);
    assert.equal((await ada.get(`/messages?roomId=${id}`)).status, 200, 'GET does not match a POST rule');
    assert.equal((await ada.post('/messages', { roomId: id, text: 'x' })).status, 503);
    assert.deepEqual(webex.faults.pending, []);
  });

  it('delay waits, then answers normally', async () => {
    webex.faults.add({ kind: 'delay', delayMs: 50 });
    const r = await ada.get('/people/me');
    assert.equal(r.status, 200);
    assert.equal(webex.requests[0].fault, 'delay');
  });

  it('delay then status: the delay is applied and the status answers', async () => {
    webex.faults.add([{ kind: 'delay', delayMs: 10 }, { kind: 'status', status: 503 }]);
    assert.equal((await ada.get('/people/me')).status, 503);
    assert.deepEqual(webex.faults.pending, []);
  });

  it('delay on POST /messages: a client that gives up after sending still delivered its message', async () => {
    const roomId = await ada.roomId(SMALL.rooms.coffee);
    webex.clearRequests();
    webex.faults.add({ match: { method: 'POST', path: '/messages' }, kind: 'delay', delayMs: 200 });
    const body = JSON.stringify({ roomId, text: 'sent before the timeout' });
    // node:http writes the headers and this small body in one go, so once the server has logged the
    // request it has the body too; then the client gives up, as on a timeout.
    const req = request(`${webex.baseUrl}/messages`, {
      method: 'POST',
      agent: false,
      headers: { Authorization: `Bearer ${SMALL.ada.token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    });
    const failed = new Promise<void>((resolve) => req.on('error', () => resolve()));
    req.end(body);
    for (let i = 0; i < 400 && webex.requests.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    req.destroy();
    await failed;
    let found = 0;
    for (let i = 0; i < 400 && found === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      const { items } = await ada.ok<Items<Message>>(`/messages?roomId=${roomId}&max=5`);
      found = items.filter((m) => m.text === 'sent before the timeout').length;
    }
    assert.equal(found, 1);
    assert.equal(webex.requests[0].status, 0, 'the client saw no answer');
  });

  it('drop closes the connection without an answer', async () => {
    webex.faults.add({ kind: 'drop' });
    await assert.rejects(ada.get('/people/me'));
    assert.equal(webex.requests[0].status, 0);
    assert.equal((await ada.get('/people/me')).status, 200);
  });

  it('dropAfter on POST /messages creates the message exactly once, then drops', async () => {
    const roomId = await ada.roomId(SMALL.rooms.coffee);
    webex.faults.add({ match: { method: 'POST', path: '/messages' }, kind: 'dropAfter' });
    await assert.rejects(ada.post('/messages', { roomId, text: 'did it arrive?' }));
    const { items } = await ada.ok<Items<Message>>(`/messages?roomId=${roomId}`);
    assert.equal(items.filter((m) => m.text === 'did it arrive?').length, 1);
  });

  it('malformed answers 200 with a cut-off JSON body, or an HTML page', async () => {
    webex.faults.add({ kind: 'malformed' });
    const r = await fetch(`${webex.baseUrl}/rooms`, { headers: { Authorization: `Bearer ${SMALL.ada.token}` } });
    assert.equal(r.status, 200);
    const text = await r.text();
    assert.throws(() => JSON.parse(text) as unknown);
    webex.faults.add({ kind: 'malformed', body: 'html' });
    const html = await fetch(`${webex.baseUrl}/rooms`, { headers: { Authorization: `Bearer ${SMALL.ada.token}` } });
    assert.equal(html.headers.get('content-type'), 'text/html');
    assert.match(await html.text(), /^<html>/);
  });

  it('dropNextParams drops mentionedPeople and says max=null in the next link (WebexPythonSDK issue #168)', async () => {
    const bot = ada.as(SMALL.bot.token);
    const alerts = await bot.roomId(SMALL.rooms.alerts);
    for (let i = 0; i < 3; i++) {
      await ada.post('/messages', { roomId: alerts, markdown: `<@personEmail:${SMALL.bot.email}> ping ${i}` });
    }
    webex.faults.add({ kind: 'dropNextParams' });
    const first = await bot.get<Items<Message>>(`/messages?roomId=${alerts}&mentionedPeople=me&max=2`);
    assert.equal(first.status, 200);
    const next = new URL(nextLink(first) ?? '');
    assert.equal(next.searchParams.get('mentionedPeople'), null);
    assert.equal(next.searchParams.get('max'), 'null');
    assert.ok(next.searchParams.get('beforeMessage'));
    assert.equal((await bot.get(next.href)).status, 400, 'max=null is not a number');
    next.searchParams.delete('max');
    assert.equal((await bot.get(next.href)).status, 403, 'without mentionedPeople the bot is refused (WebexPythonSDK issues #84/#85)');
    next.searchParams.set('mentionedPeople', 'me');
    assert.equal((await bot.get(next.href)).status, 200, 'a client that re-adds it goes on');
  });

  it('random faults are seeded: the same seed gives the same statuses', async () => {
    const rule = { kind: 'random' as const, rate: 0.5, seed: 42, kinds: [{ kind: 'status' as const, status: 503 }] };
    const run = async (): Promise<number[]> => {
      webex.faults.clear();
      webex.faults.add(rule);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        statuses.push((await ada.get('/people/me')).status);
      }
      return statuses;
    };
    const a = await run();
    const b = await run();
    assert.deepEqual(a, b);
    assert.ok(a.includes(503) && a.includes(200), `a mix at rate 0.5: ${a.join(',')}`);
    webex.faults.clear();
    webex.faults.add({ kind: 'random', rate: 0, seed: 1 });
    assert.equal((await ada.get('/people/me')).status, 200);
  });

  it('faults come before authentication and are logged', async () => {
    webex.faults.add({ kind: 'status', status: 503 });
    assert.equal((await ada.as(null).get('/rooms')).status, 503);
    assert.deepEqual(
      webex.requests.map((r) => [r.method, r.path, r.status, r.fault]),
      [['GET', '/v1/rooms', 503, 'status']],
    );
  });

  it('rejects a rule it does not understand', () => {
    assert.throws(() => webex.faults.add({ kind: 'explode' } as unknown as Parameters<typeof webex.faults.add>[0]));
    assert.throws(() => webex.faults.add({ kind: 'status' }));
  });

  it('keeps working after faults on a created room', async () => {
    webex.faults.add({ kind: 'dropAfter' });
    await assert.rejects(ada.post('/rooms', { title: 'Made in the dark' }));
    const { items } = await ada.ok<Items<Room>>('/rooms');
    assert.ok(items.some((r) => r.title === 'Made in the dark'));
  });
});
