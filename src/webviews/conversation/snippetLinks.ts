/**
 * The host's side of a snippet's link: opens the workspace file a snippet names at its lines.
 * The page only says which message was clicked; the host reads that message from its own copy of
 * the space (what Webex sent, not what the page says) and decides everything again, because any
 * sender controls the path: only files inside the workspace folders open (snippetPath.ts).
 *
 * When the lines no longer match: the snippet found elsewhere in the file opens there ("moved");
 * otherwise "changed", with **Compare with my copy**: VS Code's diff editor (`vscode.diff`), the
 * file with the snippet in place of those lines on the left (a read-only document of this
 * provider's own scheme), the file as it is on the right.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import type { Message } from '../../webex/types';
import { describeLines, languageOfFence } from '../../services/sharing/snippet';
import { parseSnippetMessage, type SnippetReference } from '../../services/sharing/snippetHeader';
import { locateSnippet, withSnippetAt } from '../../services/sharing/snippetMatch';
import { isInside, resolveSnippetPath } from '../../services/sharing/snippetPath';

export const SNIPPET_SCHEME = 'webex-snippet';
export const COMPARE = vscode.l10n.t('Compare with my copy');
export const OPEN_COPY = vscode.l10n.t('Open the Snippet in an Editor');

export type SnippetOutcome = 'opened' | 'moved' | 'changed' | 'outside' | 'refused';

/** Left sides of comparisons kept for the diff editor (older ones are dropped). */
const KEEP = 20;

/** A path from a message, safe to show in a notification: no controls, no bidi overrides, not endless. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '�');
  return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class SnippetLinks implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly copies = new Map<string, string>();
  private next = 1;
  private readonly registration: vscode.Disposable;

  constructor(private readonly services: ExtensionServices) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(SNIPPET_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.copies.get(uri.query) ?? '';
  }

  /** Opens what `message`'s snippet names; says what happened when it is not simply there. */
  async open(message: Message | undefined): Promise<SnippetOutcome> {
    if (!message) {
      throw new Error('That message is no longer in this space.');
    }
    const ref = parseSnippetMessage(message.markdown ?? '');
    if (!ref) {
      throw new Error('That message names no file of a workspace.');
    }
    const resolution = resolveSnippetPath(ref.path, (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name })));
    if (!resolution.ok) {
      void this.services.prompts.notify('warning', vscode.l10n.t('Not opened: “{0}”: {1}.', shown(ref.path), resolution.reason));
      return 'refused';
    }
    const uri = await this.findFile(resolution.candidates);
    if (!uri) {
      this.offerCopy(ref);
      return 'outside';
    }
    const document = await vscode.workspace.openTextDocument(uri);
    if (ref.code === undefined) {
      await this.show(document, ref.startLine, ref.endLine);
      return 'opened';
    }
    const location = locateSnippet(document.getText(), ref.code, ref.startLine);
    const name = shown(ref.path);
    switch (location.kind) {
      case 'same':
        await this.show(document, location.startLine, location.endLine);
        return 'opened';
      case 'moved':
        await this.show(document, location.startLine, location.endLine);
        void this.services.prompts.notify(
          'info',
          vscode.l10n.t('The snippet has moved since it was sent: it is now at {0} of {1}.', describeLines({ ...location, wholeFile: false }), name),
        );
        return 'moved';
      case 'changed':
        await this.show(document, ref.startLine, ref.endLine);
        void this.services.prompts
          .notify('warning', vscode.l10n.t('{0} of {1} have changed since the snippet was sent.', capitalized(describeLines(ref)), name), COMPARE)
          .then((choice) => (choice === COMPARE ? this.compare(document, ref, ref.code ?? '') : undefined))
          .catch((error: unknown) => this.services.errors.show(error, 'Could not compare the snippet'));
        return 'changed';
    }
  }

  /** The first candidate that is a file strictly inside its workspace folder. */
  private async findFile(candidates: ReadonlyArray<{ folderIndex: number; segments: string[] }>): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const candidate of candidates) {
      const folder = folders[candidate.folderIndex];
      if (!folder) {
        continue;
      }
      const uri = vscode.Uri.joinPath(folder.uri, ...candidate.segments);
      // joinPath normalises; check again that the result did not leave the folder.
      if (!isInside(folder.uri.path, uri.path)) {
        continue;
      }
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.type & vscode.FileType.File) {
          return uri;
        }
      } catch {
        // Not there: the next candidate.
      }
    }
    return undefined;
  }

  private offerCopy(ref: SnippetReference): void {
    const name = shown(ref.path);
    if (ref.code === undefined) {
      void this.services.prompts.notify('info', vscode.l10n.t('{0} is not in this workspace.', name));
      return;
    }
    const code = ref.code;
    void this.services.prompts
      .notify('info', vscode.l10n.t('{0} is not in this workspace (another repository, or a colleague\'s own file).', name), OPEN_COPY)
      .then(async (choice) => {
        if (choice === OPEN_COPY) {
          const languages = await vscode.languages.getLanguages();
          const wanted = languageOfFence(ref.language ?? '');
          const document = await vscode.workspace.openTextDocument({ content: code, language: languages.includes(wanted) ? wanted : 'plaintext' });
          await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
        }
      })
      .catch((error: unknown) => this.services.errors.show(error, 'Could not open the snippet'));
  }

  /** The file at those lines, selected and revealed, beside the conversation. */
  private async show(document: vscode.TextDocument, startLine: number, endLine: number): Promise<vscode.TextEditor> {
    const last = Math.max(document.lineCount - 1, 0);
    const from = Math.min(Math.max(startLine - 1, 0), last);
    const to = Math.min(Math.max(endLine - 1, from), last);
    const range = new vscode.Range(from, 0, to, document.lineAt(to).text.length);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
      selection: new vscode.Selection(range.start, range.end),
      preview: true,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** The diff editor: the snippet in place on the left, the file now on the right. */
  private async compare(document: vscode.TextDocument, ref: SnippetReference, code: string): Promise<void> {
    const id = String(this.next++);
    this.copies.set(id, withSnippetAt(document.getText(), code, ref.startLine, ref.endLine));
    for (const key of [...this.copies.keys()].slice(0, Math.max(0, this.copies.size - KEEP))) {
      this.copies.delete(key);
    }
    const base = path.posix.basename(document.uri.path);
    const left = vscode.Uri.from({ scheme: SNIPPET_SCHEME, path: `/${base}`, query: id });
    const line = Math.min(Math.max(ref.startLine - 1, 0), Math.max(document.lineCount - 1, 0));
    await vscode.commands.executeCommand('vscode.diff', left, document.uri, `${base}: the snippet as sent ↔ now`, {
      selection: new vscode.Range(line, 0, line, 0),
      preview: true,
    });
  }

  dispose(): void {
    this.registration.dispose();
    this.copies.clear();
  }
}
