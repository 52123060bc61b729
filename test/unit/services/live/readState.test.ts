// Read marks and mention/direct counts per account, kept in (memory) globalState.
import * as assert from 'node:assert/strict';
import { DeviceLeases, LEASE_STALE_MS } from '../../../../src/services/live/deviceLeases';
import { ReadState } from '../../../../src/services/live/readState';
import type { Message } from '../../../../src/webex/types';
import { MemoryMemento } from './memoryMemento';

const ME = 'person-me';
const T0 = Date.parse('2026-11-27T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function message(over: Partial<Message>): Message {
  return { id: 'm', roomId: 'room-a', personId: 'person-grace', personEmail: 'grace@example.com', created: iso(T0 + 1000), roomType: 'group', ...over };
}

describe('live: read state', () => {
  it('starts with everything read up to the first time it saw the account', () => {
    const state = new ReadState(new MemoryMemento(), 'acct', () => T0);
    assert.equal(state.isUnread({ id: 'room-a', lastActivity: iso(T0 - 60_000) }), false);
    assert.equal(state.isUnread({ id: 'room-a', lastActivity: iso(T0 + 1) }), true);
    assert.equal(state.isUnread({ id: 'room-b' }), false);
  });

  it('counts unread mentions and direct messages per space and clears them when read', () => {
    const state = new ReadState(new MemoryMemento(), 'acct', () => T0);
    let changes = 0;
    state.onDidChange(() => changes++);
    assert.equal(state.noteMessage(message({ id: 'm1' }), ME, 'group'), 'unread');
    assert.equal(state.noteMessage(message({ id: 'm2', mentionedPeople: [ME] }), ME, 'group'), 'unread');
    assert.equal(state.noteMessage(message({ id: 'm3', roomId: 'dm', roomType: 'direct', created: iso(T0 + 5000) }), ME, undefined), 'unread');
    assert.equal(state.noteMessage(message({ id: 'm4', roomId: 'dm', roomType: 'direct', created: iso(T0 + 6000) }), ME, 'direct'), 'unread');
    assert.equal(state.attentionCount, 3);
    assert.deepEqual(state.attention(), [
      { roomId: 'dm', mentions: 0, direct: 2, last: T0 + 6000 },
      { roomId: 'room-a', mentions: 1, direct: 0, last: T0 + 1000 },
    ]);
    assert.equal(state.isUnread({ id: 'room-a', lastActivity: iso(T0 + 1000) }), true);
    state.markRead('room-a', T0 + 1000);
    assert.equal(state.isUnread({ id: 'room-a', lastActivity: iso(T0 + 1000) }), false);
    assert.equal(state.attentionCount, 2);
    assert.equal(changes, 5);
  });

  it('counts an @all (mentionedGroups ["all"]) as a mention of me, but not my own @all', () => {
    const state = new ReadState(new MemoryMemento(), 'acct', () => T0);
    assert.equal(state.noteMessage(message({ id: 'a1', mentionedGroups: ['all'] }), ME, 'group'), 'unread');
    assert.equal(state.noteMessage(message({ id: 'a2', roomId: 'room-b', personId: ME, mentionedGroups: ['all'] }), ME, 'group'), 'own');
    assert.deepEqual(state.attention(), [{ roomId: 'room-a', mentions: 1, direct: 0, last: T0 + 1000 }]);
  });

  it('treats the user own messages as read, and older messages as already read', () => {
    const state = new ReadState(new MemoryMemento(), 'acct', () => T0);
    assert.equal(state.noteMessage(message({ id: 'mine', personId: ME, created: iso(T0 + 9000), mentionedPeople: [ME] }), ME, 'group'), 'own');
    assert.equal(state.lastRead('room-a'), T0 + 9000);
    assert.equal(state.noteMessage(message({ id: 'late', created: iso(T0 + 8000), mentionedPeople: [ME] }), ME, 'group'), 'read');
    assert.equal(state.attentionCount, 0);
    // A read mark never moves back.
    state.markRead('room-a', T0);
    assert.equal(state.lastRead('room-a'), T0 + 9000);
  });

  it('keeps marks per account across restarts', () => {
    const storage = new MemoryMemento();
    const first = new ReadState(storage, 'acct-1', () => T0);
    first.noteMessage(message({ id: 'x', mentionedPeople: [ME] }), ME, 'group');
    first.markRead('room-b', T0 + 50);
    const again = new ReadState(storage, 'acct-1', () => T0 + 999_999);
    assert.equal(again.attentionCount, 1);
    assert.equal(again.lastRead('room-b'), T0 + 50);
    assert.equal(again.lastRead('room-never'), T0, 'the baseline is kept too');
    const other = new ReadState(storage, 'acct-2', () => T0 + 5);
    assert.equal(other.attentionCount, 0);
    assert.equal(other.lastRead('room-b'), T0 + 5);
  });
});

describe('live: device leases (one device per window, reused after a reload)', () => {
  const device = (n: number): { url: string; id: string; webSocketUrl: string } => ({ url: `https://wdm/devices/d${n}`, id: `d${n}`, webSocketUrl: `wss://m/d${n}` });

  it('gives a window its own device, another window none, and a released one to the next window', async () => {
    let now = T0;
    const storage = new MemoryMemento();
    const a = new DeviceLeases(storage, 'acct', 'window-a', () => now);
    const b = new DeviceLeases(storage, 'acct', 'window-b', () => now);
    assert.equal(await a.load(), undefined);
    await a.save(device(1));
    assert.deepEqual(await a.load(), device(1));
    assert.equal(await b.load(), undefined, 'a device in use is not shared (the second socket would replace the first)');
    await b.save(device(2));
    await a.release();
    const reloaded = new DeviceLeases(storage, 'acct', 'window-a2', () => now);
    assert.deepEqual(await reloaded.load(), device(1));
    // b stops renewing (killed): after the stale time its device is free for the next window.
    now += LEASE_STALE_MS + 1;
    await reloaded.renew();
    const c = new DeviceLeases(storage, 'acct', 'window-c', () => now);
    assert.deepEqual(await c.load(), device(2));
    await c.save(undefined);
    assert.deepEqual(c.devices(), [device(1)]);
    assert.deepEqual(new DeviceLeases(storage, 'other-acct', 'window-a', () => now).devices(), []);
  });
});
