// The one reader of the space a command's argument names: every shape the palette, the trees, the
// notifications and the conversation page pass, and nothing else.
import * as assert from 'node:assert/strict';
import { roomReference } from '../../../../src/services/common/roomReference';
import type { Room } from '../../../../src/webex/types';

const room: Room = {
  id: 'Y2lzY29zcGFyazovL3VzL1JPT00vMQ',
  title: 'Release 2.4',
  type: 'group',
  isLocked: false,
  lastActivity: '2026-12-01T10:00:00.000Z',
  created: '2026-11-01T10:00:00.000Z',
  creatorId: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8x',
};

describe('roomReference', () => {
  it('reads a room id, keeping it as given', () => {
    assert.deepEqual(roomReference(room.id), { id: room.id });
  });

  it('reads a whole Room, and a Room carried in .room (a tree node, the page)', () => {
    assert.deepEqual(roomReference(room), { id: room.id, room });
    assert.deepEqual(roomReference({ room }), { id: room.id, room });
    class Node {
      constructor(readonly room: Room) {}
    }
    assert.deepEqual(roomReference(new Node(room)), { id: room.id, room });
  });

  it('reads an id alone from a partial room or a .room id, without inventing a Room', () => {
    assert.deepEqual(roomReference({ id: room.id, title: 'no type' }), { id: room.id, room: undefined });
    assert.deepEqual(roomReference({ room: room.id }), { id: room.id });
    assert.deepEqual(roomReference({ room: { id: room.id } }), { id: room.id, room: undefined });
  });

  it('names no space for blank ids, other values, or objects without an id', () => {
    for (const arg of [undefined, null, '', '   ', 42, [], [room], { title: 'x' }, { id: 7 }, { id: ' ' }, { room: null }]) {
      assert.equal(roomReference(arg), undefined, JSON.stringify(arg));
    }
  });
});
