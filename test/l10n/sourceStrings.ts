/**
 * The strings of src/ as localization sees them, read with the TypeScript compiler's parser:
 * - `localized()`: every message passed to `l10n.t(…)` (`vscode.l10n.t` in the UI layers, the
 *   `@vscode/l10n` package in services and the conversation page), which is what
 *   l10n/bundle.l10n.json must hold (https://code.visualstudio.com/api/references/vscode-api#l10n);
 * - `unlocalized()`: string literals that reach the UI without going through it: arguments and
 *   options of the `vscode.window` calls that show text, our prompts, card problems (the Problems view), tree item and status bar texts, webview
 *   titles, and in the page the DOM properties and attributes a user reads or hears.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface Found {
  file: string;
  line: number;
  text: string;
  /** For `unlocalized`: what the literal is given to (e.g. `showErrorMessage`, `.textContent`). */
  sink?: string;
  /** Offsets of the literal in the file. */
  start?: number;
  end?: number;
}

export function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(full);
      }
    }
  };
  walk(path.join(root, 'src'));
  return files.sort();
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function isL10nCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 't') {
    return false;
  }
  const target = node.expression.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

/** The message of an `l10n.t` call: its first argument, a literal or `{ message, comment }`. */
function messageOf(call: ts.CallExpression): string | undefined {
  const first = call.arguments[0];
  if (first === undefined) {
    return undefined;
  }
  if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) {
    return first.text;
  }
  if (ts.isObjectLiteralExpression(first)) {
    for (const p of first.properties) {
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'message' && (ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer))) {
        return p.initializer.text;
      }
    }
  }
  return undefined;
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** Every `l10n.t` message in `files`; a call whose message is not a literal is returned with text ''. */
export function localized(files: string[]): Found[] {
  const found: Found[] = [];
  for (const file of files) {
    const source = parse(file);
    const visit = (node: ts.Node): void => {
      if (isL10nCall(node)) {
        found.push({ file, line: lineOf(source, node), text: messageOf(node) ?? '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** `vscode.window` calls whose string arguments are shown to the user. */
const SHOWING_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage', 'createWebviewPanel']);
/** Options and items properties the user reads (quick picks, input boxes, progress, tree items, status bar). */
const SHOWN_PROPERTIES = new Set(['placeHolder', 'prompt', 'title', 'label', 'description', 'detail', 'tooltip', 'message', 'validationMessage', 'openLabel', 'saveLabel', 'action']);
/** Our own functions that show their string arguments: the prompts of src/commands/prompts.ts, the page's DOM helpers. */
const SHOWING_HELPERS = new Map<string, number[]>([
  ['confirm', [0]],
  ['notify', [1, 2, 3, 4]],
  ['iconButton', [2, 3]],
  ['textButton', [2, 3]],
  ['problem', [2]],
  ['text', [0]],
  ['el', [2]],
  ['show', [0]],
  ['withProgress', [0]],
  ['withCancellableProgress', [0]],
  ['checking', [0]],
  ['required', [0]],
  ['button', [0]],
  ['showStatus', [1]],
]);
/** Arrays whose entries are shown to the user (problems and tooltip lines): `errors.push('…')`. */
const SHOWN_ARRAYS = new Set(['errors', 'problems', 'warnings', 'lines', 'notes']);
/** DOM properties and attributes of the page a user reads or a screen reader speaks. */
const DOM_PROPERTIES = new Set(['textContent', 'title', 'placeholder', 'ariaLabel', 'innerText', 'alt']);
const DOM_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-description']);

/** Text a user would read: has a letter and is not an id, a path, a CSS class or a codicon. */
function looksLikeText(text: string): boolean {
  if (!/\p{L}/u.test(text)) {
    return false;
  }
  if (/^[\w.-]+$/.test(text) && !/\s/.test(text) && !/^[A-Z][a-z]+$/.test(text)) {
    // webex.signIn, codicon-name, a CSS class, a setting key; a single capitalised word (Copy) is text.
    return false;
  }
  return !/^\$\([\w-]+\)$/.test(text);
}

function literalText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return node.text;
  }
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join('');
  }
  return undefined;
}

/** String literals in `files` that reach the UI without `l10n.t`, with what they are given to. */
export function unlocalized(files: string[]): Found[] {
  const found: Found[] = [];
  for (const file of files) {
    const source = parse(file);
    const report = (node: ts.Expression, sink: string): void => {
      // A ternary or `??` of literals: each branch is shown.
      if (ts.isConditionalExpression(node)) {
        report(node.whenTrue, sink);
        report(node.whenFalse, sink);
        return;
      }
      if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.PlusToken].includes(node.operatorToken.kind)) {
        report(node.left, sink);
        report(node.right, sink);
        return;
      }
      if (ts.isParenthesizedExpression(node)) {
        report(node.expression, sink);
        return;
      }
      const text = literalText(node);
      if (text !== undefined && looksLikeText(text)) {
        found.push({ file, line: lineOf(source, node), text, sink, start: node.getStart(source), end: node.getEnd() });
      }
    };
    const visit = (node: ts.Node): void => {
      if (isL10nCall(node)) {
        return; // what is inside is localized (its arguments are values)
      }
      // `// l10n-ignore: why` before a node: text that is content, not our UI (e.g. a card the user edits and sends).
      if ((ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? []).some((r) => source.text.slice(r.pos, r.end).includes('l10n-ignore'))) {
        return;
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const name = node.expression.name.text;
        if (SHOWING_CALLS.has(name)) {
          const args = name === 'createWebviewPanel' ? node.arguments.slice(1, 2) : node.arguments;
          args.forEach((a) => report(a, name));
        }
        const target = node.expression.expression;
        if (name === 'push' && ts.isIdentifier(target) && SHOWN_ARRAYS.has(target.text)) {
          node.arguments.forEach((a) => report(a, `${target.text}.push()`));
        }
        if (name === 'setAttribute' && node.arguments.length === 2) {
          const attr = literalText(node.arguments[0]);
          if (attr !== undefined && DOM_ATTRIBUTES.has(attr)) {
            report(node.arguments[1], `setAttribute('${attr}')`);
          }
        }
      }
      if (ts.isCallExpression(node)) {
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : ts.isIdentifier(node.expression) ? node.expression.text : '';
        for (const i of SHOWING_HELPERS.get(callee) ?? []) {
          const arg = node.arguments[i];
          if (arg !== undefined) {
            report(arg, `${callee}()`);
          }
        }
      }
      if (ts.isNewExpression(node) && /(^|\.)(TreeItem|MarkdownString|ThemeIcon)$/.test(node.expression.getText(source)) && node.arguments?.[0] !== undefined) {
        if (!node.expression.getText(source).endsWith('ThemeIcon')) {
          report(node.arguments[0], `new ${node.expression.getText(source)}`);
        }
      }
      if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && SHOWN_PROPERTIES.has(node.name.text)) {
        report(node.initializer, node.name.text);
      }
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
        const prop = node.left.name.text;
        if (DOM_PROPERTIES.has(prop) || SHOWN_PROPERTIES.has(prop) || prop === 'text') {
          report(node.right, `.${prop}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
