import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { MAX_BODY_BYTES, ReceiverError, WebhookReceiver, type ReceivedRequest } from '../../../../src/services/webhooks/receiver';
import { replayDelivery } from '../../../../src/services/webhooks/replay';
import { signBody } from '../../../../src/services/webhooks/signature';
import { WebhookInbox, rawRequestText, resourcePath } from '../../../../src/services/webhooks/webhookInbox';

/** Sends `body` as a POST (Content-Length set unless `chunked`) and resolves the status. */
function post(url: string, body: Buffer, headers: Record<string, string> = {}, chunked = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(chunked ? {} : { 'Content-Length': String(body.length) }), ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    if (chunked) {
      for (let i = 0; i < body.length; i += 64 * 1024) {
        req.write(body.subarray(i, i + 64 * 1024));
      }
      req.end();
    } else {
      req.end(body);
    }
  });
}

describe('webhook receiver and inbox', () => {
  let receiver: WebhookReceiver | undefined;
  const got: ReceivedRequest[] = [];
  const inbox = new WebhookInbox(() => [{ webhookId: 'W1', webhookName: 'Mine', secret: 'k' }], 3);

  beforeEach(async () => {
    got.length = 0;
    receiver = await WebhookReceiver.start(0, (r) => got.push(r));
  });
  afterEach(async () => {
    await receiver?.close();
  });

  const arrived = async (n: number): Promise<void> => {
    for (let i = 0; i < 100 && got.length < n; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('listens on 127.0.0.1 only and answers 200 with the bytes as sent', async () => {
    assert.match(receiver?.url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const body = Buffer.from('{"id":"W1","resource":"messages","event":"created","actorId":"P","data":{"id":"M1"}}');
    assert.equal(await post(`${receiver?.url}x?y=1`, body, { 'X-Spark-Signature': signBody('k', body), Authorization: 'Bearer leaked' }), 200);
    await arrived(1);
    assert.deepEqual(got[0].body, body);
    assert.equal(got[0].path, '/x?y=1');
    const entry = inbox.receive(got[0]);
    assert.equal(entry.verification.verified, true);
    assert.equal(entry.webhookName, 'Mine');
    assert.equal(entry.envelope && resourcePath(entry.envelope), '/messages/M1');
    const raw = rawRequestText(entry);
    assert.match(raw, /^POST \/x\?y=1\n/);
    assert.match(raw, /"resource": "messages"/, 'pretty-printed');
    assert.match(raw, /authorization: \(redacted\)/);
    assert.ok(!raw.includes('leaked'));
  });

  it('refuses a body over 1 MB with 413 and keeps nothing, declared or chunked', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x61);
    assert.equal(await post(receiver?.url ?? '', big), 413);
    assert.equal(await post(receiver?.url ?? '', Buffer.alloc(10 * 1024 * 1024, 0x61), {}, true), 413);
    assert.equal(await post(receiver?.url ?? '', Buffer.from('{}')), 200);
    await arrived(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(got.length, 1);
    assert.equal(receiver?.refused, 2);
  });

  it('replays the same bytes, signed again; refuses a URL that is not http(s)', async () => {
    const body = Buffer.from('{"id":"W1", "resource":"messages","event":"created","data":{"id":"M3"}}');
    assert.deepEqual(await replayDelivery(body, receiver?.url ?? '', 'k'), { status: 200 });
    await replayDelivery(body, receiver?.url ?? '', undefined);
    await arrived(2);
    assert.deepEqual(got[0].body, body);
    assert.equal(got[0].headers['x-spark-signature'], signBody('k', body));
    assert.equal(inbox.receive(got[0]).verification.verified, true);
    assert.equal(got[1].headers['x-spark-signature'], undefined, 'unsigned without a secret');
    await assert.rejects(replayDelivery(body, 'file:///etc/passwd', 'k'), /http:\/\/ or https:\/\//);
    await assert.rejects(replayDelivery(body, 'http://u:p@127.0.0.1/', 'k'), /user name or password/);
  });

  it('says plainly when the port is taken', async () => {
    const port = receiver?.port ?? 0;
    await assert.rejects(WebhookReceiver.start(port, () => undefined), (e: unknown) => {
      assert.ok(e instanceof ReceiverError);
      assert.equal(e.code, 'portInUse');
      assert.match(e.message, new RegExp(`Port ${port} on 127.0.0.1 is already in use.*webex.webhooks.receiverPort`));
      return true;
    });
  });

  it('keeps bad bodies as unverified events, bounded', () => {
    const at = new Date();
    const notJson = inbox.receive({ method: 'POST', path: '/', headers: {}, body: Buffer.from('<html>'), receivedAt: at });
    assert.equal(notJson.problem, 'the body is not JSON');
    assert.deepEqual(notJson.verification, { verified: false, reason: 'no X-Spark-Signature header', webhookName: undefined });
    assert.equal(notJson.webhookName, 'unknown webhook');
    const tampered = Buffer.from('{"id":"W1","resource":"messages","event":"created","data":{"id":"M2"}}');
    const entry = inbox.receive({ method: 'POST', path: '/', headers: { 'x-spark-signature': signBody('k', Buffer.from('other')) }, body: tampered, receivedAt: at });
    assert.equal(entry.verification.verified, false);
    for (let i = 0; i < 5; i++) {
      inbox.receive({ method: 'POST', path: '/', headers: {}, body: Buffer.from('[]'), receivedAt: at });
    }
    assert.equal(inbox.log.size, 3);
    assert.ok(inbox.log.dropped >= 4);
  });
});
