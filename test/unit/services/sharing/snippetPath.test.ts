import * as assert from 'node:assert/strict';
import { isInside, refusalReason, resolveSnippetPath } from '../../../../src/services/sharing/snippetPath';

const one = [{ name: 'app' }];
const two = [{ name: 'app' }, { name: 'lib' }];

describe('snippet link path rules', () => {
  it('resolves a relative path inside the workspace folder', () => {
    assert.deepEqual(resolveSnippetPath('src/retry.ts', one), { ok: true, candidates: [{ folderIndex: 0, segments: ['src', 'retry.ts'] }] });
    assert.deepEqual(resolveSnippetPath('./src//retry.ts', one), { ok: true, candidates: [{ folderIndex: 0, segments: ['src', 'retry.ts'] }] });
  });

  it('in a multi-root window, a leading folder name means that folder first, then every folder', () => {
    assert.deepEqual(resolveSnippetPath('lib/src/x.ts', two), {
      ok: true,
      candidates: [
        { folderIndex: 1, segments: ['src', 'x.ts'] },
        { folderIndex: 0, segments: ['lib', 'src', 'x.ts'] },
        { folderIndex: 1, segments: ['lib', 'src', 'x.ts'] },
      ],
    });
  });

  it('never opens traversal, absolute paths or URIs, and says why', () => {
    const refused: Array<[string, RegExp]> = [
      ['../../etc/passwd', /goes up out of the workspace/],
      ['src/../../etc/passwd', /goes up out of the workspace/],
      ['src\\..\\..\\secret', /goes up out of the workspace/],
      ['/etc/passwd', /absolute path/],
      ['\\\\server\\share\\x', /absolute path/],
      ['C:\\Windows\\win.ini', /absolute path/],
      ['c:/x', /absolute path/],
      ['~/.ssh/id_rsa', /absolute path/],
      ['file:///etc/passwd', /is a URI/],
      ['command:workbench.action.terminal.new', /is a URI/],
      ['vscode://file/etc/passwd', /is a URI/],
      ['https://evil.example/x.ts', /is a URI/],
      ['src/a\u0000.ts', /control characters/],
      ['src/\u202eexe.ts', /control characters/],
      ['', /empty/],
    ];
    for (const [path, reason] of refused) {
      const result = resolveSnippetPath(path, one);
      assert.equal(result.ok, false, path);
      assert.match(result.ok ? '' : result.reason, reason, path);
    }
    assert.equal(refusalReason('src/ok.ts'), undefined);
  });

  it('needs an open folder', () => {
    assert.deepEqual(resolveSnippetPath('a.ts', []), { ok: false, reason: 'no folder is open in this window' });
  });

  it('tells inside from outside after joining', () => {
    assert.equal(isInside('/w/app', '/w/app/src/a.ts'), true);
    assert.equal(isInside('/w/app/', '/w/app/src/a.ts'), true);
    assert.equal(isInside('/w/app', '/w/app'), false);
    assert.equal(isInside('/w/app', '/w/apple/a.ts'), false);
    assert.equal(isInside('/w/app', '/w/app/../etc/passwd'), false);
  });
});
