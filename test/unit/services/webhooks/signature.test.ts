import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { signBody, verifySignature, type KnownSecret } from '../../../../src/services/webhooks/signature';

const SECRETS: KnownSecret[] = [
  { webhookId: 'W1', webhookName: 'One', secret: 'first secret' },
  { webhookId: 'W2', webhookName: 'Two', secret: 'second secret' },
];

describe('webhook signature (X-Spark-Signature over the raw bytes)', () => {
  // Spacing, key order and an escaped character that JSON.stringify writes differently.
  const raw = Buffer.from('{"id":"W1", "resource":"messages","event":"created","data":{"id":"M\\u0031"}}', 'utf8');

  it('is the hex HMAC-SHA1 of the bytes with the secret', () => {
    assert.equal(signBody('first secret', raw), createHmac('sha1', 'first secret').update(raw).digest('hex'));
    assert.match(signBody('x', raw), /^[0-9a-f]{40}$/);
  });

  it('verifies the bytes received, by the secret of the webhook the envelope names', () => {
    const header = signBody('first secret', raw);
    assert.deepEqual(verifySignature(raw, header, SECRETS, 'W1'), { verified: true, webhookId: 'W1', webhookName: 'One' });
    assert.deepEqual(verifySignature(raw, header.toUpperCase(), SECRETS, 'W1'), { verified: true, webhookId: 'W1', webhookName: 'One' });
    // Without an id it finds the secret among the known ones.
    assert.equal(verifySignature(raw, signBody('second secret', raw), SECRETS).verified, true);
  });

  it('fails for the same JSON serialised again', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
    assert.deepEqual(JSON.parse(reserialised.toString('utf8')), JSON.parse(raw.toString('utf8')));
    assert.notDeepEqual(reserialised, raw);
    const result = verifySignature(reserialised, signBody('first secret', raw), SECRETS, 'W1');
    assert.equal(result.verified, false);
    assert.match(result.verified ? '' : result.reason, /does not match the secret of "One"/);
  });

  it('fails with the wrong secret, a missing header or no known secret, and says why', () => {
    const wrong = verifySignature(raw, signBody('second secret', raw), SECRETS, 'W1');
    assert.equal(wrong.verified, false);
    const missing = verifySignature(raw, undefined, SECRETS, 'W1');
    assert.deepEqual(missing, { verified: false, reason: 'no X-Spark-Signature header', webhookName: 'One' });
    assert.equal(verifySignature(raw, '', SECRETS).verified, false);
    assert.deepEqual(verifySignature(raw, signBody('k', raw), []), { verified: false, reason: 'no webhook secret is known here' });
    const none = verifySignature(raw, signBody('k', raw), SECRETS, 'W9');
    assert.deepEqual(none, { verified: false, reason: 'the signature matches none of the known webhook secrets' });
    // A header of another length is a mismatch, not a crash (timingSafeEqual needs equal lengths).
    assert.equal(verifySignature(raw, 'abc', SECRETS, 'W1').verified, false);
  });
});
