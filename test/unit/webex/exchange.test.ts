// The API console's one-shot exchange against the local Webex: any status comes back as it is,
// nothing is retried, the client's own headers cannot be replaced, and other origins are refused.
import * as assert from 'node:assert/strict';
import { RawServer, SMALL, makeClient, rejection, requestsTo, useLocalWebex } from './harness';
import { SHOWN_BODY_LIMIT, formatResponse } from '../../../src/services/console/responseText';

describe('webex client: exchange (API console)', () => {
  const sandbox = useLocalWebex();
  const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

  it('answers 200 with the page and its Link next', async () => {
    const { client } = sandbox.client();
    const r = await client.exchange({ method: 'GET', url: new URL(`${sandbox.webex.baseUrl}/rooms?max=1`) });
    assert.equal(r.status, 200);
    assert.equal((JSON.parse(dec(r.body)) as { items: unknown[] }).items.length, 1);
    assert.match(r.headers.get('link') ?? '', /rel="next"/);
    assert.ok(r.trackingId);
  });

  it('gives a 400 and a 429 back as they are, once, without waiting', async () => {
    const { client, waits } = sandbox.client();
    const missing = await client.exchange({ method: 'GET', url: new URL(`${sandbox.webex.baseUrl}/rooms/nope`) });
    assert.equal(missing.status, 400, 'a malformed id');
    assert.match(dec(missing.body), /"message"/);
    sandbox.webex.faults.add({ match: { method: 'POST', path: '^/rooms$' }, kind: 'status', status: 429, retryAfter: 9 });
    const limited = await client.exchange({ method: 'POST', url: new URL(`${sandbox.webex.baseUrl}/rooms`), text: '{"title":"once"}', headers: { 'Content-Type': 'application/json' } });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '9');
    assert.deepEqual(waits, []);
    assert.equal(requestsTo(sandbox.webex, 'POST', /^\/rooms$/).length, 1);
  });

  it('sends the body as written and keeps its own Authorization whatever the headers say', async () => {
    const { client } = sandbox.client();
    const r = await client.exchange({
      method: 'POST',
      url: new URL(`${sandbox.webex.baseUrl}/rooms`),
      text: '{"title":"From the console"}',
      headers: { 'content-type': 'application/json', Authorization: `Bearer ${SMALL.grace.token}` },
    });
    assert.equal(r.status, 200);
    const room = JSON.parse(dec(r.body)) as { creatorId: string; title: string };
    assert.equal(room.title, 'From the console');
    const me = await client.people.me();
    assert.equal(room.creatorId, me.id, 'created as the client’s own identity');
  });

  it('refuses a URL on another origin before sending anything', async () => {
    const { client, log } = sandbox.client();
    const error = await rejection(client.exchange({ method: 'GET', url: new URL('http://127.0.0.2:1/v1/rooms') }));
    assert.match(String(error), /go only to/);
    assert.deepEqual(log, []);
  });
});

describe('webex client: a 50 MB answer in the API console', () => {
  it('comes back whole, and the response document shows only its start with a way to save it', async function () {
    this.timeout(60_000);
    const size = 50 * 1024 * 1024;
    const chunk = Buffer.from(`{"id":"${'x'.repeat(1000)}"},`);
    const server = await RawServer.start((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', TrackingID: 'BIG_1' });
      res.write('{"items":[');
      let sent = 10;
      while (sent + chunk.length < size) {
        res.write(chunk);
        sent += chunk.length;
      }
      res.end('{"id":"last"}]}');
    });
    const { client } = makeClient(`${server.origin}/v1`, 'token-ada');
    try {
      const response = await client.exchange({ method: 'GET', url: new URL(`${server.origin}/v1/messages?roomId=x`) });
      assert.ok(response.body.byteLength >= size - chunk.length);
      const shown = formatResponse({ method: 'GET', url: new URL(`${server.origin}/v1/messages?roomId=x`), status: 200, headers: [['trackingid', 'BIG_1']], body: response.body, durationMs: 1, identity: 'Ada (you)' });
      assert.equal(shown.truncated, true);
      assert.ok(shown.text.length < SHOWN_BODY_LIMIT + 1000, `${shown.text.length} characters shown`);
      assert.match(shown.text, /The body is 50\.0 MB: only its first 1\.0 MB is shown, as received\. Use "Save Full Response…"/);
    } finally {
      await client.close();
      await server.stop();
    }
  });
});
