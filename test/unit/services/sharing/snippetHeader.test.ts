import * as assert from 'node:assert/strict';
import { buildSnippet, snippetHeader, type SnippetInput } from '../../../../src/services/sharing/snippet';
import { parseSnippetHeader, parseSnippetMessage } from '../../../../src/services/sharing/snippetHeader';

const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
const input: SnippetInput = { code: 'a();\nb();\n', languageId: 'typescript', path: 'src/app.ts', startLine: 10, endLine: 11, wholeFile: false };

describe('snippet header: commit, permalink, and reading it back', () => {
  it('names the short commit and links the permalink', () => {
    const header = snippetHeader({ ...input, source: { commit: SHA, uncommitted: false, permalink: { url: 'https://github.com/o/r/blob/x/src/app.ts#L10-L11', hostName: 'GitHub' } } });
    assert.equal(header, '`src/app.ts` lines 10–11 · commit `abcdef0` · [permalink on GitHub](https://github.com/o/r/blob/x/src/app.ts#L10-L11)');
  });

  it('says uncommitted changes, never hides them', () => {
    const withLink = snippetHeader({ ...input, source: { commit: SHA, uncommitted: true, permalink: { url: 'https://h/x', hostName: 'GitLab' } } });
    assert.match(withLink, / · uncommitted changes: the permalink shows the committed lines$/);
    assert.match(snippetHeader({ ...input, source: { commit: SHA, uncommitted: true } }), /· commit `abcdef0` · uncommitted changes/);
  });

  it('keeps a permalink with parentheses one Markdown link', () => {
    const header = snippetHeader({ ...input, source: { commit: SHA, uncommitted: false, permalink: { url: 'https://h/(x).ts', hostName: 'GitHub' } } });
    assert.ok(header.endsWith('(https://h/%28x%29.ts)'));
  });

  it('reads back every header Send Selection writes, with the code of its block', () => {
    const cases: SnippetInput[] = [
      input,
      { ...input, startLine: 4, endLine: 4 },
      { ...input, startLine: 1, endLine: 2, wholeFile: true },
      { ...input, path: 'we`ird/`file`.ts', code: 'const md = "```";\n' },
      { ...input, source: { commit: SHA, uncommitted: true, permalink: { url: 'https://h/x', hostName: 'GitHub' } } },
    ];
    for (const c of cases) {
      const built = buildSnippet(c);
      const parsed = parseSnippetMessage(built.markdown);
      assert.ok(parsed, built.markdown);
      assert.equal(parsed.path, c.path);
      assert.deepEqual([parsed.startLine, parsed.endLine, parsed.wholeFile], [c.startLine, c.endLine, c.wholeFile]);
      assert.equal(parsed.code, c.code.replace(/\n$/, ''));
      assert.equal(parsed.language, 'typescript');
      assert.equal(parsed.commit, c.source ? 'abcdef0' : undefined);
    }
  });

  it('reads the header of a snippet sent as a file, without code', () => {
    const built = buildSnippet({ ...input, code: 'x'.repeat(8000) });
    assert.equal(built.kind, 'file');
    const parsed = parseSnippetMessage(built.markdown);
    assert.deepEqual(parsed, { path: 'src/app.ts', startLine: 10, endLine: 11, wholeFile: false });
  });

  it('is not fooled by text that only looks like a header', () => {
    for (const line of [
      '`src/app.ts`',
      '`src/app.ts` lines 12–3',
      '`src/app.ts` lines 0–3',
      '`src/app.ts` line 999999999',
      '`src/app.ts` lines 1-3',
      'see `src/app.ts` lines 1–3',
      '`` lines 1–3',
      '`src/app.ts` lines 1–3 and more',
      '`unclosed lines 1–3',
    ]) {
      assert.equal(parseSnippetHeader(line), undefined, line);
    }
    assert.equal(parseSnippetMessage('hello'), undefined);
  });
});
