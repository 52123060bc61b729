// The bundles as files: the English bundle built from src/, and reading a translation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localized, sourceFiles } from './sourceStrings';

/** Every `l10n.t` message of src/, each its own translation key (VS Code's bundle format), sorted. */
export function englishBundle(root: string): Record<string, string> {
  const messages = [...new Set(localized(sourceFiles(root)).map((f) => f.text).filter((t) => t !== ''))].sort();
  return Object.fromEntries(messages.map((m) => [m, m]));
}

export function readJson(file: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
}

/** The translations shipped besides English: `de` for package.nls.de.json and bundle.l10n.de.json. */
export function translations(root: string): string[] {
  return fs
    .readdirSync(root)
    .map((f) => /^package\.nls\.([\w-]+)\.json$/.exec(f)?.[1])
    .filter((l): l is string => l !== undefined)
    .concat(fs.readdirSync(path.join(root, 'l10n')).map((f) => /^bundle\.l10n\.([\w-]+)\.json$/.exec(f)?.[1]).filter((l): l is string => l !== undefined))
    .filter((l, i, all) => all.indexOf(l) === i)
    .sort();
}

/** The placeholders of a message (`{0}`, `{name}`), sorted: a translation must keep the same. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
