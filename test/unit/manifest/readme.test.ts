// The README is the marketplace page: every command and setting has a row, and its images are
// files of the repository that vsce can turn into absolute URLs (it refuses SVG and missing files).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../runner/paths';

interface Manifest {
  contributes: {
    commands: Array<{ command: string }>;
    configuration: { properties: Record<string, unknown> } | Array<{ properties: Record<string, unknown> }>;
  };
}

const root = repoRoot();
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

/** The text of `## title` up to the next `## ` heading. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has no "## ${title}" section`);
  const next = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, next < 0 ? undefined : next);
}

describe('README (the marketplace page)', () => {
  it('has the sections a user looks for', () => {
    for (const title of ['Try it', 'Install', 'Commands', 'Settings', 'Privacy: where the token lives and what is sent where', 'Troubleshooting', 'Develop and test']) {
      section(title);
    }
  });

  it('has a row for every command of package.json', () => {
    const table = section('Commands');
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !table.includes(`\`${id}\``));
    assert.deepEqual(missing, [], 'add these commands to the Commands table of README.md');
  });

  it('has a row for every setting of package.json', () => {
    const config = manifest.contributes.configuration;
    const settings = (Array.isArray(config) ? config : [config]).flatMap((c) => Object.keys(c.properties));
    assert.ok(settings.includes('webex.apiBaseUrl'));
    const table = section('Settings');
    const missing = settings.filter((key) => !table.includes(`\`${key}\``));
    assert.deepEqual(missing, [], 'add these settings to the Settings table of README.md');
  });

  it('shows only PNG or JPEG images that exist in the repository', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0, 'the README shows the extension at work');
    for (const image of images) {
      assert.ok(!/^https?:/.test(image) || image.startsWith('https://'), `${image}: the marketplace needs https images`);
      if (!/^https:/.test(image)) {
        assert.match(image, /\.(png|jpe?g)$/i, `${image}: vsce refuses SVG images in the README`);
        assert.ok(fs.existsSync(path.join(root, image)), `${image} does not exist`);
      }
    }
  });
});
