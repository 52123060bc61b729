/**
 * "Send Changes to Space": the uncommitted changes of the current file (only the hunks touching
 * the selected lines, when lines are selected) as a ```diff block under the path, with the same
 * size rule as snippets (over the message limit: a `.diff` file).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import type { Room } from '../../webex/types';
import { buildChanges } from '../../services/sharing/diffHunks';
import { describeLines, selectionLines } from '../../services/sharing/snippet';
import { changesOf } from './gitInfo';
import { postSnippet, workspacePath } from './postSnippet';

const SAVE_AND_SEND = vscode.l10n.t('Save and Send');

type ChooseSpace = (services: ExtensionServices, arg: unknown, title: string) => Promise<Room | undefined>;

export async function sendChanges(services: ExtensionServices, arg: unknown, chooseSpace: ChooseSpace): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.isUntitled) {
    void services.prompts.notify('info', vscode.l10n.t('Open a file of a git repository to send its changes to Webex.'));
    return;
  }
  const document = editor.document;
  const name = path.basename(document.uri.path);
  if (document.isDirty) {
    // git diffs what is on disk: unsaved edits would be left out without a word.
    const choice = await services.prompts.notify('warning', vscode.l10n.t('{0} has unsaved changes; the diff is of the saved file.', name), SAVE_AND_SEND);
    if (choice !== SAVE_AND_SEND || !(await document.save())) {
      return;
    }
  }
  const client = await services.session.requireClient();
  if (!client) {
    return;
  }
  const lines = editor.selection.isEmpty ? undefined : selectionLines(editor.selection.start, editor.selection.end);
  let changes;
  try {
    changes = await changesOf(document.uri);
  } catch (error) {
    services.errors.show(error, `Could not read the changes of ${name}`);
    return;
  }
  if ('reason' in changes) {
    void services.prompts.notify('info', vscode.l10n.t('{0} has no changes to send: {1}.', name, changes.reason));
    return;
  }
  const message = buildChanges({ path: workspacePath(document), repoPath: changes.repoPath, diff: changes.diff, lines, commit: changes.commit });
  if (message.kind === 'none') {
    void services.prompts.notify('info', vscode.l10n.t('{0}: {1} to send.', name, message.reason));
    return;
  }
  const what = lines ? `the changes in ${describeLines({ ...lines, wholeFile: false })} of ${name}` : `the changes of ${name}`;
  const room = await chooseSpace(services, arg, `Send ${what} to…`);
  if (!room) {
    return;
  }
  await postSnippet(services, client, room, message, { name, sentText: `Sent ${what} to ${room.title}.` });
}
