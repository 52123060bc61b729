/**
 * One translation bundle for all the extension's code. The UI layers call `vscode.l10n.t`, which
 * reads l10n/bundle.l10n.<language>.json for VS Code's display language; the services (no `vscode`
 * import) and the conversation page call `l10n.t` of `@vscode/l10n`, which this module points at
 * the same bundle (https://github.com/microsoft/vscode-l10n, "@vscode/l10n": pass it
 * `vscode.l10n.bundle`). extension.ts imports it first, so module-level strings are translated too.
 * In English there is no bundle and every message is its own text.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

const bundle = vscode.l10n.bundle;
if (bundle !== undefined) {
  l10n.config({ contents: bundle });
}

/** The bundle for the page (undefined in English), and the language to format dates and numbers in. */
export function pageLocalization(): { language: string; bundle: Record<string, string> | undefined } {
  return { language: vscode.env.language, bundle: vscode.l10n.bundle };
}
