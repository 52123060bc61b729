import * as assert from 'node:assert/strict';
import { applyFormatting, byteHint, canSend, formattingKey, isSendKey } from '../../../../src/webviews/conversation/page/composerRules';
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

describe('composer formatting keys', () => {
  it('maps Ctrl/Cmd+B, +I, +E and +Shift+C, and nothing else', () => {
    const key = (k: string, mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
      formattingKey({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });
    assert.equal(key('b', { ctrlKey: true }), 'bold');
    assert.equal(key('i', { metaKey: true }), 'italic');
    assert.equal(key('e', { ctrlKey: true }), 'code');
    assert.equal(key('C', { ctrlKey: true, shiftKey: true }), 'codeBlock');
    assert.equal(key('b'), undefined);
    assert.equal(key('b', { ctrlKey: true, altKey: true }), undefined);
    assert.equal(key('x', { ctrlKey: true }), undefined);
  });

  it('wraps the selection, or puts the caret between the markers', () => {
    assert.deepEqual(applyFormatting('make it bold now', 8, 12, 'bold'), { text: 'make it **bold** now', start: 10, end: 14 });
    assert.deepEqual(applyFormatting('', 0, 0, 'italic'), { text: '__', start: 1, end: 1 });
    assert.deepEqual(applyFormatting('run a`b here', 4, 7, 'code').text, 'run ``a`b`` here');
    assert.deepEqual(applyFormatting('see `x`', 4, 7, 'code').text, 'see `` `x` ``');
  });

  it('puts a code block on lines of its own with a fence longer than the code holds', () => {
    assert.equal(applyFormatting('look: let a = 1;', 6, 16, 'codeBlock').text, 'look: \n```\nlet a = 1;\n```');
    assert.equal(applyFormatting('x ```y``` z', 2, 9, 'codeBlock').text, 'x \n````\n```y```\n````\n z');
    const empty = applyFormatting('', 0, 0, 'codeBlock');
    assert.equal(empty.text, '```\n```');
    assert.equal(empty.start, 4);
  });
});
