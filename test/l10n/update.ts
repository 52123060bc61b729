/**
 * `npm run l10n`: moves new literal strings of package.json into package.nls.json (as `%key%`) and
 * writes l10n/bundle.l10n.json, the English bundle, from the `l10n.t` calls of src/. Translators
 * then add the new keys to package.nls.<language>.json and l10n/bundle.l10n.<language>.json; the
 * unit test test/unit/l10n/ names what is missing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../runner/paths';
import { externalize } from './manifest';
import { englishBundle } from './bundles';

const root = repoRoot();
const manifestPath = path.join(root, 'package.json');
const nlsPath = path.join(root, 'package.nls.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, never>;
const nls = fs.existsSync(nlsPath) ? (JSON.parse(fs.readFileSync(nlsPath, 'utf8')) as Record<string, string>) : {};
const added = externalize(manifest, nls);
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
fs.writeFileSync(nlsPath, `${JSON.stringify(nls, null, 2)}\n`);
const bundle = englishBundle(root);
fs.mkdirSync(path.join(root, 'l10n'), { recursive: true });
fs.writeFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`package.nls.json: ${added.length} new keys${added.length ? ` (${added.join(', ')})` : ''}; l10n/bundle.l10n.json: ${Object.keys(bundle).length} messages`);
