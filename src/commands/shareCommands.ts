/**
 * Send code from the editor (the selection, or the whole file) and files from the explorer.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { Room } from '../webex/types';
import { MAX_FILE_BYTES } from '../webex/validation';
import { buildSnippet, describeLines, selectionLines } from '../services/sharing/snippet';
import { withProgress } from './progress';
import { pickSpace, roomFromArgument } from './targets';
import { refreshAfterPosting } from './messageCommands';
import { postOnce } from './posting';
import { snippetSource } from './sharing/gitInfo';
import { pickThread } from './sharing/threadPick';
import { postSnippet, workspacePath } from './sharing/postSnippet';
import { sendChanges } from './sharing/changeCommands';
import { CommandId } from './commandIds';

export function registerShareCommands(services: ExtensionServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.sendSelection, (arg?: unknown) => sendSelection(services, arg, false)),
    vscode.commands.registerCommand(CommandId.sendSelectionAsReply, (arg?: unknown) => sendSelection(services, arg, true)),
    vscode.commands.registerCommand(CommandId.sendChanges, (arg?: unknown) => sendChanges(services, arg, chooseSpace)),
    vscode.commands.registerCommand(CommandId.sendFile, (uri?: unknown, uris?: unknown) => sendFiles(services, uri, uris)),
  );
}

export async function chooseSpace(services: ExtensionServices, arg: unknown, title: string): Promise<Room | undefined> {
  const client = services.session.client;
  try {
    return (
      (client && !(arg instanceof vscode.Uri) ? await roomFromArgument(services, client, arg) : undefined) ??
      (await pickSpace(services, { title }))
    );
  } catch (error) {
    services.errors.show(error, 'Could not load your spaces');
    return undefined;
  }
}

/**
 * Posts the selection (or the whole file when nothing is selected) as a fenced code block with the
 * path and lines above (and, in a git repository, the commit and a permalink); too long for a
 * message, it goes as a file, and the user is told so. `asReply`: into a thread the user picks.
 */
async function sendSelection(services: ExtensionServices, arg: unknown, asReply: boolean): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void services.prompts.notify('info', vscode.l10n.t('Open a file and select the code to send to Webex.'));
    return;
  }
  const client = await services.session.requireClient();
  if (!client) {
    return;
  }
  const document = editor.document;
  const selection = editor.selection;
  const wholeFile = selection.isEmpty;
  const code = wholeFile ? document.getText() : document.getText(selection);
  if (code.trim() === '') {
    void services.prompts.notify('info', wholeFile ? vscode.l10n.t('The file is empty: nothing to send.') : vscode.l10n.t('The selection is blank: nothing to send.'));
    return;
  }
  const lines = wholeFile ? { startLine: 1, endLine: document.lineCount } : selectionLines(selection.start, selection.end);
  const relative = workspacePath(document);
  const source = document.isUntitled ? undefined : await snippetSource(document, { ...lines, wholeFile }, services.log);
  const snippet = buildSnippet({ code, languageId: document.languageId, path: relative, ...lines, wholeFile, source });
  const what = `${describeLines({ ...lines, wholeFile })} of ${path.basename(relative)}`;
  const room = await chooseSpace(services, arg, asReply ? `Reply with ${what} in a thread of…` : `Send ${what} to…`);
  if (!room) {
    return;
  }
  let parentId: string | undefined;
  if (asReply) {
    try {
      parentId = (await pickThread(services, client, room, `Reply with ${what} to which thread of ${room.title}?`))?.id;
    } catch (error) {
      services.errors.show(error, `Could not load the threads of ${room.title}`);
      return;
    }
    if (!parentId) {
      return;
    }
  }
  const where = asReply ? `a thread of ${room.title}` : room.title;
  await postSnippet(services, client, room, snippet, { parentId, name: path.basename(relative), sentText: `Sent ${what} to ${where}.` });
}

/** One file per message (Webex messaging API, messages): several selected files go as several messages, in order. */
async function sendFiles(services: ExtensionServices, uri: unknown, uris: unknown): Promise<void> {
  const files = fileArguments(uri, uris);
  if (files.length === 0) {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && active.scheme !== 'untitled') {
      files.push(active);
    } else {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Send to Webex') });
      if (!picked?.[0]) {
        return;
      }
      files.push(picked[0]);
    }
  }
  const client = await services.session.requireClient();
  if (!client) {
    return;
  }
  const names = files.map((f) => path.posix.basename(f.path));
  const room = await chooseSpace(
    services,
    uri,
    files.length === 1 ? `Send ${names[0]} to…` : `Send ${files.length} files (one message each) to…`,
  );
  if (!room) {
    return;
  }
  let sent = 0;
  try {
    await withProgress(vscode.l10n.t('Sending to {0}', room.title), async (signal, report) => {
      for (const [i, file] of files.entries()) {
        report(files.length === 1 ? names[i] : `${names[i]} (${i + 1} of ${files.length})`);
        const stat = await vscode.workspace.fs.stat(file);
        if (stat.type & vscode.FileType.Directory) {
          throw new Error(`${names[i]} is a folder; Webex sends files.`);
        }
        if (stat.size > MAX_FILE_BYTES) {
          throw new Error(`${names[i]} is ${stat.size.toLocaleString('en-US')} bytes, over the Webex limit of ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes (100 MB) per file.`);
        }
        // Read through VS Code's file system so remote and virtual workspaces work too.
        const data = await vscode.workspace.fs.readFile(file);
        const outcome = await postOnce(services, client, { roomId: room.id, file: { data, filename: names[i] } }, { progress: '', destinationName: room.title, signal });
        if (!outcome) {
          return; // The user chose not to send it again (it may have arrived); the rest waits.
        }
        sent++;
      }
    });
    refreshAfterPosting(services);
    if (sent < files.length) {
      const rest = files.length === 1 ? `${names[0]} was not sent again.` : `sent ${sent} of ${files.length}; ${names[sent]} and the rest were not sent.`;
      void services.prompts.notify('info', `${room.title}: ${rest}`);
      return;
    }
    void services.prompts.notify(
      'info',
      files.length === 1 ? vscode.l10n.t('Sent {0} to {1}.', names[0], room.title) : vscode.l10n.t('Sent {0} files to {1}.', files.length, room.title),
    );
  } catch (error) {
    const what =
      files.length > 1 && sent > 0
        ? `Sent ${sent} of ${files.length} files to ${room.title}; could not send ${names[sent]}`
        : `Could not send ${names[sent] ?? 'the file'} to ${room.title}`;
    services.errors.show(error, what);
  }
}

/** The explorer passes the clicked file and, with several selected, all of them. */
function fileArguments(uri: unknown, uris: unknown): vscode.Uri[] {
  if (Array.isArray(uris) && uris.length > 0 && uris.every((u) => u instanceof vscode.Uri)) {
    return [...uris];
  }
  return uri instanceof vscode.Uri ? [uri] : [];
}
