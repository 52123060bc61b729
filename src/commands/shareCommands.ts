/**
 * Send code from the editor (the selection, or the whole file) and files from the explorer.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { Room } from '../webex/types';
import { MAX_FILE_BYTES } from '../webex/validation';
import { buildSnippet, describeLines, formatBytes, selectionLines } from '../services/sharing/snippet';
import { withProgress } from './progress';
import { pickSpace, roomFromArgument } from './targets';
import { refreshAfterPosting } from './messageCommands';
import { postOnce } from './posting';

export function registerShareCommands(services: ExtensionServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('webex.sendSelection', (arg?: unknown) => sendSelection(services, arg)),
    vscode.commands.registerCommand('webex.sendFile', (uri?: unknown, uris?: unknown) => sendFiles(services, uri, uris)),
  );
}

async function chooseSpace(services: ExtensionServices, arg: unknown, title: string): Promise<Room | undefined> {
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
 * path and lines above; too long for a message, it goes as a file, and the user is told so.
 */
async function sendSelection(services: ExtensionServices, arg: unknown): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void services.prompts.notify('info', 'Open a file and select the code to send to Webex.');
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
    void services.prompts.notify('info', wholeFile ? 'The file is empty: nothing to send.' : 'The selection is blank: nothing to send.');
    return;
  }
  const lines = wholeFile ? { startLine: 1, endLine: document.lineCount } : selectionLines(selection.start, selection.end);
  const relative = document.isUntitled
    ? path.basename(document.fileName)
    : vscode.workspace.asRelativePath(document.uri, false).replace(/\\/g, '/');
  const snippet = buildSnippet({ code, languageId: document.languageId, path: relative, ...lines, wholeFile });
  const room = await chooseSpace(services, arg, `Send ${describeLines({ ...lines, wholeFile })} of ${path.basename(relative)} to…`);
  if (!room) {
    return;
  }
  try {
    const params =
      snippet.kind === 'message'
        ? { roomId: room.id, markdown: snippet.markdown }
        : { roomId: room.id, markdown: snippet.markdown, file: { data: snippet.data, filename: snippet.filename, contentType: snippet.contentType } };
    const outcome = await postOnce(services, client, params, { progress: `Sending ${path.basename(relative)} to ${room.title}…`, destinationName: room.title });
    if (!outcome) {
      return;
    }
    refreshAfterPosting(services);
    if (outcome.arrivedEarlier) {
      return; // postOnce said it had arrived.
    }
    void services.prompts.notify(
      'info',
      snippet.kind === 'message'
        ? `Sent ${describeLines({ ...lines, wholeFile })} of ${path.basename(relative)} to ${room.title}.`
        : `Sent as a file attachment (${snippet.filename}) to ${room.title}: at ${formatBytes(snippet.inlineBytes)} the snippet is over Webex’s 7439-byte message limit.`,
    );
  } catch (error) {
    services.errors.show(error, `Could not send the code to ${room.title}`);
  }
}

/** One file per message (notes §6): several selected files go as several messages, in order. */
async function sendFiles(services: ExtensionServices, uri: unknown, uris: unknown): Promise<void> {
  const files = fileArguments(uri, uris);
  if (files.length === 0) {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && active.scheme !== 'untitled') {
      files.push(active);
    } else {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Send to Webex' });
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
    await withProgress(`Sending to ${room.title}`, async (signal, report) => {
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
      files.length === 1 ? `Sent ${names[0]} to ${room.title}.` : `Sent ${files.length} files to ${room.title}.`,
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
