import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fenceLabel, fenceWord, GRAMMARS, languageByKey, resolveLanguage, suggestedFileName } from '../../../../src/webviews/conversation/page/code/languages';

describe('code block languages (fence info string → grammar, VS Code id, extension)', () => {
  it('resolves the usual names and aliases, case-insensitively', () => {
    const cases: Array<[string, string, string]> = [
      ['ts', 'typescript', 'typescript'],
      ['TypeScript', 'typescript', 'typescript'],
      ['tsx', 'tsx', 'typescriptreact'],
      ['js', 'javascript', 'javascript'],
      ['jsx', 'jsx', 'javascriptreact'],
      ['py', 'python', 'python'],
      ['golang', 'go', 'go'],
      ['kt', 'kotlin', 'kotlin'],
      ['c++', 'cpp', 'cpp'],
      ['c#', 'csharp', 'csharp'],
      ['rs', 'rust', 'rust'],
      ['rb', 'ruby', 'ruby'],
      ['sh', 'shell', 'shellscript'],
      ['bash', 'shell', 'shellscript'],
      ['pwsh', 'powershell', 'powershell'],
      ['yml', 'yaml', 'yaml'],
      ['toml', 'toml', 'toml'],
      ['html', 'html', 'html'],
      ['svg', 'xml', 'xml'],
      ['md', 'markdown', 'markdown'],
      ['Dockerfile', 'dockerfile', 'dockerfile'],
      ['patch', 'diff', 'diff'],
    ];
    for (const [info, key, vscodeId] of cases) {
      const language = resolveLanguage(info);
      assert.equal(language?.key, key, info);
      assert.equal(language?.vscodeIds[0], vscodeId, info);
    }
  });

  it('reads the first word of the info string and the {.lang} / language-lang dressings', () => {
    assert.equal(resolveLanguage('ts title="a.ts"')?.key, 'typescript');
    assert.equal(resolveLanguage('  py  ')?.key, 'python');
    assert.equal(resolveLanguage('{.rust}')?.key, 'rust');
    assert.equal(resolveLanguage('language-go')?.key, 'go');
    assert.equal(fenceWord('{.rust}'), 'rust');
  });

  it('knows nothing it was not told: unknown, misspelled, empty and hostile names stay plain', () => {
    for (const info of ['', 'typscript', 'pyhton', 'text', 'plaintext', '"><script>', 'a'.repeat(10_000), 'constructor', '__proto__', 'toString']) {
      assert.equal(resolveLanguage(info), undefined, info.slice(0, 20));
    }
  });

  it('labels a block with the language name, or the sender’s word cut short', () => {
    assert.equal(fenceLabel('ts'), 'TypeScript');
    assert.equal(fenceLabel('c#'), 'C#');
    assert.equal(fenceLabel('typscript'), 'typscript');
    assert.equal(fenceLabel(''), '');
    assert.equal(fenceLabel('x'.repeat(10_000)), `${'x'.repeat(32)}…`);
  });

  it('suggests file names with the usual extension', () => {
    assert.equal(suggestedFileName(resolveLanguage('py')), 'snippet.py');
    assert.equal(suggestedFileName(resolveLanguage('tsx')), 'snippet.tsx');
    assert.equal(suggestedFileName(resolveLanguage('docker')), 'Dockerfile');
    assert.equal(suggestedFileName(resolveLanguage('powershell')), 'snippet.ps1');
    assert.equal(suggestedFileName(undefined), 'snippet.txt');
  });

  it('names only grammars that are built as chunks, and each exists in highlight.js', () => {
    const root = path.resolve(__dirname, '../../../../..');
    for (const info of ['ts', 'tsx', 'js', 'py', 'go', 'java', 'kt', 'c', 'cpp', 'cs', 'rs', 'rb', 'php', 'swift', 'sh', 'console', 'ps1', 'sql', 'json', 'jsonc', 'yaml', 'toml', 'ini', 'xml', 'html', 'css', 'md', 'dockerfile', 'diff']) {
      const language = resolveLanguage(info);
      assert.ok(language, info);
      assert.equal(languageByKey(language.key), language);
      for (const grammar of language.grammars) {
        assert.ok(GRAMMARS.includes(grammar), `${info}: ${grammar} is not in grammars.json`);
      }
    }
    for (const grammar of GRAMMARS) {
      assert.ok(fs.existsSync(path.join(root, 'node_modules', 'highlight.js', 'lib', 'languages', `${grammar}.js`)), grammar);
    }
  });
});
