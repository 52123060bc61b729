import * as assert from 'node:assert/strict';
import { byteHint, canSend, isSendKey } from '../../../../src/webviews/conversation/page/composerRules';
import { utf8ByteLength as utf8Bytes } from '../../../../src/webex/validation';

const key = (k: string, mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean; isComposing: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  isComposing: false,
  ...mods,
});

describe('composer rules', () => {
  it('counts UTF-8 bytes, the unit of the 7439-byte limit, not characters', () => {
    assert.equal(utf8Bytes('abc'), 3);
    assert.equal(utf8Bytes('é'), 2);
    assert.equal(utf8Bytes('€'), 3);
    assert.equal(utf8Bytes('😀'), 4);
    assert.equal(utf8Bytes('é'.repeat(3719) + 'a'), 7439);
  });

  it('shows the counter only near the limit and says how far over it is', () => {
    assert.equal(byteHint('a'.repeat(100), 7439).level, 'hidden');
    assert.deepEqual(byteHint('a'.repeat(7000), 7439), { level: 'near', text: '439 bytes left' });
    assert.deepEqual(byteHint('é'.repeat(3720), 7439), { level: 'over', text: '1 byte over the 7439-byte limit' });
  });

  it('refuses blank messages and messages over the limit', () => {
    assert.equal(canSend('  \n ', 7439), false);
    assert.equal(canSend('\u200B\u200D\u2060', 7439), false, 'only invisible characters is blank');
    assert.equal(canSend('a\u200Bb', 7439), true);
    assert.equal(canSend('é'.repeat(3719) + 'a', 7439), true);
    assert.equal(canSend('é'.repeat(3720), 7439), false);
  });

  it('sends on Enter, breaks the line on Shift+Enter, never while an IME composes', () => {
    assert.equal(isSendKey(key('Enter')), true);
    assert.equal(isSendKey(key('Enter', { shiftKey: true })), false);
    assert.equal(isSendKey(key('Enter', { isComposing: true })), false);
    assert.equal(isSendKey(key('a')), false);
  });
});
