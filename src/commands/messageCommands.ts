/**
 * Post a message to a space, and a direct message to a person by email. What the user wrote is
 * never lost: a failed post offers the text again ("Edit and Retry", "Copy Text"), and the next
 * post to the same place starts from the unsent text.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { WebexClient } from '../webex/client';
import type { Message } from '../webex/types';
import { WebexApiError } from '../webex/errors';
import { userMessage } from '../services/common/errorText';
import { MAX_MESSAGE_BYTES, isBlank, isValidEmail, utf8ByteLength } from '../webex/validation';
import { withProgress } from './progress';
import { pickSpace, roomFromArgument } from './targets';

export const EDIT_AND_RETRY = 'Edit and Retry';
export const COPY_TEXT = 'Copy Text';

/** Where a message goes: a space or a person. */
type Destination = { roomId: string; name: string } | { toPersonEmail: string; name: string };

export function registerMessageCommands(services: ExtensionServices): vscode.Disposable {
  // Text whose post failed, per destination, offered again next time (lives as long as the window).
  const unsent = new Map<string, Unsent>();
  return vscode.Disposable.from(
    vscode.commands.registerCommand('webex.postMessage', async (arg?: unknown) => {
      const client = await services.session.requireClient();
      if (!client) {
        return;
      }
      let room;
      try {
        room =
          (await roomFromArgument(services, client, arg)) ??
          (await pickSpace(services, { title: 'Post Message to…' }));
      } catch (error) {
        services.errors.show(error, 'Could not load your spaces');
        return;
      }
      if (room) {
        await composeAndPost(services, client, { roomId: room.id, name: room.title }, unsent);
      }
    }),
    vscode.commands.registerCommand('webex.directMessage', async () => {
      const client = await services.session.requireClient();
      if (!client) {
        return;
      }
      const email = await services.prompts.input({
        title: 'Direct Message',
        prompt: 'The person’s email address',
        placeHolder: 'name@example.com',
        validateInput: (v) => (isValidEmail(v.trim()) ? undefined : 'Enter one email address, like name@example.com.'),
      });
      if (email === undefined) {
        return;
      }
      await composeAndPost(services, client, { toPersonEmail: email.trim(), name: email.trim() }, unsent);
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
 * Text whose post failed. `unconfirmedSince` is set when Webex did not confirm it and it could not be
 * looked for, so it may exist: the time (ms) that first send began, for the look before the next.
 */
interface Unsent {
  markdown: string;
  unconfirmedSince?: number;
}

/**
 * Asks for markdown and posts it; on failure offers the same text again until it is sent or dropped.
 *
 * Never twice: when Webex did not confirm a post and the client could not look for it
 * (`deliveryChecked: false`, or the user cancelled while it was in flight), sending the same text
 * again first looks in the space (or the 1:1 conversation). Found: it is not posted again. The look
 * fails too (Webex still failing, or a bot that may not list a group space): the user is asked
 * whether to post anyway, since only they can look.
 */
async function composeAndPost(
  services: ExtensionServices,
  client: WebexClient,
  destination: Destination,
  unsent: Map<string, Unsent>,
): Promise<Message | undefined> {
  const key = 'roomId' in destination ? `room:${destination.roomId}` : `person:${destination.toPersonEmail.toLowerCase()}`;
  const target = 'roomId' in destination ? { roomId: destination.roomId } : { toPersonEmail: destination.toPersonEmail };
  for (;;) {
    const earlierTry = unsent.get(key);
    const markdown = await services.prompts.input({
      title: `Post to ${destination.name}`,
      prompt: earlierTry !== undefined ? 'Your unsent message (Markdown)' : 'Message (Markdown)',
      value: earlierTry?.markdown,
      ignoreFocusOut: true,
      validateInput: messageProblem,
    });
    if (markdown === undefined) {
      return undefined;
    }
    // The same text as a send that may have arrived: look first (an edited text is a new message).
    const since = earlierTry?.markdown === markdown ? earlierTry.unconfirmedSince : undefined;
    if (since !== undefined) {
      const earlier = await lookForEarlier(services, client, destination, target, markdown, since);
      if (earlier === 'cancel') {
        return undefined; // Kept in `unsent`.
      }
      if (earlier !== 'absent') {
        unsent.delete(key);
        afterPost(services, earlier);
        void services.prompts.notify('info', `Your message to ${destination.name} had arrived after all; it was not posted again.`);
        return earlier;
      }
    }
    const startedAt = Date.now();
    try {
      const message = await withProgress(`Posting to ${destination.name}…`, (signal) =>
        client.messages.create({ ...target, markdown }, { signal }),
      );
      unsent.delete(key);
      afterPost(services, message);
      return message;
    } catch (error) {
      // Keep the first unconfirmed send's time: a later look must still find that one.
      unsent.set(key, { markdown, unconfirmedSince: since ?? (mayExist(error) ? startedAt : undefined) });
      const choice = await services.errors.offer(error, `Could not post to ${destination.name}`, EDIT_AND_RETRY, COPY_TEXT);
      if (choice === COPY_TEXT) {
        await vscode.env.clipboard.writeText(markdown);
        return undefined;
      }
      if (choice !== EDIT_AND_RETRY) {
        return undefined; // Kept in `unsent`: the next post here starts from it.
      }
    }
  }
}

/** True when a failed post may have been created all the same, and nobody could check. */
function mayExist(error: unknown): boolean {
  return error instanceof WebexApiError && (error.deliveryChecked === false || error.kind === 'aborted');
}

function afterPost(services: ExtensionServices, message: Message): void {
  services.log.info(`Posted message ${message.id}`);
  refreshAfterPosting(services);
}

/**
 * A post moves the space to the top (and a first direct message creates a space): reload the list.
 * If that fails, the list stays as it was until the next refresh (Refresh, live updates): logged,
 * not an error notification right after a post that worked.
 */
export function refreshAfterPosting(services: ExtensionServices): void {
  void services.spaces.refresh().catch((error: unknown) => services.log.warn(`Refresh after posting failed: ${userMessage(error)}`));
}

/** The earlier unconfirmed post if Webex has it, 'absent' when it is safe to post, or 'cancel'. */
async function lookForEarlier(
  services: ExtensionServices,
  client: WebexClient,
  destination: Destination,
  target: { roomId: string } | { toPersonEmail: string },
  markdown: string,
  since: number,
): Promise<Message | 'absent' | 'cancel'> {
  try {
    const found = await withProgress(`Looking for your earlier message in ${destination.name}…`, (signal) =>
      client.messages.findUnconfirmed({ ...target, markdown }, since, { signal }),
    );
    return found ?? 'absent';
  } catch (error) {
    if (error instanceof WebexApiError && error.kind === 'aborted') {
      return 'cancel';
    }
    services.log.warn(`Could not look for the unconfirmed message: ${userMessage(error)}`);
    const post = await services.prompts.confirm(`Your earlier message to ${destination.name} may have arrived. Post it anyway?`, {
      detail:
        'Webex did not confirm it, and the conversation could not be checked just now ' +
        `(${userMessage(error)}). Look in Webex first: if it is there, posting again sends it twice.`,
      action: 'Post Anyway',
    });
    return post ? 'absent' : 'cancel';
  }
}
