// package.json as the marketplace and VS Code read it: the walkthrough points at real commands,
// views and files; the icon is a proper PNG; the VSIX holds only what the installed extension needs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PackageManager, listFiles } from '@vscode/vsce';
import { repoRoot } from '../../runner/paths';
import { CommandId } from '../../../src/commands/commandIds';
import { resolveManifest } from '../../l10n/manifest';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}

interface Manifest {
  icon?: string;
  activationEvents?: string[];
  repository?: { type: string; url: string };
  categories?: string[];
  keywords?: string[];
  galleryBanner?: { color: string; theme: string };
  contributes: {
    commands: Array<{ command: string }>;
    views: Record<string, Array<{ id: string }>>;
    walkthroughs?: Array<{ id: string; title: string; steps: Step[] }>;
    grammars?: Array<{ path: string }>;
    languages?: Array<{ configuration?: string }>;
  };
}

const root = repoRoot();
// As VS Code shows it: the `%key%` strings resolved from package.nls.json.
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const manifest = resolveManifest(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest, nls);
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));

/** Width and height from a PNG's IHDR chunk (PNG spec §11.2.2), after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  assert.deepEqual([...data.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is not a PNG`);
  assert.equal(data.toString('latin1', 12, 16), 'IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('package.json for the marketplace', () => {
  it('has a square PNG icon of 128 to 256 pixels, a repository, categories and keywords', () => {
    assert.ok(manifest.icon);
    const { width, height } = pngSize(path.join(root, manifest.icon));
    assert.equal(width, height);
    assert.ok(width >= 128 && width <= 256, `icon is ${width}×${height}`);
    assert.match(manifest.repository?.url ?? '', /^https:\/\//, 'vsce needs a repository to turn README image links absolute');
    assert.ok((manifest.categories ?? []).length > 0);
    assert.ok((manifest.keywords ?? []).length >= 3 && (manifest.keywords ?? []).length <= 30, 'vsce allows at most 30 keywords');
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
  });

  it('contributes exactly the commands of the command-ids module; every onCommand activation names one', () => {
    const ids = Object.values(CommandId);
    assert.equal(new Set(ids).size, ids.length, 'no id is in the module twice');
    assert.deepEqual([...ids].sort(), [...commands].sort(), 'the module and contributes.commands list the same ids');
    const activating = new Set((manifest.activationEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)));
    for (const id of activating) {
      assert.ok(commands.has(id), `onCommand:${id} is not a contributed command`);
    }
  });

  it('has a walkthrough whose steps use real commands, views and media, and complete when done', () => {
    const walkthroughs = manifest.contributes.walkthroughs ?? [];
    assert.equal(walkthroughs.length, 1);
    const steps = walkthroughs[0].steps;
    assert.deepEqual(
      steps.map((s) => s.id),
      ['getToken', 'signIn', 'seeSpaces', 'createSpace', 'postMessage', 'sendSnippet', 'readConversation', 'botsAndIntegrations', 'tryApi'],
    );
    for (const step of steps) {
      assert.ok(step.media.markdown, `${step.id} has markdown media`);
      assert.ok(fs.existsSync(path.join(root, step.media.markdown)), `${step.media.markdown} exists`);
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} completes on something the user does`);
      for (const event of step.completionEvents ?? []) {
        const [kind, ...rest] = event.split(':');
        const target = rest.join(':');
        if (kind === 'onCommand') {
          assert.ok(commands.has(target), `${step.id}: ${event} is not a contributed command`);
        } else if (kind === 'onView') {
          assert.ok(views.has(target), `${step.id}: ${event} is not a contributed view`);
        } else {
          assert.ok(['onContext', 'onLink', 'onStepSelected'].includes(kind), `${step.id}: unexpected ${event}`);
        }
      }
      for (const [, command] of step.description.matchAll(/\(command:([\w.:-]+)\)/g)) {
        const view = command.endsWith('.focus') ? command.slice(0, -'.focus'.length) : undefined;
        assert.ok(commands.has(command) || (view !== undefined && views.has(view)), `${step.id}: command:${command} does not exist`);
      }
    }
    const signIn = steps.find((s) => s.id === 'signIn');
    assert.deepEqual(signIn?.completionEvents, ['onContext:webex:signedIn']);
  });

  it('packages only the bundles, the media the extension reads and the documents', async function () {
    // Loading vsce takes seconds on a busy 2-core machine.
    this.timeout(90_000);
    const files = await listFiles({ cwd: root, packageManager: PackageManager.None });
    const allowed = [
      /^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/,
      /^package\.nls(\.[\w-]+)?\.json$/,
      /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
      /^dist\/(extension|console)\.js$/,
      /^dist\/card(Templating|Tools)\.js$/,
      /^media\/schemas\/[\w.-]+\.schema\.json$/,
      /^dist\/webview\/[\w-]+\.(js|css|ttf)$/,
      /^media\/[\w-]+\.(svg|css)$/,
      /^media\/icon\.png$/,
      /^media\/walkthrough\/\w+\.md$/,
      /^media\/console\/[\w-]+\.(tmLanguage|language-configuration)\.json$/,
    ];
    const unexpected = files.filter((f) => !allowed.some((re) => re.test(f)));
    assert.deepEqual(unexpected, [], 'files in the VSIX that .vscodeignore should leave out');
    for (const needed of ['package.json', 'package.nls.json', 'package.nls.de.json', 'l10n/bundle.l10n.de.json', 'README.md', 'CHANGELOG.md', 'LICENSE', manifest.icon ?? 'icon']) {
      assert.ok(files.includes(needed), `${needed} is not packaged`);
    }
    // The card schema package.json contributes for *.card.json (jsonValidation).
    assert.ok(files.includes('media/schemas/adaptive-card-1.3.schema.json'), 'the card schema is not packaged');
    for (const step of manifest.contributes.walkthroughs?.[0].steps ?? []) {
      assert.ok(files.includes(step.media.markdown ?? ''), `${step.media.markdown} is not packaged`);
    }
    // The request files' grammars and language configuration: without them the language has no colours.
    const languageFiles = JSON.stringify([manifest.contributes.grammars, manifest.contributes.languages]).match(/\.\/media\/[^"]+/g) ?? [];
    assert.ok(languageFiles.length >= 3, 'the grammars and the language configuration are contributed');
    for (const file of languageFiles) {
      assert.ok(files.includes(file.slice(2)), `${file} is not packaged`);
    }
    // The bundles exist only after a build; when they do, they must be in.
    // The highlighter's chunks too: the page loads them from the installed extension when a code block needs one.
    const grammars = JSON.parse(fs.readFileSync(path.join(root, 'src', 'webviews', 'conversation', 'page', 'code', 'grammars.json'), 'utf8')) as string[];
    const chunks = ['core', ...grammars].map((name) => `dist/webview/highlight-${name}.js`);
    for (const bundle of ['dist/extension.js', 'dist/console.js', 'dist/cardTools.js', 'dist/cardTemplating.js', 'dist/webview/conversation.js', ...chunks]) {
      if (fs.existsSync(path.join(root, bundle))) {
        assert.ok(files.includes(bundle), `${bundle} is not packaged`);
      }
    }
  });
});
