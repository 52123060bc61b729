import * as assert from 'node:assert/strict';
import { locateSnippet, withSnippetAt } from '../../../../src/services/sharing/snippetMatch';

const file = ['import x;', '', 'function a() {', '  return 1;', '}', '', 'function b() {', '  return 2;', '}'].join('\n');

describe('moved-snippet search', () => {
  it('finds the snippet where it says it is (trailing spaces and CRLF aside)', () => {
    assert.deepEqual(locateSnippet(file, 'function a() {\n  return 1;  \n}\n', 3), { kind: 'same', startLine: 3, endLine: 5 });
    assert.deepEqual(locateSnippet(file.replace(/\n/g, '\r\n'), 'function a() {\n  return 1;\n}', 3), { kind: 'same', startLine: 3, endLine: 5 });
  });

  it('finds it elsewhere when it moved, the nearest copy first', () => {
    const moved = `// header\n// more\n${file}`;
    assert.deepEqual(locateSnippet(moved, 'function b() {\n  return 2;\n}', 7), { kind: 'moved', startLine: 9, endLine: 11 });
    const twice = `}\n${file}\n${file}`;
    assert.deepEqual(locateSnippet(twice, '  return 2;\n}', 16), { kind: 'moved', startLine: 18, endLine: 19 });
    assert.deepEqual(locateSnippet(twice, '  return 2;\n}', 2), { kind: 'moved', startLine: 9, endLine: 10 });
  });

  it('says changed when the lines are nowhere', () => {
    assert.deepEqual(locateSnippet(file, 'function a() {\n  return 42;\n}', 3), { kind: 'changed' });
    assert.deepEqual(locateSnippet(file, 'x', 99), { kind: 'changed' });
    assert.deepEqual(locateSnippet(file, '\n\n', 4), { kind: 'changed' }, 'blank snippets are never found elsewhere');
  });

  it('puts the snippet in place of the current lines for the comparison', () => {
    const left = withSnippetAt(file, 'function a() {\n  return 42;\n}\n', 3, 5);
    assert.equal(left, file.replace('return 1', 'return 42'));
    assert.equal(withSnippetAt('a\r\nb\r\nc', 'B', 2, 2), 'a\r\nB\r\nc');
    assert.equal(withSnippetAt('a\nb', 'z', 5, 6), 'a\nb\nz', 'past the end: appended');
  });
});
