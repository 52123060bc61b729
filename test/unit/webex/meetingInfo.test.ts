// A space's meeting details (GET /rooms/{roomId}/meetingInfo) and its Webex app link, through the
// real client against the local Webex over loopback.
import * as assert from 'node:assert/strict';
import { encodeWebexId, spaceUuid, webexAppLink } from '../../../src/webex/ids';
import { WebexApiError } from '../../../src/webex/errors';
import { SMALL, rejection, roomIdByTitle, useLocalWebex } from './harness';

describe('room meeting info and the Webex app link', () => {
  const local = useLocalWebex();

  it('takes the space uuid from the last path part of the decoded room id', () => {
    const uuid = 'bbceb1ad-43f1-3b58-9147-f14bb0c4d154';
    // The room id of Webex's own example (Webex messaging API, "Get Room Details").
    assert.equal(spaceUuid('Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0'), uuid);
    assert.equal(webexAppLink(encodeWebexId('ROOM', uuid, 'urn:TEAM:eu-central-1_k')), `webexteams://im?space=${uuid}`, 'other clusters too');
    assert.equal(spaceUuid(encodeWebexId('PEOPLE', uuid)), undefined, 'a person id is no space');
    assert.equal(spaceUuid('not an id'), undefined);
    assert.equal(webexAppLink(encodeWebexId('ROOM', 'x?space=evil&y')), undefined, 'only a uuid goes into the link');
  });

  it('answers the meeting details of a space one is in, the same every time, and 404 otherwise', async () => {
    const { client } = local.client();
    const roomId = await roomIdByTitle(client, SMALL.rooms.notes);
    const info = await client.rooms.meetingInfo(roomId);
    assert.equal(info.roomId, roomId);
    assert.match(info.meetingLink ?? '', /^https:\/\/[^/]+\/m\/[0-9a-f-]{36}$/);
    assert.match(info.meetingNumber ?? '', /^\d{9}$/);
    assert.equal(info.sipAddress?.split('@')[0], info.meetingNumber);
    assert.deepEqual(await client.rooms.meetingInfo(roomId), info);

    const grace = local.client({ token: SMALL.grace.token }).client;
    const error = await rejection(grace.rooms.meetingInfo(roomId));
    assert.ok(error instanceof WebexApiError && error.status === 404, `a space Grace is not in: ${String(error)}`);
  });
});
