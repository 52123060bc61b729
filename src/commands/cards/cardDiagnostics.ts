/**
 * Webex's card rules (services/cards/cardRules.ts) as diagnostics in the Problems view, for
 * `*.card.json` files and JSON whose `$schema` is an Adaptive Card schema, kept up to date as
 * the user types. The schema's own checks (completion, hover, types) are VS Code's JSON support
 * with the schema package.json contributes; these add what only Webex decides. The rules load
 * (dist/cardTools.js) when the first card document shows up, not at activation.
 */
import * as vscode from 'vscode';
import { loadCardTools } from './cardToolsLoader';
import type { CardProblem } from '../../services/cards/cardRules';
import { declaresCardSchema, isCardFileName } from '../../services/cards/cardFacts';

/** The Problems view's source of these diagnostics. */
export const CARD_DIAGNOSTICS_SOURCE = 'Webex cards';

/** Typing pauses this long (ms) before the rules run again. */
const DEBOUNCE_MS = 200;

/** True when a document is an Adaptive Card the rules apply to. */
export function isCardDocument(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'json' && document.languageId !== 'jsonc') {
    return false;
  }
  return isCardFileName(document.uri.path) || declaresCardSchema(document.getText());
}

/** A problem as a diagnostic over the JSON node it points at. */
export function toDiagnostic(document: vscode.TextDocument, problem: CardProblem): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(problem.offset), document.positionAt(problem.offset + problem.length));
  const diagnostic = new vscode.Diagnostic(range, problem.message, problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diagnostic.source = CARD_DIAGNOSTICS_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

export function registerCardDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('webex-cards');
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  let tools: Promise<typeof import('../../services/cards/cardTools.js')> | undefined;
  const update = (document: vscode.TextDocument): void => {
    if (!isCardDocument(document)) {
      collection.delete(document.uri);
      return;
    }
    const version = document.version;
    tools ??= loadCardTools();
    void tools.then(({ checkCardText }) => {
      // A newer version (or a close) may have come while the rules loaded: that one decides.
      if (!document.isClosed && document.version === version) {
        collection.set(document.uri, checkCardText(document.getText()).problems.map((p) => toDiagnostic(document, p)));
      }
    });
  };
  const later = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(pending.get(key));
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key);
        update(document);
      }, DEBOUNCE_MS),
    );
  };
  const forget = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(pending.get(key));
    pending.delete(key);
    collection.delete(document.uri);
  };

  for (const document of vscode.workspace.textDocuments) {
    update(document);
  }
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => later(e.document)),
    vscode.workspace.onDidCloseTextDocument(forget),
    { dispose: () => pending.forEach((timer) => clearTimeout(timer)) },
  );
}
