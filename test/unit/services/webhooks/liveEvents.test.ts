// Follow Live Events: a live message event becomes a webhook-shaped entry, marked live, never "verified".
import * as assert from 'node:assert/strict';
import { LIVE_NAME, liveDelivery } from '../../../../src/services/webhooks/liveEvents';
import { WebhookInbox, parseEnvelope, rawRequestText, resourcePath } from '../../../../src/services/webhooks/webhookInbox';

describe('webhooks: live events as envelopes', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const message = { personId: 'P1', personEmail: 'grace@example.com', roomType: 'group', created: '2026-12-03T09:59:59Z', files: [] };

  it('shapes a new message like the webhook messages/created envelope, ids only', () => {
    const { envelope, request } = liveDelivery({ event: 'created', roomId: 'R1', messageId: 'M1', message, meId: 'ME' }, now);
    assert.deepEqual({ resource: envelope.resource, event: envelope.event, actorId: envelope.actorId }, { resource: 'messages', event: 'created', actorId: 'P1' });
    assert.deepEqual(envelope.data, { id: 'M1', roomId: 'R1', roomType: 'group', personId: 'P1', personEmail: 'grace@example.com', created: '2026-12-03T09:59:59Z', parentId: undefined, mentionedPeople: undefined, files: undefined });
    const read = parseEnvelope(request.body);
    assert.ok('envelope' in read, 'the body reads back as an envelope');
    assert.equal(resourcePath(envelope), '/messages/M1');
    const body = JSON.parse(request.body.toString()) as Record<string, unknown>;
    assert.equal(body.source, 'live');
    assert.equal(body.createdBy, 'ME');
    assert.ok(!('text' in envelope.data), 'no text, like a webhook');
  });

  it('enters the inbox marked live and not verified, without a signature header', () => {
    const inbox = new WebhookInbox(() => []);
    const entry = inbox.receiveLive(liveDelivery({ event: 'deleted', roomId: 'R1', messageId: 'M2' }, now));
    assert.equal(entry.live, true);
    assert.equal(entry.verification.verified, false);
    assert.equal(entry.webhookName, LIVE_NAME);
    assert.equal(inbox.log.size, 1);
    assert.ok(!rawRequestText(entry).toLowerCase().includes('x-spark-signature'));
    assert.equal(entry.envelope?.event, 'deleted');
    inbox.dispose();
  });
});
