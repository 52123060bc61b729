// Which messages notify under each setting, and bursts collapsing into one notification.
import * as assert from 'node:assert/strict';
import { NotificationBatcher, qualifies, type IncomingMessage, type NotificationRequest, type NotificationsSetting } from '../../../../src/services/live/notifications';
import type { Message } from '../../../../src/webex/types';
import { ManualTimers } from '../../webex/live/manualTimers';

const ME = 'person-me';

function incoming(over: Partial<Message> = {}, roomTitle = 'Backend'): IncomingMessage {
  const message: Message = {
    id: `m-${Math.random()}`,
    roomId: 'room-backend',
    roomType: 'group',
    personId: 'person-grace',
    personEmail: 'grace@example.com',
    text: 'hello',
    created: '2026-11-27T10:00:00.000Z',
    ...over,
  };
  return { message, roomTitle, roomType: message.roomType, meId: ME, authorName: 'Grace Hopper' };
}

describe('live: notifications', () => {
  it('notifies mentions and direct messages by default, everything with "all", nothing with "off", never own messages', () => {
    const plain = incoming();
    const mention = incoming({ mentionedPeople: [ME] });
    const direct = incoming({ roomType: 'direct', roomId: 'dm' });
    const own = incoming({ personId: ME, mentionedPeople: [ME], roomType: 'direct' });
    const everyone = incoming({ mentionedGroups: ['all'] });
    const ownEveryone = incoming({ personId: ME, mentionedGroups: ['all'] });
    const table: Array<[NotificationsSetting, IncomingMessage, string | undefined]> = [
      ['mentionsAndDirect', everyone, 'mention'],
      ['mentionsAndDirect', ownEveryone, undefined],
      ['off', everyone, undefined],
      ['mentionsAndDirect', plain, undefined],
      ['mentionsAndDirect', mention, 'mention'],
      ['mentionsAndDirect', direct, 'direct'],
      ['mentionsAndDirect', own, undefined],
      ['all', plain, 'other'],
      ['all', own, undefined],
      ['off', mention, undefined],
      ['off', direct, undefined],
    ];
    for (const [setting, message, expected] of table) {
      assert.equal(qualifies(message, setting), expected, `${setting} ${message.message.text}`);
    }
  });

  function batcher(setting: NotificationsSetting = 'mentionsAndDirect'): { timers: ManualTimers; shown: NotificationRequest[]; batch: NotificationBatcher; set: (s: NotificationsSetting) => void } {
    const timers = new ManualTimers();
    const shown: NotificationRequest[] = [];
    let current = setting;
    const batch = new NotificationBatcher({ setting: () => current, show: (n) => shown.push(n), timers, windowMs: 1500, cooldownMs: 15_000 });
    return { timers, shown, batch, set: (s) => (current = s) };
  }

  it('shows one message with who, where and a preview, and Open/Reply go to its space', () => {
    const { timers, shown, batch } = batcher();
    assert.equal(batch.offer(incoming({ mentionedPeople: [ME], text: 'can you   review\nPR #42?' })), true);
    assert.deepEqual(shown, []);
    timers.advance(1500);
    assert.deepEqual(shown, [{ text: 'Grace Hopper mentioned you in Backend: can you review PR #42?', roomId: 'room-backend', count: 1, mentions: 1 }]);
  });

  it('collapses a burst into one notification, and the next burst waits for the cool-down', () => {
    const { timers, shown, batch } = batcher();
    for (let i = 0; i < 5; i++) {
      batch.offer(incoming({ mentionedPeople: [ME], text: `ping ${i}` }));
      timers.advance(100);
    }
    batch.offer(incoming({ roomType: 'direct', roomId: 'dm', text: 'psst' }, 'Alan Turing'));
    timers.advance(1500);
    assert.equal(shown.length, 1);
    assert.deepEqual(shown[0], { text: '6 new messages in 2 spaces (5 mention you)', count: 6, mentions: 5 });

    // Another burst right after: nothing until the cool-down has passed, then one summary.
    batch.offer(incoming({ mentionedPeople: [ME] }));
    batch.offer(incoming({ mentionedPeople: [ME] }));
    timers.advance(10_000);
    assert.equal(shown.length, 1);
    timers.advance(5_000);
    assert.equal(shown.length, 2);
    assert.deepEqual(shown[1], { text: '2 new messages in Backend (2 mention you)', roomId: 'room-backend', count: 2, mentions: 2 });
  });

  it('drops what was waiting when the setting is turned off meanwhile, and offers each message once', () => {
    const { timers, shown, batch, set } = batcher('all');
    const one = incoming();
    assert.equal(batch.offer(one), true);
    assert.equal(batch.offer(one), false);
    set('off');
    timers.advance(2000);
    assert.deepEqual(shown, []);
    assert.equal(batch.offer(incoming({ mentionedPeople: [ME] })), false);
  });
});
