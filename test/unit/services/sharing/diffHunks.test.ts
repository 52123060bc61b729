import * as assert from 'node:assert/strict';
import { buildChanges, formatDiff, hunksTouching, parseHunks } from '../../../../src/services/sharing/diffHunks';

const DIFF = [
  'diff --git a/src/a.ts b/src/a.ts',
  'index 1111111..2222222 100644',
  '--- a/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -1,3 +1,3 @@',
  ' one',
  '-two',
  '+TWO',
  ' three',
  '@@ -10,4 +10,5 @@ function f() {',
  ' ten',
  '+ten and a half',
  ' eleven',
  ' twelve',
  ' thirteen',
  '@@ -20,2 +21,0 @@',
  '-twenty',
  '-twenty-one',
  '\\ No newline at end of file',
  '',
].join('\n');

describe('diff building for Send Changes', () => {
  it('reads the hunks of git diff output', () => {
    const hunks = parseHunks(DIFF);
    assert.deepEqual(
      hunks.map((h) => [h.oldStart, h.oldCount, h.newStart, h.newCount, h.lines.length]),
      [
        [1, 3, 1, 3, 5],
        [10, 4, 10, 5, 6],
        [20, 2, 21, 0, 4],
      ],
    );
    assert.deepEqual(parseHunks('@@ -5 +5 @@\n-a\n+b\n').map((h) => [h.oldCount, h.newCount]), [[1, 1]]);
  });

  it('keeps only the hunks that touch the selected lines', () => {
    const hunks = parseHunks(DIFF);
    assert.deepEqual(hunksTouching(hunks, 2, 2).map((h) => h.newStart), [1]);
    assert.deepEqual(hunksTouching(hunks, 3, 10).map((h) => h.newStart), [1, 10]);
    assert.deepEqual(hunksTouching(hunks, 15, 19).map((h) => h.newStart), []);
    assert.deepEqual(hunksTouching(hunks, 21, 21).map((h) => h.newStart), [21], 'a removal right after the selection');
    assert.deepEqual(hunksTouching(hunks, 22, 30).map((h) => h.newStart), [21], 'a removal right before the selection');
  });

  it('formats a unified diff with the repository path', () => {
    const [first] = parseHunks(DIFF);
    assert.equal(formatDiff('src/a.ts', [first]), '--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three');
  });

  it('posts the diff in a ```diff block under the path, or says there is nothing', () => {
    const message = buildChanges({ path: 'widgets/src/a.ts', repoPath: 'src/a.ts', diff: DIFF, lines: { startLine: 1, endLine: 3 }, commit: 'abcdef0123456789' });
    assert.equal(message.kind, 'message');
    assert.equal(
      message.kind === 'message' ? message.markdown : '',
      '`widgets/src/a.ts`: uncommitted changes in lines 1–3 (+1 −1) against commit `abcdef0`\n\n```diff\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n```',
    );
    const all = buildChanges({ path: 'a.ts', repoPath: 'a.ts', diff: DIFF });
    assert.match(all.kind === 'message' ? all.markdown : '', /^`a\.ts`: uncommitted changes \(\+2 −3\)\n/);
    assert.deepEqual(buildChanges({ path: 'a.ts', repoPath: 'a.ts', diff: '' }), { kind: 'none', reason: 'no uncommitted changes' });
    assert.deepEqual(buildChanges({ path: 'a.ts', repoPath: 'a.ts', diff: DIFF, lines: { startLine: 15, endLine: 16 } }), {
      kind: 'none',
      reason: 'no uncommitted changes in lines 15–16',
    });
  });

  it('sends a diff over the message limit as a .diff file', () => {
    const big = `@@ -1,1 +1,400 @@\n-x\n${Array.from({ length: 400 }, (_v, i) => `+line ${i} ${'y'.repeat(20)}`).join('\n')}\n`;
    const message = buildChanges({ path: 'src/a.ts', repoPath: 'src/a.ts', diff: big });
    assert.equal(message.kind, 'file');
    if (message.kind === 'file') {
      assert.equal(message.filename, 'a.ts.diff');
      assert.match(message.markdown, /^`src\/a\.ts`: uncommitted changes \(\+400 −1\), sent as a file: .* over the 7439-byte limit/);
      assert.ok(new TextDecoder().decode(message.data).startsWith('--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,1 +1,400 @@\n-x\n+line 0'));
    }
  });
});
