import * as assert from 'node:assert/strict';
import {
  buildSnippet,
  describeLines,
  fenceLanguage,
  fencedBlock,
  inlineCode,
  longestBacktickRun,
  selectionLines,
  snippetFilename,
  type SnippetInput,
} from '../../../../src/services/sharing/snippet';
import { MAX_MESSAGE_BYTES } from '../../../../src/webex/validation';

const base: SnippetInput = {
  code: 'const x = 1;\n',
  languageId: 'typescript',
  path: 'src/app.ts',
  startLine: 3,
  endLine: 3,
  wholeFile: false,
};

describe('snippet builder', () => {
  it('puts the path and line range above a fenced block with the language', () => {
    const s = buildSnippet({ ...base, code: 'a();\nb();\n', startLine: 10, endLine: 11 });
    assert.equal(s.kind, 'message');
    assert.equal(s.markdown, '`src/app.ts` lines 10–11\n\n```typescript\na();\nb();\n```');
  });

  it('says "line N" for one line and "whole file (N lines)" for a file', () => {
    assert.equal(describeLines({ startLine: 7, endLine: 7, wholeFile: false }), 'line 7');
    assert.equal(describeLines({ startLine: 1, endLine: 40, wholeFile: true }), 'whole file (40 lines)');
    assert.equal(describeLines({ startLine: 1, endLine: 1, wholeFile: true }), 'whole file (1 line)');
  });

  it('maps VS Code language ids to fence names and keeps others', () => {
    assert.equal(fenceLanguage('typescriptreact'), 'tsx');
    assert.equal(fenceLanguage('javascriptreact'), 'jsx');
    assert.equal(fenceLanguage('shellscript'), 'bash');
    assert.equal(fenceLanguage('plaintext'), '');
    assert.equal(fenceLanguage('python'), 'python');
    assert.equal(fenceLanguage('cpp'), 'cpp');
    assert.equal(fenceLanguage('csharp'), 'csharp');
    assert.equal(fenceLanguage('weird`lang x'), 'weirdlangx', 'no backticks or spaces in an info string');
  });

  it('uses a fence longer than any backtick run in the code', () => {
    const code = 'const md = "```ts\\nx\\n```";\nconst four = "````";\n';
    const block = fencedBlock(code, 'typescript');
    assert.equal(longestBacktickRun(code), 4);
    assert.ok(block.startsWith('`````typescript\n'), block);
    assert.ok(block.endsWith('\n`````'), block);
    // The body contains no line that is only a fence of the same or greater length.
    const inner = block.split('\n').slice(1, -1);
    assert.ok(inner.every((line) => !/^`{5,}\s*$/.test(line)));
  });

  it('keeps at least three backticks for code without any', () => {
    assert.equal(fencedBlock('x', 'go'), '```go\nx\n```');
  });

  it('normalises CRLF and lone CR to LF and drops one trailing newline', () => {
    assert.equal(fencedBlock('a\r\nb\rc\r\n', 'c'), '```c\na\nb\nc\n```');
    assert.equal(fencedBlock('a\n\n', 'c'), '```c\na\n\n```', 'only one trailing newline is dropped');
  });

  it('writes paths with backticks as inline code they cannot break', () => {
    assert.equal(inlineCode('a`b.ts'), '``a`b.ts``');
    assert.equal(inlineCode('`x`'), '`` `x` ``');
    const s = buildSnippet({ ...base, path: 'odd`name.ts' });
    assert.ok(s.markdown.startsWith('``odd`name.ts`` line 3'));
  });

  it('sends exactly-at-the-limit snippets inline and one byte more as a file (multibyte counted in bytes)', () => {
    const overhead = Buffer.byteLength(buildSnippet({ ...base, code: '' }).markdown, 'utf8');
    // "é" is 2 bytes in UTF-8: fill the rest of the limit with them (plus one ASCII byte if odd).
    const room = MAX_MESSAGE_BYTES - overhead;
    const fill = 'é'.repeat(Math.floor(room / 2)) + (room % 2 === 1 ? 'x' : '');
    const atLimit = buildSnippet({ ...base, code: fill });
    assert.equal(Buffer.byteLength(atLimit.markdown, 'utf8'), MAX_MESSAGE_BYTES);
    assert.equal(atLimit.kind, 'message');
    assert.ok(fill.length < MAX_MESSAGE_BYTES, 'fewer characters than bytes: a character count would be wrong');

    const over = buildSnippet({ ...base, code: `${fill}y` });
    assert.equal(over.kind, 'file');
    if (over.kind === 'file') {
      assert.equal(over.inlineBytes, MAX_MESSAGE_BYTES + 1);
      assert.equal(new TextDecoder().decode(over.data), `${fill}y`);
      assert.match(over.markdown, /^`src\/app\.ts` line 3, sent as a file: .* over the 7439-byte limit/);
      assert.equal(over.filename, 'app.L3-L3.ts');
      assert.match(over.contentType, /^text\/plain/);
    }
  });

  it('counts a 4-byte emoji as 4 bytes at the boundary', () => {
    const overhead = Buffer.byteLength(buildSnippet({ ...base, code: '' }).markdown, 'utf8');
    const room = MAX_MESSAGE_BYTES - overhead;
    const fits = buildSnippet({ ...base, code: `${'a'.repeat(room - 4)}😀` });
    assert.equal(fits.kind, 'message');
    const tooBig = buildSnippet({ ...base, code: `${'a'.repeat(room - 3)}😀` });
    assert.equal(tooBig.kind, 'file');
  });

  it('normalises line endings in the attached file too', () => {
    const s = buildSnippet({ ...base, code: 'x\r\n'.repeat(4000), wholeFile: true, startLine: 1, endLine: 4000 });
    assert.equal(s.kind, 'file');
    if (s.kind === 'file') {
      assert.equal(new TextDecoder().decode(s.data), 'x\n'.repeat(4000));
      assert.equal(s.filename, 'app.ts', 'a whole file keeps its name');
    }
  });

  it('names attachments of untitled or extensionless files sensibly', () => {
    assert.equal(snippetFilename({ path: 'Makefile', startLine: 2, endLine: 9, wholeFile: false }), 'Makefile.L2-L9.txt');
    assert.equal(snippetFilename({ path: 'a\\b\\c.py', startLine: 1, endLine: 2, wholeFile: false }), 'c.L1-L2.py');
  });

  it('does not count the line where a selection ends at column 0', () => {
    assert.deepEqual(selectionLines({ line: 4, character: 0 }, { line: 7, character: 0 }), { startLine: 5, endLine: 7 });
    assert.deepEqual(selectionLines({ line: 4, character: 2 }, { line: 7, character: 3 }), { startLine: 5, endLine: 8 });
    assert.deepEqual(selectionLines({ line: 4, character: 0 }, { line: 4, character: 0 }), { startLine: 5, endLine: 5 });
  });
});
