import * as assert from 'node:assert/strict';
import {
  COLLAPSE_OVER,
  invisibleTitle,
  isCollapsible,
  isTextOf,
  lineCount,
  linesLabel,
  planSlices,
  splitInvisible,
  tooBigToHighlight,
} from '../../../../src/webviews/conversation/page/code/codeText';

describe('code block text rules', () => {
  it('counts lines the way the block shows them (a final newline is not a line)', () => {
    assert.equal(lineCount(''), 0);
    assert.equal(lineCount('a'), 1);
    assert.equal(lineCount('a\n'), 1);
    assert.equal(lineCount('a\nb\n'), 2);
    assert.equal(lineCount('a\n\nb'), 3);
    assert.equal(lineCount('\n'.repeat(50_000)), 50_000);
    assert.equal(linesLabel(1), '1 line');
    assert.equal(linesLabel(50_000), '50,000 lines');
  });

  it('collapses only blocks well over 25 lines', () => {
    assert.equal(isCollapsible(25), false);
    assert.equal(isCollapsible(COLLAPSE_OVER), false);
    assert.equal(isCollapsible(COLLAPSE_OVER + 1), true);
  });

  it('leaves blocks over 5,000 lines or 200 K characters plain, saying why', () => {
    assert.equal(tooBigToHighlight('x\n'.repeat(5000)), undefined);
    assert.match(tooBigToHighlight('x\n'.repeat(50_000)) ?? '', /^Not highlighted: 50,000 lines, more than 5,000\.$/);
    assert.match(tooBigToHighlight('x'.repeat(1_000_000)) ?? '', /^Not highlighted: 1,000 K characters, more than 200 K\.$/);
  });

  it('cuts big blocks into slices that cover the text exactly, at blank lines when it can', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `function f${i}() {\n${'  x++;\n'.repeat(30)}}\n\n`).join('');
    const slices = planSlices(paragraphs, 100, 1_000_000);
    assert.ok(slices.length > 5);
    assert.equal(slices[0][0], 0);
    assert.equal(slices[slices.length - 1][1], paragraphs.length);
    for (let i = 1; i < slices.length; i++) {
      assert.equal(slices[i][0], slices[i - 1][1], 'no gap, no overlap');
    }
    for (const [, end] of slices.slice(0, -1)) {
      assert.equal(paragraphs.slice(end - 2, end), '\n\n', 'each cut is after a blank line');
    }
    assert.equal(slices.map(([s, e]) => paragraphs.slice(s, e)).join(''), paragraphs);
  });

  it('cuts at twice the slice size without blank lines, and by characters for long lines', () => {
    const dense = 'x = 1\n'.repeat(1000);
    const slices = planSlices(dense, 100, 1_000_000);
    assert.equal(slices.length, 5);
    assert.ok(slices.every(([s, e]) => lineCount(dense.slice(s, e)) === 200));
    const wide = `${'y'.repeat(50_000)}\n`.repeat(4);
    const wideSlices = planSlices(wide, 100, 16_000);
    assert.equal(wideSlices.length, 4);
    assert.deepEqual(planSlices(''), [[0, 0]]);
    assert.deepEqual(planSlices('no newline'), [[0, 10]]);
  });

  it('finds control and bidirectional characters and names them', () => {
    const text = 'if (isAdmin) {\u202e } \u2066// check\u2069 later\u0007\tok\u200b';
    const pieces = splitInvisible(text);
    assert.equal(pieces.map((p) => (p.kind === 'text' ? p.text : p.char)).join(''), text);
    assert.deepEqual(
      pieces.filter((p) => p.kind === 'invisible').map((p) => (p.kind === 'invisible' ? invisibleTitle(p.char) : '')),
      ['U+202E RIGHT-TO-LEFT OVERRIDE', 'U+2066 LEFT-TO-RIGHT ISOLATE', 'U+2069 POP DIRECTIONAL ISOLATE', 'U+0007 control character', 'U+200B ZERO WIDTH SPACE'],
    );
    assert.deepEqual(splitInvisible('tab\tand\nnewline'), [{ kind: 'text', text: 'tab\tand\nnewline' }]);
  });

  it('accepts only code that is text of the message (the host’s check of the page)', () => {
    const source = 'Look:\r\n```ts\r\nconst a = 1;\r\nconst b = 2;\r\n```';
    assert.equal(isTextOf('const a = 1;\nconst b = 2;\n', source), true);
    const quoted = '> ```py\n> print(1)\n> print(2)\n> ```';
    assert.equal(isTextOf('print(1)\nprint(2)\n', quoted), true);
    assert.equal(isTextOf('rm -rf ~\n', source), false);
    assert.equal(isTextOf('const a = 1;\nrm -rf ~\n', source), false);
  });
});
