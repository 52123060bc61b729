/**
 * Posts a built snippet (code or a diff, inline or as a file) to a space or into a thread, through
 * the commands' one post path (posting.ts: never twice after a post Webex did not confirm), and
 * says what happened.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import type { WebexClient } from '../../webex/client';
import type { Room } from '../../webex/types';
import { formatBytes, type Snippet } from '../../services/sharing/snippet';
import { refreshAfterPosting } from '../messageCommands';
import { postOnce } from '../posting';

export interface PostSnippetOptions {
  /** The thread's first message, for a reply. */
  parentId?: string;
  /** The file's name as the user knows it ("retry.ts"). */
  name: string;
  /** "Sent lines 2–5 of retry.ts to Backend." */
  sentText: string;
}

export async function postSnippet(services: ExtensionServices, client: WebexClient, room: Room, snippet: Snippet, options: PostSnippetOptions): Promise<void> {
  const target = { roomId: room.id, markdown: snippet.markdown, parentId: options.parentId };
  const params =
    snippet.kind === 'message' ? target : { ...target, file: { data: snippet.data, filename: snippet.filename, contentType: snippet.contentType } };
  const where = options.parentId ? `a thread of ${room.title}` : room.title;
  try {
    const outcome = await postOnce(services, client, params, { progress: `Sending ${options.name} to ${where}…`, destinationName: room.title });
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
        ? options.sentText
        : vscode.l10n.t('Sent as a file attachment ({0}) to {1}: at {2} it is over Webex’s 7439-byte message limit.', snippet.filename, where, formatBytes(snippet.inlineBytes)),
    );
  } catch (error) {
    services.errors.show(error, `Could not send the code to ${where}`);
  }
}

/**
 * The path a header names: workspace-relative, with the folder's name first only in a multi-root
 * window (asRelativePath's default), the way the snippet link reads it back.
 */
export function workspacePath(document: vscode.TextDocument): string {
  return document.isUntitled ? path.basename(document.fileName) : vscode.workspace.asRelativePath(document.uri).replace(/\\/g, '/');
}
