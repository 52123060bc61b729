// Retries, timeouts and cancellation against the local Webex's injected faults. Waits are recorded,
// not slept: the client asks its injected sleep, so a 15 s Retry-After costs the test nothing.
import * as assert from 'node:assert/strict';
import { WebexApiError } from '../../../src/webex/errors';
import { RawServer, SMALL, makeClient, rejection, requestsTo, roomIdByTitle, useLocalWebex } from './harness';

describe('webex client: retries, timeouts, cancellation', () => {
  const sandbox = useLocalWebex();
  const rooms = { method: 'GET', path: '^/rooms$' };

  describe('429 and 423', () => {
    it('waits Retry-After seconds and retries', async () => {
      const { client, waits, log } = sandbox.client();
      sandbox.webex.faults.add({ match: rooms, kind: 'status', status: 429, retryAfter: 3 });
      const list = await client.rooms.list().toArray();
      assert.ok(list.length > 0);
      assert.deepEqual(waits, [3000]);
      assert.deepEqual(requestsTo(sandbox.webex, 'GET', /^\/rooms$/).map((r) => r.status), [429, 200]);
      assert.deepEqual(log.map((e) => [e.status, e.attempt]), [[429, 1], [200, 2]]);
    });

    it('waits 15 s when Retry-After is missing, at least 1 s, and at most 60 s', async () => {
      const { client, waits } = sandbox.client();
      sandbox.webex.faults.add([
        { match: rooms, kind: 'status', status: 429, retryAfter: null },
        { match: rooms, kind: 'status', status: 429, retryAfter: 0 },
        { match: rooms, kind: 'status', status: 429, retryAfter: 86400 },
      ]);
      await client.rooms.list().toArray();
      assert.deepEqual(waits, [15_000, 1000, 60_000]);
    });

    it('gives up after a bounded number of tries and reports Retry-After', async () => {
      const { client, waits } = sandbox.client();
      sandbox.webex.faults.add({ match: rooms, kind: 'status', status: 429, retryAfter: 2, times: 50 });
      const error = await rejection(client.rooms.list().toArray());
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.status, 429);
      assert.equal(error.retryAfterSeconds, 2);
      assert.equal(waits.length, 4);
      assert.equal(requestsTo(sandbox.webex, 'GET', /^\/rooms$/).length, 5);
    });

    it('retries 423 Locked the same way', async () => {
      const { client, waits } = sandbox.client();
      sandbox.webex.faults.add({ match: rooms, kind: 'status', status: 423, retryAfter: 4 });
      await client.rooms.list().toArray();
      assert.deepEqual(waits, [4000]);
    });

    it('retries a rate-limited POST /messages: Webex refused it, so it is posted exactly once', async () => {
      const { client, waits } = sandbox.client();
      const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
      sandbox.webex.faults.add({ match: { method: 'POST', path: '^/messages$' }, kind: 'status', status: 429, retryAfter: 1 });
      const sent = await client.messages.create({ roomId: coffee, text: 'rate limited once' });
      assert.deepEqual(waits, [1000]);
      const inRoom = (await client.messages.list({ roomId: coffee }).toArray()).filter((m) => m.text === 'rate limited once');
      assert.deepEqual(inRoom.map((m) => m.id), [sent.id]);
    });
  });

  describe('5xx and dropped connections', () => {
    it('retries 502/503/504 for GET with jittered exponential backoff', async () => {
      const { client, waits } = sandbox.client();
      sandbox.webex.faults.add([
        { match: rooms, kind: 'status', status: 503 },
        { match: rooms, kind: 'status', status: 502 },
        { match: rooms, kind: 'status', status: 504 },
      ]);
      await client.rooms.list().toArray();
      // random() is 0.5: half of 500, 1000, 2000 ms.
      assert.deepEqual(waits, [250, 500, 1000]);
      const attempts = requestsTo(sandbox.webex, 'GET', /^\/rooms$/);
      assert.deepEqual(attempts.map((r) => r.status), [503, 502, 504, 200]);
      // Each attempt carries our own TrackingID, a new one per attempt.
      const ids = attempts.map((r) => r.clientTrackingId ?? '');
      assert.ok(ids.every((id) => /^WEBEX_VSCODE_[0-9a-f-]{36}_\d+$/.test(id)), ids.join());
      assert.equal(new Set(ids).size, 4);
    });

    it('retries a 500 on a read, but not on a PUT (the edit may be what fails)', async () => {
      const { client, waits } = sandbox.client();
      sandbox.webex.faults.add({ match: rooms, kind: 'status', status: 500 });
      assert.ok((await client.rooms.list().toArray()).length > 0);
      assert.deepEqual(requestsTo(sandbox.webex, 'GET', /^\/rooms$/).map((r) => r.status), [500, 200]);
      assert.equal(waits.length, 1);
      const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
      sandbox.webex.faults.add({ match: { method: 'PUT', path: '^/rooms/' }, kind: 'status', status: 500 });
      const error = await rejection(client.rooms.update(coffee, { title: 'Coffee' }));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.status, 500);
      assert.equal(requestsTo(sandbox.webex, 'PUT', /^\/rooms\//).length, 1);
    });

    it('stops after maxRetries and throws the last 503', async () => {
      const { client } = sandbox.client({ maxRetries: 2 });
      sandbox.webex.faults.add({ match: rooms, kind: 'status', status: 503, times: 10 });
      const error = await rejection(client.rooms.list().toArray());
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.status, 503);
      assert.equal(requestsTo(sandbox.webex, 'GET', /^\/rooms$/).length, 3);
    });

    it('does not retry POST /rooms after a 503 (it may have been created)', async () => {
      const { client, waits } = sandbox.client();
      sandbox.webex.faults.add({ match: { method: 'POST', path: '^/rooms$' }, kind: 'status', status: 503 });
      const error = await rejection(client.rooms.create({ title: 'Not twice' }));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.kind, 'http');
      assert.equal(error.status, 503);
      assert.deepEqual(waits, []);
      assert.equal(requestsTo(sandbox.webex, 'POST', /^\/rooms$/).length, 1);
    });

    it('retries a GET whose connection was dropped', async () => {
      const { client, waits } = sandbox.client();
      const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
      sandbox.webex.faults.add({ match: { method: 'GET', path: '^/rooms/' }, kind: 'drop' });
      const room = await client.rooms.get(coffee);
      assert.equal(room.title, SMALL.rooms.coffee);
      assert.equal(waits.length, 1);
      assert.deepEqual(requestsTo(sandbox.webex, 'GET', /^\/rooms\//).map((r) => r.status), [0, 200]);
    });

    it('does not resend POST /rooms after a dropped connection', async () => {
      const { client } = sandbox.client();
      sandbox.webex.faults.add({ match: { method: 'POST', path: '^/rooms$' }, kind: 'dropAfter' });
      const error = await rejection(client.rooms.create({ title: 'Created once' }));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.kind, 'network');
      assert.equal(error.status, 0);
      assert.equal(requestsTo(sandbox.webex, 'POST', /^\/rooms$/).length, 1);
      const titled = (await client.rooms.list().toArray()).filter((r) => r.title === 'Created once');
      assert.equal(titled.length, 1);
    });

    it('retries even a POST when the connection was refused (nothing was sent)', async () => {
      const closed = await RawServer.start((_req, res) => res.end());
      const origin = closed.origin;
      await closed.stop();
      const { client, waits } = makeClient(`${origin}/v1`, 'token-x', { maxRetries: 2 });
      const error = await rejection(client.rooms.create({ title: 'Nowhere' }));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.kind, 'network');
      assert.equal(error.code, 'ECONNREFUSED');
      assert.match(error.message, /Could not reach Webex \(ECONNREFUSED\) \(POST \/rooms\)/);
      assert.equal(waits.length, 2);
      await client.close();
    });

    it('takes a 404 on a retried DELETE as done: the lost first try deleted it', async () => {
      const { client } = sandbox.client();
      const room = await client.rooms.create({ title: 'Delete me' });
      sandbox.webex.faults.add({ match: { method: 'DELETE', path: '^/rooms/' }, kind: 'dropAfter' });
      await client.rooms.delete(room.id);
      assert.deepEqual(requestsTo(sandbox.webex, 'DELETE', /^\/rooms\//).map((r) => r.status), [0, 404]);
      const error = await rejection(client.rooms.get(room.id));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.status, 404);
    });
  });

  describe('timeouts and aborts', () => {
    it('times out a slow answer (kind timeout) and retries it for GET', async () => {
      const { client } = sandbox.client({ timeoutMs: 100, maxRetries: 0 });
      sandbox.webex.faults.add({ match: rooms, kind: 'delay', delayMs: 1000 });
      const error = await rejection(client.rooms.list().toArray());
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.kind, 'timeout');
      assert.equal(error.status, 0);
      assert.match(error.message, /did not answer in time \(GET \/rooms\)/);

      const retrying = sandbox.client({ timeoutMs: 100, maxRetries: 1 });
      sandbox.webex.faults.add({ match: rooms, kind: 'delay', delayMs: 1000 });
      assert.ok((await retrying.client.rooms.list().toArray()).length > 0);
      assert.equal(retrying.waits.length, 1);
    });

    it('rejects with kind aborted when the caller aborts, and does not retry', async () => {
      const { client } = sandbox.client();
      sandbox.webex.faults.add({ match: rooms, kind: 'delay', delayMs: 2000 });
      sandbox.webex.clearRequests();
      const controller = new AbortController();
      const pending = client.rooms.list({}, { signal: controller.signal }).toArray();
      setTimeout(() => controller.abort(), 50);
      const error = await rejection(pending);
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.kind, 'aborted');
      assert.equal(requestsTo(sandbox.webex, 'GET', /^\/rooms$/).length, 1);
    });

    it('sends nothing when the signal is already aborted', async () => {
      const { client } = sandbox.client();
      const error = await rejection(client.people.me({ signal: AbortSignal.abort() }));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.kind, 'aborted');
      assert.equal(sandbox.webex.requests.length, 0);
    });

    it('stops waiting for Retry-After when the caller aborts', async () => {
      const controller = new AbortController();
      const { client } = sandbox.client({
        // A sleep that never ends by itself: only the abort can end the wait.
        sleep: () => {
          controller.abort();
          return new Promise<void>(() => undefined);
        },
      });
      sandbox.webex.faults.add({ match: rooms, kind: 'status', status: 429, retryAfter: 30 });
      const error = await rejection(client.rooms.list({}, { signal: controller.signal }).toArray());
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.kind, 'aborted');
      assert.equal(requestsTo(sandbox.webex, 'GET', /^\/rooms$/).length, 1);
    });
  });

  describe('401', () => {
    it('calls onUnauthorized once and does not retry', async () => {
      const { client, unauthorized } = sandbox.client({ token: 'revoked-token' });
      const error = await rejection(client.people.me());
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.status, 401);
      assert.equal(unauthorized.length, 1);
      assert.equal(unauthorized[0], error);
      assert.equal(sandbox.webex.requests.length, 1);
    });
  });
});
