/**
 * Loads dist/cardTools.js (the rules, the templating, the starters) on first use and points its own
 * copy of @vscode/l10n at the extension's translations, so its problems and labels are translated too.
 */
import * as vscode from 'vscode';

type CardTools = typeof import('../../services/cards/cardTools.js');

let loading: Promise<CardTools> | undefined;

export function loadCardTools(): Promise<CardTools> {
  loading ??= import('../../services/cards/cardTools.js').then((tools) => {
    if (vscode.l10n.bundle !== undefined) {
      tools.configureL10n({ contents: vscode.l10n.bundle });
    }
    return tools;
  });
  return loading;
}
