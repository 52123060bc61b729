import * as assert from 'node:assert/strict';
import type { LocalWebex, RequestRecord, SandboxPerson } from '../server';
import { SMALL, generateScenario } from '../scenario';
import type { Room } from '../../../src/webex/types';
import { Api, type Items, smallWithAda } from './helpers';

describe('sandbox: request log and /_sandbox control endpoints', () => {
  let webex: LocalWebex;
  let ada: Api;

  beforeEach(async () => ({ webex, ada } = await smallWithAda()));
  afterEach(() => webex.stop());

  const control = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; tracking: string | null }> => {
    const res = await fetch(`${webex.origin}/_sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined, tracking: res.headers.get('trackingid') };
  };

  it('logs method, path, query, status and who asked, never the token', async () => {
    await ada.get('/rooms?max=2&sortBy=id');
    await ada.as(null).get('/people/me');
    assert.deepEqual(webex.requests, [
      { method: 'GET', path: '/v1/rooms', query: { max: '2', sortBy: 'id' }, status: 200, personEmail: SMALL.ada.email },
      { method: 'GET', path: '/v1/people/me', query: {}, status: 401 },
    ]);
    assert.ok(!JSON.stringify(webex.requests).includes('token-'));
    webex.clearRequests();
    assert.deepEqual(webex.requests, []);
  });

  it('logs the client’s own TrackingID header', async () => {
    await ada.call('GET', '/people/me', undefined, { TrackingID: 'webex-vscode_1234' });
    assert.equal(webex.requests[0].clientTrackingId, 'webex-vscode_1234');
  });

  it('GET and DELETE /_sandbox/requests', async () => {
    await ada.get('/people/me');
    const got = await control('GET', 'requests');
    assert.equal(got.status, 200);
    assert.ok(got.tracking);
    const items = (got.json as Items<RequestRecord>).items;
    assert.deepEqual(items.map((r) => r.path), ['/v1/people/me'], 'control requests are not logged');
    assert.equal((await control('DELETE', 'requests')).status, 204);
    assert.deepEqual(webex.requests, []);
  });

  it('POST /_sandbox/faults takes a rule or a list; DELETE clears them', async () => {
    assert.equal((await control('POST', 'faults', { kind: 'status', status: 503 })).status, 200);
    assert.equal((await control('POST', 'faults', [{ kind: 'status', status: 429 }, { kind: 'status', status: 500 }])).status, 200);
    assert.equal((await ada.get('/people/me')).status, 503);
    assert.equal((await ada.get('/people/me')).status, 429);
    assert.equal((await control('DELETE', 'faults')).status, 204);
    assert.equal((await ada.get('/people/me')).status, 200);
    assert.equal((await control('POST', 'faults', { kind: 'nonsense' })).status, 400);
  });

  it('GET /_sandbox/people lists people with their tokens', async () => {
    const r = await control('GET', 'people');
    const people = (r.json as Items<SandboxPerson>).items;
    const adaRow = people.find((p) => p.email === SMALL.ada.email);
    assert.equal(adaRow?.token, SMALL.ada.token);
    assert.equal(people.find((p) => p.email === SMALL.bot.email)?.type, 'bot');
  });

  it('POST /_sandbox/reset restores the scenario, or loads the one given', async () => {
    await ada.post('/rooms', { title: 'Temporary' });
    assert.equal((await control('POST', 'reset')).status, 204);
    const rooms = await ada.ok<Items<Room>>('/rooms');
    assert.ok(!rooms.items.some((r) => r.title === 'Temporary'));
    const big = generateScenario({ spaces: 30, teams: 3, messagesInBusySpace: 5, seed: 7 });
    assert.equal((await control('POST', 'reset', big)).status, 204);
    assert.equal((await ada.ok<Items<Room>>('/rooms')).items.length, 30);
    assert.equal((await ada.as(SMALL.grace.token).get('/people/me')).status, 401, 'Grace is not in that scenario');
    webex.reset();
    assert.equal((await ada.ok<Items<Room>>('/rooms')).items.length, 30, 'reset() goes back to the last scenario loaded');
  });

  it('never hands out an id twice, not even after a reset', async () => {
    const coffee = await ada.roomId(SMALL.rooms.coffee);
    const first = await ada.ok<{ id: string }>('/messages', 'POST', { roomId: coffee, text: 'one' });
    webex.reset();
    const second = await ada.ok<{ id: string }>('/messages', 'POST', { roomId: coffee, text: 'one' });
    assert.notEqual(second.id, first.id);
    assert.equal(await ada.roomId(SMALL.rooms.coffee), coffee, 'scenario ids stay the same');
  });

  it('answers 404 for an unknown control endpoint', async () => {
    assert.equal((await control('GET', 'nothing')).status, 404);
  });
});
