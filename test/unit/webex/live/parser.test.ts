// The pure parts of live updates: Mercury frames → message events with REST ids, the close-code
// policy of webex-js-sdk's Mercury plugin and the reconnect backoff.
import * as assert from 'node:assert/strict';
import { decodeWebexId, encodeWebexId } from '../../../../src/webex/ids';
import { activityToEvent, isReadyFrame, parseFrame, readConversationActivity } from '../../../../src/webex/live/activity';
import { FEDRAMP_U2C_URL, U2C_URL, u2cBaseUrlFor } from '../../../../src/webex/live/catalog';
import { closeAction, fixCloseCode, reconnectDelayMs } from '../../../../src/webex/live/closePolicy';
import { isTrustedServiceUrl } from '../../../../src/webex/live/serviceHttp';

const ROOM = 'bbceb1ad-43f1-3b58-9147-f14bb0c4d154';
const MESSAGE = '9f3b1c40-1111-4c2e-8a4b-0123456789ab';
const PERSON = '6e6a3c7a-2222-4b1e-9c3d-abcdefabcdef';

function activityFrame(activity: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ id: 'frame-1', data: { eventType: 'conversation.activity', activity }, sequenceNumber: 7, ...extra });
}

const post = {
  id: MESSAGE,
  objectType: 'activity',
  verb: 'post',
  actor: { id: PERSON, objectType: 'person', entryUUID: PERSON, emailAddress: 'grace@example.com' },
  object: { objectType: 'comment', displayName: 'encrypted…' },
  target: { id: ROOM, objectType: 'conversation', url: `https://conv-a.wbx2.com/conversation/api/v1/conversations/${ROOM}`, tags: [] },
};

describe('live: activity parser', () => {
  it('reads a post into a messageCreated event with the REST ids of the message, room and author', () => {
    const frame = parseFrame(activityFrame(post));
    assert.ok(frame);
    assert.equal(frame.id, 'frame-1');
    assert.equal(frame.sequenceNumber, 7);
    const activity = readConversationActivity(frame);
    assert.deepEqual(activity, {
      verb: 'post',
      activityId: MESSAGE,
      objectId: undefined,
      actorUuid: PERSON,
      actorEmail: 'grace@example.com',
      roomUuid: ROOM,
      isDirect: false,
    });
    const event = activityToEvent(activity);
    assert.deepEqual(event, {
      type: 'messageCreated',
      roomId: encodeWebexId('ROOM', ROOM),
      messageId: encodeWebexId('MESSAGE', MESSAGE),
      roomType: 'group',
      actorId: encodeWebexId('PEOPLE', PERSON),
      actorEmail: 'grace@example.com',
      via: 'websocket',
    });
    // The example room id of the Webex messaging API decodes to the same uuid: the ids are the real form.
    assert.equal(decodeWebexId('Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0')?.uuid, ROOM);
    assert.equal(event?.roomId, 'Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0');
  });

  it('marks ONE_ON_ONE targets direct and treats share like post', () => {
    const frame = parseFrame(activityFrame({ ...post, verb: 'share', target: { ...post.target, tags: ['LOCKED', 'ONE_ON_ONE'] } }));
    const event = activityToEvent(readConversationActivity(frame ?? {}) ?? assert.fail('no activity'));
    assert.equal(event?.type, 'messageCreated');
    assert.equal(event?.type === 'messageCreated' ? event.roomType : undefined, 'direct');
  });

  it('takes a deleted message id from object.id, not from the delete activity id', () => {
    const frame = parseFrame(activityFrame({ ...post, id: 'delete-activity-uuid', verb: 'delete', object: { id: MESSAGE, objectType: 'activity' } }));
    const event = activityToEvent(readConversationActivity(frame ?? {}) ?? assert.fail('no activity'));
    assert.deepEqual(event, {
      type: 'messageDeleted',
      roomId: encodeWebexId('ROOM', ROOM),
      messageId: encodeWebexId('MESSAGE', MESSAGE),
      actorId: encodeWebexId('PEOPLE', PERSON),
      via: 'websocket',
    });
  });

  it('uses the room cluster it is given for room and message ids, never for people', () => {
    const activity = readConversationActivity(parseFrame(activityFrame(post)) ?? {}) ?? assert.fail('no activity');
    const event = activityToEvent(activity, 'urn:TEAM:eu-central-1_k');
    assert.equal(decodeWebexId(event?.roomId ?? '')?.cluster, 'urn:TEAM:eu-central-1_k');
    assert.equal(decodeWebexId(event?.messageId ?? '')?.cluster, 'urn:TEAM:eu-central-1_k');
    assert.equal(decodeWebexId(event?.actorId ?? '')?.cluster, 'us');
  });

  it('ignores other verbs, other event types, and frames that are not activities', () => {
    const ack = readConversationActivity(parseFrame(activityFrame({ ...post, verb: 'acknowledge' })) ?? {});
    assert.ok(ack);
    assert.equal(activityToEvent(ack), undefined);
    assert.equal(readConversationActivity(parseFrame(JSON.stringify({ id: 'x', data: { eventType: 'mercury.buffer_state' } })) ?? {}), undefined);
    assert.equal(readConversationActivity(parseFrame(activityFrame({ verb: 'post' })) ?? {}), undefined);
    assert.equal(parseFrame('not json'), undefined);
    assert.equal(parseFrame('[1,2]'), undefined);
  });

  it('knows the ready frames and tells a pong from an event', () => {
    assert.equal(isReadyFrame(parseFrame('{"id":"a","data":{"eventType":"mercury.buffer_state"}}') ?? {}), true);
    assert.equal(isReadyFrame(parseFrame('{"id":"a","data":{"eventType":"mercury.registration_status"}}') ?? {}), true);
    assert.equal(isReadyFrame(parseFrame('{"id":"a","type":"pong"}') ?? {}), false);
    assert.equal(isReadyFrame(parseFrame(activityFrame(post)) ?? {}), false);
    assert.equal(parseFrame('{"sequenceNumber":"12"}')?.sequenceNumber, 12);
  });
});

