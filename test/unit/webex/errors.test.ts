// What a user (and a support engineer) gets when something fails, what every request carries,
// and the promise that the token appears nowhere: not in errors, logs or URLs.
import * as assert from 'node:assert/strict';
import { WebexApiError, WebexInputError, hasStatus, isUnauthorized } from '../../../src/webex/errors';
import { encodeWebexId } from '../../../src/webex/ids';
import { RawServer, SMALL, makeClient, rejection, roomIdByTitle, thrown, useLocalWebex } from './harness';

function assertNoToken(token: string, ...things: unknown[]): void {
  for (const thing of things) {
    const text = typeof thing === 'string' ? thing : thing instanceof Error ? `${String(thing)}\n${thing.stack ?? ''}\n${JSON.stringify(thing)}` : JSON.stringify(thing);
    assert.ok(!text.includes(token), `token leaked into: ${text.slice(0, 200)}`);
  }
}

describe('webex client: errors, headers, logs', () => {
  const sandbox = useLocalWebex();

  it('gives status, method, path without query, the server message and its tracking id, and no token', async () => {
    const { client, log, token } = sandbox.client();
    const missing = encodeWebexId('ROOM', '00000000-0000-4000-8000-000000000000');
    const error = await rejection(client.rooms.get(missing));

    assert.ok(error instanceof WebexApiError);
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 404);
    assert.equal(error.method, 'GET');
    assert.equal(error.path, `/rooms/${missing}`);
    assert.ok(error.serverMessage && error.serverMessage.length > 0);
    assert.equal(error.message, `Webex said: ${error.serverMessage} (404 GET /rooms/${missing})`);
    assert.ok(error.trackingId);
    assert.equal(error.trackingId, log[0].trackingId, 'the tracking id the service sent');
    assert.ok(!error.trackingId.startsWith('WEBEX_VSCODE_'), 'the service’s own id, not ours');
    assertNoToken(token, error, log);
  });

  it('keeps the query (and the emails in it) out of error paths and masks personal values in the log', async () => {
    const { client, log, token } = sandbox.client();
    sandbox.webex.faults.add({ match: { method: 'GET', path: '^/people$' }, kind: 'status', status: 400 });
    const error = await rejection(client.people.list({ email: SMALL.grace.email }).toArray());
    assert.ok(error instanceof WebexApiError);
    assert.equal(error.path, '/people');
    assert.ok(!error.message.includes(SMALL.grace.email));
    assert.equal(log[0].path, '/people?email=…');

    const backend = await roomIdByTitle(client, SMALL.rooms.backend);
    await client.messages.list({ roomId: backend, max: 5, mentionedPeople: ['me'] }).first(1);
    assert.equal(log[log.length - 1].path, `/messages?roomId=${backend}&mentionedPeople=me&max=5`);
    assertNoToken(token, error, log);
  });

  it('reports a 409 with the server’s words (adding someone twice)', async () => {
    const { client } = sandbox.client();
    const backend = await roomIdByTitle(client, SMALL.rooms.backend);
    const error = await rejection(client.memberships.create({ roomId: backend, personEmail: SMALL.grace.email }));
    assert.ok(error instanceof WebexApiError);
    assert.equal(error.status, 409);
    assert.match(error.message, /^Webex said: .+ \(409 POST \/memberships\)$/);
  });

  it('tells a refused token (401) apart from other refusals and from failures without an answer', async () => {
    const { client } = sandbox.client({ token: 'token-nobody' });
    const refused = await rejection(client.people.me());
    assert.equal(isUnauthorized(refused), true);
    assert.equal(hasStatus(refused, 401, 403), true);
    assert.equal(hasStatus(refused, 403), false);
    const { client: valid } = sandbox.client();
    sandbox.webex.faults.add({ match: { method: 'GET', path: '^/people/me$' }, kind: 'status', status: 403 });
    const forbidden = await rejection(valid.people.me());
    assert.equal(isUnauthorized(forbidden), false);
    assert.equal(hasStatus(forbidden, 403), true);
    // Not an HTTP answer at all: a timeout carries no status, and plain errors are nobody's 401.
    assert.equal(isUnauthorized(new WebexApiError({ kind: 'timeout', status: 401, method: 'GET', path: '/people/me' })), false);
    assert.equal(isUnauthorized(new Error('401')), false);
  });

  it('reads an HTML error page from a proxy as a plain HTTP error, not a crash', async () => {
    const proxy = await RawServer.start((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html', TrackingID: 'PROXY_1' });
      res.end('<html><body>Bad gateway</body></html>');
    });
    try {
      const { client } = makeClient(`${proxy.origin}/v1`, 'token-x', { maxRetries: 0 });
      const error = await rejection(client.teams.get('t1'));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.kind, 'http');
      assert.equal(error.status, 502);
      assert.equal(error.serverMessage, undefined);
      assert.equal(error.trackingId, 'PROXY_1');
      assert.equal(error.message, 'Webex answered HTTP 502 (GET /teams/t1)');
      await client.close();
    } finally {
      await proxy.stop();
    }
  });

  it('sends Authorization, its own TrackingID per attempt, Accept and User-Agent; joins paths with or without a slash', async () => {
    const server = await RawServer.start((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.headers.authorization === 'Bearer secret-token-1' && server.seen.length === 1) {
        res.statusCode = 503;
        res.end(JSON.stringify({ message: 'busy secret-token-1', errors: [{ description: 'try later' }] }));
        return;
      }
      res.end(JSON.stringify({ id: 'p', emails: [], displayName: 'P' }));
    });
    try {
      for (const base of [`${server.origin}/v1`, `${server.origin}/v1/`]) {
        const { client } = makeClient(base, 'secret-token-1', { userAgent: 'webex-vscode/test' });
        await client.people.me();
        await client.close();
      }
      const [failed, retried, second] = server.seen;
      assert.deepEqual(server.seen.map((r) => r.url), ['/v1/people/me', '/v1/people/me', '/v1/people/me']);
      assert.equal(failed.headers.authorization, 'Bearer secret-token-1');
      assert.equal(failed.headers.accept, 'application/json');
      assert.equal(failed.headers['user-agent'], 'webex-vscode/test');
      const ids = [failed, retried, second].map((r) => String(r.headers.trackingid));
      for (const id of ids) {
        assert.match(id, /^WEBEX_VSCODE_[0-9a-f-]{36}_\d+$/);
      }
      assert.notEqual(ids[0], ids[1], 'a retry is a new request with a new tracking id');
    } finally {
      await server.stop();
    }
  });

  it('scrubs a token the server echoes back, and never sends a token that would break the header', async () => {
    const echo = await RawServer.start((req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `bad token ${String(req.headers.authorization)}`, errors: [{ description: String(req.headers.authorization) }] }));
    });
    try {
      const { client } = makeClient(`${echo.origin}/v1`, 'echoed-secret');
      const error = await rejection(client.people.me());
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.serverMessage, 'bad token Bearer [token]');
      assertNoToken('echoed-secret', error);

      const broken = makeClient(`${echo.origin}/v1`, 'line\nbreak-secret').client;
      const refused = await rejection(broken.people.me());
      assert.ok(refused instanceof WebexInputError);
      assertNoToken('break-secret', refused);
      assert.equal(echo.seen.length, 1);
      await client.close();
      await broken.close();
    } finally {
      await echo.stop();
    }
  });

  it('refuses a base URL that is not http(s)', () => {
    assert.ok(thrown(() => makeClient('file:///etc/v1', 't')) instanceof WebexInputError);
    assert.ok(thrown(() => makeClient('webexapis.com/v1', 't')) instanceof WebexInputError);
  });
});
