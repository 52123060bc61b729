import * as assert from 'node:assert/strict';
import { FILTER_KEYS, RESOURCE_EVENTS, buildFilter, filterProblem, parseFilter } from '../../../../src/services/webhooks/filters';

describe('webhook filters per resource', () => {
  it('joins parts with & and reads them back', () => {
    const filter = buildFilter('messages', [
      { key: 'roomId', value: 'Y2lzY29zcGFyazovL3VzL1JPT00vYWJj' },
      { key: 'mentionedPeople', value: 'me' },
      { key: 'hasFiles', value: 'true' },
    ]);
    assert.equal(filter, 'roomId=Y2lzY29zcGFyazovL3VzL1JPT00vYWJj&mentionedPeople=me&hasFiles=true');
    assert.deepEqual(parseFilter('messages', filter ?? '').map((p) => p.key), ['roomId', 'mentionedPeople', 'hasFiles']);
    assert.equal(buildFilter('rooms', []), undefined);
    assert.equal(buildFilter('memberships', [{ key: 'personEmail', value: ' grace@example.com ' }]), 'personEmail=grace@example.com');
  });

  it('has the keys of each resource and refuses the others', () => {
    assert.deepEqual(Object.keys(FILTER_KEYS.memberships), ['roomId', 'personId', 'personEmail', 'isModerator']);
    assert.deepEqual(Object.keys(FILTER_KEYS.rooms), ['type', 'isLocked']);
    assert.deepEqual(Object.keys(FILTER_KEYS.attachmentActions), ['messageId', 'personId', 'roomId']);
    assert.match(filterProblem('rooms', 'roomId=abc') ?? '', /rooms cannot be filtered by "roomId"; use type, isLocked/);
    assert.match(filterProblem('all', 'roomId=abc') ?? '', /takes no filter/);
    assert.throws(() => buildFilter('rooms', [{ key: 'personId', value: 'x' }]), /cannot be filtered/);
  });

  it('checks values: booleans, room types, emails, ids, key=value, no key twice', () => {
    assert.equal(filterProblem('messages', ''), undefined);
    assert.equal(filterProblem('messages', 'roomType=group&hasAttachments=false'), undefined);
    assert.match(filterProblem('messages', 'hasFiles=yes') ?? '', /true or false/);
    assert.match(filterProblem('rooms', 'type=public') ?? '', /direct or group/);
    assert.match(filterProblem('memberships', 'personEmail=grace') ?? '', /email address/);
    assert.match(filterProblem('messages', 'roomId=a b') ?? '', /Webex id/);
    assert.match(filterProblem('messages', 'roomId') ?? '', /not key=value/);
    assert.match(filterProblem('messages', 'roomId=a&roomId=b') ?? '', /twice/);
    assert.match(filterProblem('messages', 'mentionedPeople=me,<script>') ?? '', /"me" or person ids/);
  });

  it('offers only the events a resource has; the firehose is all/all', () => {
    assert.deepEqual(RESOURCE_EVENTS.attachmentActions, ['created']);
    assert.ok(RESOURCE_EVENTS.all.includes('all'));
    assert.ok(RESOURCE_EVENTS.messages.includes('deleted'));
  });
});
