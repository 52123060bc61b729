import * as assert from 'node:assert/strict';
import {
  compareByActivity,
  filterRooms,
  fold,
  relativeTime,
  sortMembersByName,
  sortRoomsByActivity,
} from '../../../../src/services/sidebar/ordering';
import type { Membership, Room } from '../../../../src/webex/types';

function room(id: string, title: string, lastActivity?: string, extra: Partial<Room> = {}): Room {
  return { id, title, type: 'group', isLocked: false, creatorId: 'p', created: '2026-01-01T00:00:00.000Z', lastActivity, ...extra };
}

function member(id: string, name: string, email = `${id}@example.com`): Membership {
  return { id, roomId: 'r', personId: id, personEmail: email, personDisplayName: name, isModerator: false, created: '2026-01-01T00:00:00.000Z' };
}

describe('sidebar ordering and filtering', () => {
  it('puts the most recently active space first, falling back to created', () => {
    const rooms = [
      room('a', 'Old', '2026-01-02T00:00:00.000Z'),
      room('b', 'New', '2026-03-01T00:00:00.000Z'),
      room('c', 'Never active', undefined, { created: '2026-02-01T00:00:00.000Z' }),
    ];
    assert.deepEqual(sortRoomsByActivity(rooms).map((r) => r.id), ['b', 'c', 'a']);
  });

  it('orders ties by title, so refreshes do not shuffle', () => {
    const t = '2026-03-01T00:00:00.000Z';
    const sorted = [room('2', 'beta', t), room('1', 'Alpha', t)].sort(compareByActivity);
    assert.deepEqual(sorted.map((r) => r.title), ['Alpha', 'beta']);
  });

  it('does not change the input array', () => {
    const rooms = [room('a', 'A', '2026-01-01T00:00:00.000Z'), room('b', 'B', '2026-02-01T00:00:00.000Z')];
    sortRoomsByActivity(rooms);
    assert.deepEqual(rooms.map((r) => r.id), ['a', 'b']);
  });

  it('sorts members by name, case- and accent-insensitively, numbers naturally', () => {
    const sorted = sortMembersByName([member('1', 'zoë'), member('2', 'Ada'), member('3', 'émile'), member('4', 'Bob 10'), member('5', 'Bob 9')]);
    assert.deepEqual(sorted.map((m) => m.personDisplayName), ['Ada', 'Bob 9', 'Bob 10', 'émile', 'zoë']);
  });

  it('sorts members without a display name by email', () => {
    const sorted = sortMembersByName([member('1', '', 'zed@example.com'), member('2', 'Mia')]);
    assert.deepEqual(sorted.map((m) => m.id), ['2', '1']);
  });

  it('filters by every word, in any order, ignoring case and accents, also by team name', () => {
    const rooms = [room('1', 'Platform Release'), room('2', 'Café talk'), room('3', 'Backend', undefined, { teamId: 't1' })];
    const team = (id: string): string | undefined => (id === 't1' ? 'Engineering' : undefined);
    assert.deepEqual(filterRooms(rooms, 'rel plat', team).map((r) => r.id), ['1']);
    assert.deepEqual(filterRooms(rooms, 'CAFE', team).map((r) => r.id), ['2']);
    assert.deepEqual(filterRooms(rooms, 'engin', team).map((r) => r.id), ['3']);
    assert.deepEqual(filterRooms(rooms, '   ', team).map((r) => r.id), ['1', '2', '3']);
    assert.deepEqual(filterRooms(rooms, 'nothing', team), []);
  });

  it('folds accents and case', () => {
    assert.equal(fold('Zoë ÉMILE'), 'zoe emile');
  });

  it('describes activity relative to now', () => {
    const now = Date.parse('2026-03-10T12:00:00.000Z');
    assert.equal(relativeTime('2026-03-10T11:59:30.000Z', now), 'just now');
    assert.equal(relativeTime('2026-03-10T11:55:00.000Z', now), '5 min ago');
    assert.equal(relativeTime('2026-03-10T09:00:00.000Z', now), '3 h ago');
    assert.equal(relativeTime('2026-03-09T09:00:00.000Z', now), 'yesterday');
    assert.equal(relativeTime('2026-03-06T12:00:00.000Z', now), '4 days ago');
    assert.equal(relativeTime('2026-01-15T12:00:00.000Z', now), 'Jan 15');
    assert.equal(relativeTime('2026-01-15T12:00:00.000Z', now, 'de'), '15. Jan.', 'the date in the display language');
    assert.equal(relativeTime('2025-12-24T12:00:00.000Z', now), 'Dec 24, 2025');
    assert.equal(relativeTime(undefined, now), '');
    assert.equal(relativeTime('not a date', now), '');
  });
});
