/**
 * The host's side of a code block's toolbar (page/code/codeView.ts asks): copy the exact text to
 * VS Code's clipboard, open it in an untitled editor with its language, insert it at the cursor of
 * the last active text editor, or save it where the user says. The page is untrusted: the caller
 * checks the code is text of the message first (codeText.ts `isTextOf`).
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { languageByKey, suggestedFileName } from './page/code/languages';

export type CodeActionKind = 'copy' | 'open' | 'insert' | 'save';

/**
 * The last text editor that had focus. When a toolbar button is clicked the webview has focus, so
 * `window.activeTextEditor` is undefined then: this remembers the editor the user left for the
 * conversation. Output and other panels' editors do not count.
 */
export class LastTextEditor implements vscode.Disposable {
  private editor: vscode.TextEditor | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && editor.document.uri.scheme !== 'output') {
      this.editor = editor;
    }
  }

  /** The editor, if it (or another editor of its document) is still open. */
  get current(): vscode.TextEditor | undefined {
    const last = this.editor;
    if (!last || last.document.isClosed) {
      return undefined;
    }
    // A TextEditor object is not reused once its tab was hidden; find the one showing the document now.
    const visible = vscode.window.visibleTextEditors;
    return visible.find((e) => e === last) ?? visible.find((e) => e.document === last.document);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

export interface CodeActionEnvironment {
  readonly lastTextEditor: LastTextEditor;
  chooseSaveLocation(defaultUri: vscode.Uri): Promise<vscode.Uri | undefined>;
}

/** The VS Code language id for a languages.ts key: its first id VS Code knows, else plain text. */
async function vscodeLanguage(key: string | undefined): Promise<string> {
  const language = key === undefined ? undefined : languageByKey(key);
  if (!language) {
    return 'plaintext';
  }
  const known = await vscode.languages.getLanguages();
  return language.vscodeIds.find((id) => known.includes(id)) ?? 'plaintext';
}

/** Runs one toolbar action; false when the user cancelled (the save dialog). */
export async function runCodeAction(env: CodeActionEnvironment, action: CodeActionKind, code: string, languageKey: string | undefined): Promise<boolean> {
  switch (action) {
    case 'copy':
      // The text as it is: LF line ends as markdown gives them, nothing added.
      await vscode.env.clipboard.writeText(code);
      return true;
    case 'open': {
      const document = await vscode.workspace.openTextDocument({ language: await vscodeLanguage(languageKey), content: code });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      return true;
    }
    case 'insert':
      return await insert(env, code);
    case 'save': {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
      const name = suggestedFileName(languageKey === undefined ? undefined : languageByKey(languageKey));
      const target = await env.chooseSaveLocation(vscode.Uri.joinPath(folder, name));
      if (!target) {
        return false;
      }
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(code));
      return true;
    }
  }
}

async function insert(env: CodeActionEnvironment, code: string): Promise<boolean> {
  const editor = env.lastTextEditor.current;
  if (!editor) {
    throw new Error('There is no text editor to insert into: open a file, put the cursor where the code goes, and try again.');
  }
  // One edit call is one undo step (TextEditor.edit); it replaces the selection, as a paste would.
  const selection = editor.selection;
  const done = await editor.edit((builder) => builder.replace(selection, code));
  if (!done) {
    throw new Error(`The code could not be inserted into ${vscode.workspace.asRelativePath(editor.document.uri)} (is it read-only?).`);
  }
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  return true;
}
