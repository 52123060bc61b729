/**
 * Post a message to a space, and a direct message to a person by email. What the user wrote is
 * never lost: a failed post offers the text again ("Edit and Retry", "Copy Text"), and the next
 * post to the same place starts from the unsent text.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { WebexClient } from '../webex/client';
import type { Message } from '../webex/types';
import { userMessage } from '../services/common/errorText';
import { MAX_MESSAGE_BYTES, isBlank, isValidEmail, utf8ByteLength } from '../webex/validation';
import { destinationKey } from '../services/outbox/postOutbox';
import { postOnce } from './posting';
import { pickSpace, roomFromArgument } from './targets';
import { CommandId } from './commandIds';

export const EDIT_AND_RETRY = vscode.l10n.t('Edit and Retry');
export const COPY_TEXT = vscode.l10n.t('Copy Text');

/** Where a message goes: a space or a person. */
type Destination = { roomId: string; name: string } | { toPersonEmail: string; name: string };

export function registerMessageCommands(services: ExtensionServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.postMessage, async (arg?: unknown) => {
      const client = await services.session.requireClient();
      if (!client) {
        return;
      }
      let room;
      try {
        room =
          (await roomFromArgument(services, client, arg)) ??
          (await pickSpace(services, { title: vscode.l10n.t('Post Message to…') }));
      } catch (error) {
        services.errors.show(error, 'Could not load your spaces');
        return;
      }
      if (room) {
        await composeAndPost(services, client, { roomId: room.id, name: room.title });
      }
    }),
    vscode.commands.registerCommand(CommandId.directMessage, async () => {
      const client = await services.session.requireClient();
      if (!client) {
        return;
      }
      const email = await services.prompts.input({
        title: vscode.l10n.t('Direct Message'),
        prompt: vscode.l10n.t('The person’s email address'),
        placeHolder: vscode.l10n.t('name@example.com'),
        validateInput: (v) => (isValidEmail(v.trim()) ? undefined : 'Enter one email address, like name@example.com.'),
      });
      if (email === undefined) {
        return;
      }
      await composeAndPost(services, client, { toPersonEmail: email.trim(), name: email.trim() });
    }),
  );
}

/** Why a message cannot be sent as typed, or undefined. */
export function messageProblem(text: string): string | undefined {
  if (isBlank(text)) {
    return 'Write a message (Markdown is fine).';
  }
  const bytes = utf8ByteLength(text);
  return bytes > MAX_MESSAGE_BYTES
    ? `${bytes} bytes: Webex takes at most ${MAX_MESSAGE_BYTES} bytes per message. Shorten it, or send code with “Send Selection”, which attaches long snippets as files.`
    : undefined;
}

/**
 * Asks for markdown and posts it; on failure offers the same text again until it is sent or dropped.
 *
 * Never twice: the post goes through the outbox (postOnce), which looks in the space (or the 1:1
 * conversation) before the same text goes again after a post Webex did not confirm, and asks the
 * user when it cannot look.
 */
async function composeAndPost(services: ExtensionServices, client: WebexClient, destination: Destination): Promise<Message | undefined> {
  const target = 'roomId' in destination ? { roomId: destination.roomId } : { toPersonEmail: destination.toPersonEmail };
  const key = destinationKey(target);
  for (;;) {
    const earlierTry = services.outbox.unsentText(key);
    const markdown = await services.prompts.input({
      title: vscode.l10n.t('Post to {0}', destination.name),
      prompt: earlierTry !== undefined ? vscode.l10n.t('Your unsent message (Markdown)') : vscode.l10n.t('Message (Markdown)'),
      value: earlierTry,
      ignoreFocusOut: true,
      validateInput: messageProblem,
    });
    if (markdown === undefined) {
      return undefined;
    }
    try {
      const outcome = await postOnce(services, client, { ...target, markdown }, { progress: `Posting to ${destination.name}…`, destinationName: destination.name });
      if (outcome) {
        services.outbox.keepUnsent(key, undefined);
        refreshAfterPosting(services);
      }
      return outcome?.message; // undefined: kept in the outbox, the next post here starts from it.
    } catch (error) {
      services.outbox.keepUnsent(key, markdown);
      const choice = await services.errors.offer(error, `Could not post to ${destination.name}`, EDIT_AND_RETRY, COPY_TEXT);
      if (choice === COPY_TEXT) {
        await vscode.env.clipboard.writeText(markdown);
        return undefined;
      }
      if (choice !== EDIT_AND_RETRY) {
        return undefined; // Kept in the outbox: the next post here starts from it.
      }
    }
  }
}

/**
 * A post moves the space to the top (and a first direct message creates a space): reload the list.
 * If that fails, the list stays as it was until the next refresh (Refresh, live updates): logged,
 * not an error notification right after a post that worked.
 */
export function refreshAfterPosting(services: ExtensionServices): void {
  void services.spaces.refresh().catch((error: unknown) => services.log.warn(`Refresh after posting failed: ${userMessage(error)}`));
}
