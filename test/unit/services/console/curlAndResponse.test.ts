// Copy as curl (the token replaced by $WEBEX_TOKEN) and the response document's text.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { toCurl } from '../../../../src/services/console/curl';
import { formatResponse, nextPageUrl, statusMeaning } from '../../../../src/services/console/responseText';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('API console: curl export', () => {
  it('uses $WEBEX_TOKEN, never a token, and quotes for the shell', () => {
    const curl = toCurl({
      method: 'POST',
      url: new URL('https://webexapis.com/v1/messages'),
      headers: [['Content-Type', 'application/json'], ['Authorization', 'Bearer secret-token']],
      body: `{"markdown":"it's $HOME"}`,
    });
    assert.ok(curl.includes('"Authorization: Bearer $WEBEX_TOKEN"'));
    assert.ok(!curl.includes('secret-token'));
    // The shell reads it back as written: echo the arguments instead of running curl.
    const args = execFileSync('sh', ['-c', `set -- ${curl.replace(/^curl/, '').replace(/\\\n/g, ' ')}; for a; do printf '%s\\n' "$a"; done`], { env: { WEBEX_TOKEN: 'T0K' } }).toString().split('\n');
    assert.deepEqual(args.slice(0, 9), ['-X', 'POST', 'https://webexapis.com/v1/messages', '-H', 'Authorization: Bearer T0K', '-H', 'Content-Type: application/json', '--data-raw', `{"markdown":"it's $HOME"}`]);
  });

  it('a GET is plain', () => {
    assert.equal(toCurl({ method: 'GET', url: new URL('https://webexapis.com/v1/rooms?max=2'), headers: [] }), `curl \\\n  'https://webexapis.com/v1/rooms?max=2' \\\n  -H "Authorization: Bearer $WEBEX_TOKEN"`);
  });
});

describe('API console: the response document', () => {
  const base = { method: 'GET', url: new URL('http://127.0.0.1:9/v1/rooms?max=2'), durationMs: 12.4, identity: 'Ada (you)' };

  it('shows the status and its meaning, TrackingID, Retry-After and Link first, and formatted JSON', () => {
    const r = formatResponse({
      ...base,
      status: 429,
      headers: [['content-type', 'application/json'], ['link', '<http://127.0.0.1:9/v1/rooms?max=2&cursor=x>; rel="next"'], ['retry-after', '7'], ['trackingid', 'ROUTER_1']],
      body: enc('{"items":[{"id":"a"}]}'),
    });
    const lines = r.text.split('\n');
    assert.equal(lines[0], 'HTTP 429 — Too Many Requests: rate limited; wait 7 s (Retry-After) before sending again');
    assert.match(lines[1], /^# GET \/v1\/rooms\?max=2 as Ada \(you\) in 12 ms/);
    assert.deepEqual(lines.slice(2, 5).map((l) => l.split(':')[0]), ['trackingid', 'retry-after', 'link']);
    assert.ok(r.text.endsWith('{\n  "items": [\n    {\n      "id": "a"\n    }\n  ]\n}'));
    assert.equal(r.next?.href, 'http://127.0.0.1:9/v1/rooms?max=2&cursor=x');
    assert.equal(r.truncated, false);
  });

  it('cuts a body over the limit and says how to get all of it', () => {
    const big = enc(`{"items":[${'"x",'.repeat(1000)}"y"]}`);
    const r = formatResponse({ ...base, status: 200, headers: [], body: big }, 100);
    assert.equal(r.truncated, true);
    assert.match(r.text, /only its first 100 bytes is shown.*Save Full Response/);
    assert.ok(r.text.length < 600);
  });

  it('never follows a next link to another origin', () => {
    assert.equal(nextPageUrl({ url: base.url, headers: [['Link', '<https://evil.example/v1/rooms>; rel="next"']] }), undefined);
  });

  it('has a meaning for every status', () => {
    for (const status of [200, 204, 400, 401, 403, 404, 409, 423, 429, 500, 502, 503, 504, 418, 302]) {
      assert.ok(statusMeaning(status).length > 3);
    }
  });
});
