// Quote: the composer gets the author's mention and the message as `> …` lines; the byte limit holds.
import * as assert from 'node:assert/strict';
import { byteHint, canSend } from '../../../../src/webviews/conversation/page/composerRules';
import { fromMarkdown } from '../../../../src/webviews/conversation/page/mentions/mentionModel';
import { quoteMarkdown } from '../../../../src/webviews/conversation/page/quote';
import type { MessageView } from '../../../../src/webviews/conversation/protocol';

function message(markdown: string | undefined, files = 0): MessageView {
  return {
    id: 'm1',
    personId: 'p-grace',
    personEmail: 'grace@example.com',
    created: '2026-01-01T00:00:00.000Z',
    markdown,
    files: Array.from({ length: files }, (_, index) => ({ index, name: `f${index}` })),
    hasCard: false,
    mentionedPeople: [],
    mentionedGroups: [],
  };
}

const GRACE = { id: 'p-grace', displayName: 'Grace Hopper', email: 'grace@example.com' };

describe('composer quote', () => {
  it('mentions the author and quotes every line, blank lines kept inside the quote', () => {
    const quoted = quoteMarkdown(message('First line\r\n\r\n- a point\n'), GRACE);
    assert.equal(quoted, '<@personId:p-grace|Grace Hopper>\n> First line\n>\n> - a point\n\n');
    const shown = fromMarkdown(quoted);
    assert.equal(shown.text, '@Grace Hopper\n> First line\n>\n> - a point\n\n', 'the composer shows the name, not the markup');
    assert.deepEqual(shown.mentions, [{ label: '@Grace Hopper', markup: '<@personId:p-grace|Grace Hopper>' }]);
  });

  it('keeps a name with markup characters inside the mention tag', () => {
    assert.match(quoteMarkdown(message('hi'), { id: 'p-x', displayName: 'A > B' }), /^<@personId:p-x\|A +B>\n> hi/);
  });

  it('quotes a file-only message as "(a file)"', () => {
    assert.equal(quoteMarkdown(message(undefined, 1), GRACE), '<@personId:p-grace|Grace Hopper>\n> (a file)\n\n');
  });

  it('a quote of a 7,000-byte message is not shortened and still meets the 7439-byte limit', () => {
    const long = `${'word '.repeat(1399)}word`; // 7,000 bytes
    const quoted = quoteMarkdown(message(long), GRACE);
    assert.ok(quoted.includes(long), 'nothing is cut');
    assert.ok(!canSend(`${quoted}${'x'.repeat(500)}`, 7439), 'the limit still holds');
    assert.equal(byteHint(`${quoted}${'x'.repeat(500)}`, 7439).level, 'over');
  });
});
