// Every string a user reads goes through VS Code's localization, and the German translation has
// them all: the manifest's strings are `%key%`s of package.nls.json; the strings of src/ that reach
// a VS Code UI call, a tree item or the page's DOM are `l10n.t` messages (checked over those call
// sites, test/l10n/sourceStrings.ts); l10n/bundle.l10n.json is up to date with them (`npm run l10n`
// rewrites it); each translation has each key with the same placeholders.
// Not checked: src/webex/ (the REST client's messages name HTTP requests and Webex's own English
// error text; they are shown after a localized summary).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../runner/paths';
import { KEY_REFERENCE, manifestStrings } from '../../l10n/manifest';
import { englishBundle, placeholders, readJson, translations } from '../../l10n/bundles';
import { localized, sourceFiles, unlocalized } from '../../l10n/sourceStrings';

const root = repoRoot();
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, never>;
const nls = readJson(path.join(root, 'package.nls.json'));
const files = sourceFiles(root).filter((f) => !f.includes(`${path.sep}src${path.sep}webex${path.sep}`));
const where = (f: { file: string; line: number; text: string }): string => `${path.relative(root, f.file)}:${f.line} "${f.text}"`;

describe('Localization', () => {
  it('ships German besides English', () => {
    assert.deepEqual(translations(root), ['de']);
  });

  it('keeps every user-facing string of package.json in package.nls.json', () => {
    const strings = manifestStrings(manifest);
    assert.ok(strings.length > 50, 'the manifest strings are found');
    const literal = strings.filter((s) => !KEY_REFERENCE.test(s.value)).map((s) => `${s.where}: "${s.value}"`);
    assert.deepEqual(literal, [], 'run `npm run l10n` to move these into package.nls.json');
    const keys = strings.map((s) => KEY_REFERENCE.exec(s.value)?.[1] ?? '');
    assert.deepEqual(keys.filter((k) => nls[k] === undefined), [], 'keys of package.json missing from package.nls.json');
    assert.deepEqual(Object.keys(nls).filter((k) => !keys.includes(k)), [], 'keys of package.nls.json nothing uses');
  });

  it('sends the strings of src/ that reach the UI through l10n.t', () => {
    const found = unlocalized(files);
    assert.deepEqual(found.map((f) => `${where(f)} → ${f.sink ?? ''}`), [], 'wrap these in vscode.l10n.t (UI layers) or l10n.t of @vscode/l10n (services, page)');
  });

  it('finds an unlocalized string where one is (the check above can fail)', () => {
    const probe = path.join(root, 'out', 'l10n-probe.ts');
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    fs.writeFileSync(probe, "void vscode.window.showErrorMessage(`Could not load ${what}`);\nel.setAttribute('aria-label', 'Close');\nvoid vscode.window.showInformationMessage(vscode.l10n.t('Done'));\n");
    try {
      assert.deepEqual(unlocalized([probe]).map((f) => f.text), ['Could not load {}', 'Close']);
    } finally {
      fs.rmSync(probe);
    }
  });

  it('has every l10n.t message in l10n/bundle.l10n.json, written as a literal', () => {
    const calls = localized(files);
    assert.ok(calls.length > 200, 'the messages are found');
    assert.deepEqual(calls.filter((c) => c.text === '').map(where), [], 'l10n.t needs a literal message (a variable cannot be extracted)');
    const bundle = readJson(path.join(root, 'l10n', 'bundle.l10n.json'));
    assert.deepEqual(bundle, englishBundle(root), 'l10n/bundle.l10n.json is out of date: run `npm run l10n`');
  });

  for (const language of ['de']) {
    it(`translates every key into ${language}, with the same placeholders`, () => {
      const pairs: Array<[string, Record<string, string>, Record<string, string>]> = [
        ['package.nls', nls, readJson(path.join(root, `package.nls.${language}.json`))],
        ['bundle.l10n', readJson(path.join(root, 'l10n', 'bundle.l10n.json')), readJson(path.join(root, 'l10n', `bundle.l10n.${language}.json`))],
      ];
      for (const [name, english, translated] of pairs) {
        assert.deepEqual(Object.keys(english).filter((k) => translated[k] === undefined), [], `${name}.${language}.json lacks these keys`);
        assert.deepEqual(Object.keys(translated).filter((k) => english[k] === undefined), [], `${name}.${language}.json has keys English no longer has`);
        for (const [key, text] of Object.entries(english)) {
          assert.deepEqual(placeholders(translated[key]), placeholders(text), `${name}.${language}.json "${key}": placeholders differ`);
          assert.ok(translated[key].trim() !== '', `${name}.${language}.json "${key}" is empty`);
          // Command links of welcome views and walkthroughs must survive translation.
          assert.deepEqual([...translated[key].matchAll(/\]\((command:[^)]+|https?:[^)]+)\)/g)].map((m) => m[1]).sort(), [...text.matchAll(/\]\((command:[^)]+|https?:[^)]+)\)/g)].map((m) => m[1]).sort(), `${name}.${language}.json "${key}": links differ`);
        }
      }
    });
  }
});