describe('live: close codes and backoff (webex-js-sdk mercury close codes)', () => {
  it('reconnects on 1001, 1005, 1006 and 1011', () => {
    for (const code of [1001, 1005, 1006, 1011]) {
      assert.equal(closeAction(code, ''), 'reconnect', String(code));
    }
  });

  it('reconnects on 1000/1050 only for idle, forced close and pong trouble', () => {
    for (const reason of ['idle', 'Done (forced)', 'Pong not received', 'pong mismatch']) {
      assert.equal(closeAction(1000, reason), 'reconnect', reason);
      assert.equal(closeAction(1050, reason), 'reconnect', reason);
    }
    assert.equal(closeAction(1000, 'done'), 'permanent');
    assert.equal(closeAction(1050, ''), 'permanent');
  });

  it('stops on 4000 replaced and for good on 1003, 1008 and unknown codes', () => {
    assert.equal(closeAction(4000, 'replaced'), 'replaced');
    for (const code of [1003, 1008, 4400, 4401, 4403, 3000]) {
      assert.equal(closeAction(code, ''), 'permanent', String(code));
    }
  });

  it('recovers codes a runtime dropped from the reason, as webex-js-sdk does', () => {
    assert.equal(fixCloseCode(1005, 'replaced'), 4000);
    assert.equal(fixCloseCode(1005, 'Authentication Failed'), 1008);
    assert.equal(fixCloseCode(1005, 'authentication did not happen within the timeout window of 30000 seconds.'), 1008);
    assert.equal(fixCloseCode(1005, ''), 1005);
    assert.equal(fixCloseCode(1006, 'replaced'), 1006);
  });

  it('waits 1 s, doubling to 32 s, and stays there', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 50, 10_000].map(reconnectDelayMs), [1000, 2000, 4000, 8000, 16000, 32000, 32000, 32000, 32000, 32000]);
  });
});

describe('live: service URLs', () => {
  it('derives the catalog from the API base: commercial, FedRAMP, local; a setting wins', () => {
    assert.equal(u2cBaseUrlFor('https://webexapis.com/v1'), U2C_URL);
    assert.equal(u2cBaseUrlFor('https://api.ciscospark.com/v1/'), U2C_URL);
    assert.equal(u2cBaseUrlFor('https://api-usgov.webex.com/v1'), FEDRAMP_U2C_URL);
    assert.equal(u2cBaseUrlFor('http://127.0.0.1:4321/v1'), 'http://127.0.0.1:4321/u2c/api/v1');
    assert.equal(u2cBaseUrlFor('https://webexapis.com/v1', 'https://u2c.example.test/u2c/api/v1/'), 'https://u2c.example.test/u2c/api/v1');
  });

  it('sends the token over TLS anywhere, in plain text only to the API base host', () => {
    const local = 'http://127.0.0.1:4321/v1';
    assert.equal(isTrustedServiceUrl(new URL('https://wdm-a.wbx2.com/wdm/api/v1'), 'https://webexapis.com/v1'), true);
    assert.equal(isTrustedServiceUrl(new URL('wss://mercury-connection-a.wbx2.com/v1/apps'), 'https://webexapis.com/v1'), true);
    assert.equal(isTrustedServiceUrl(new URL('http://wdm-a.wbx2.com/wdm/api/v1'), 'https://webexapis.com/v1'), false);
    assert.equal(isTrustedServiceUrl(new URL('ws://127.0.0.1:4321/mercury/x'), local), true);
    assert.equal(isTrustedServiceUrl(new URL('http://127.0.0.1:9999/wdm'), local), false);
    assert.equal(isTrustedServiceUrl(new URL('https://user:pw@wdm-a.wbx2.com/'), local), false);
    assert.equal(isTrustedServiceUrl(new URL('ftp://127.0.0.1:4321/'), local), false);
  });
});
