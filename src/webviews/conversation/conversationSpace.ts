/**
 * What a conversation tab works with: what all tabs share (the environment), the state of a loaded
 * space, and the parts of loading one that are not the tab's own: its send queue, and its members
 * with what they say about posting.
 */
import type * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import type { Conversation } from '../../services/conversation/conversation';
import type { ConversationPoller, PollIntervals } from '../../services/conversation/conversationPoller';
import type { DraftStore } from '../../services/conversation/drafts';
import { OutboxStore } from '../../services/outbox/outboxStore';
import { mayHaveArrived } from '../../services/outbox/postOutbox';
import { SendQueue, sendFailureText } from '../../services/outbox/sendQueue';
import type { WebexClient } from '../../webex/client';
import type { Message, Room } from '../../webex/types';
import type { LastTextEditor } from './codeActions';
import type { ConversationFiles } from './conversationFiles';
import type { ConversationImages } from './images';
import type { PermissionsMessage, PersonView } from './protocol';
import type { SnippetLinks } from './snippetLinks';

/** The `@` list's people at most (a space of 5,000 still opens as fast; the list filters as you type). */
const MAX_MENTION_PEOPLE = 5000;

/** What all tabs share; conversationWebview.ts builds it (tests replace the dialogs through its hooks). */
export interface ConversationEnvironment {
  readonly services: ExtensionServices;
  readonly extensionUri: vscode.Uri;
  intervals(): PollIntervals;
  windowFocused(): boolean;
  chooseSaveLocation(defaultUri: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** Where "Insert at cursor" of a code block goes (codeActions.ts). */
  readonly lastTextEditor: LastTextEditor;
  openExternal(uri: vscode.Uri): Promise<boolean>;
  /** Opens the workspace files that snippets name (one for all tabs: it owns a document scheme). */
  readonly snippetLinks: SnippetLinks;
  /** Keep what was posted to the page (integration tests only). */
  readonly recordPosts: boolean;
  /**
   * Sends still finishing for a tab that closed or reloaded, by `<account>/<room>`: a tab opened
   * again waits for them, so it reads each entry from storage sent or failed, never half-way.
   */
  readonly finishingOutboxes: Map<string, Promise<void>>;
}

/** The state of a loaded space (undefined while signed out or loading the room). */
export interface LoadedSpace {
  client: WebexClient;
  room: Room;
  mentionsOnly: boolean;
  conversation: Conversation;
  queue: SendQueue;
  drafts: DraftStore;
  poller: ConversationPoller;
  files: ConversationFiles;
  images: ConversationImages;
}

export function outboxKey(accountId: string, roomId: string): string {
  return `${accountId}/${roomId}`;
}

/**
 * The send queue of a space (services/outbox/sendQueue.ts) wired to the client: posts in order,
 * and after a post Webex may have created without confirming it, looks for it before sending again.
 */
export function createSendQueue(
  env: ConversationEnvironment,
  client: WebexClient,
  where: { roomId: string; accountId: string; mentionsOnly: boolean },
  hooks: { onChange(): void; onSent(message: Message): void },
): SendQueue {
  const { roomId, mentionsOnly } = where;
  return new SendQueue({
    roomId,
    store: new OutboxStore(env.services.state, where.accountId),
    post: (entry) => client.messages.create({ roomId, markdown: entry.markdown, parentId: entry.parentId }),
    // A bot cannot look for its own message in a group space: listing needs mentionedPeople=me,
    // which leaves out its own posts (GET /messages; developer.webex.com "Bots"). Then only the
    // user can look (mustLook).
    findExisting: mentionsOnly
      ? undefined
      : (entry) => client.messages.findUnconfirmed({ roomId, markdown: entry.markdown, parentId: entry.parentId }, Date.parse(entry.queued)),
    // The client already looked after an ambiguous failure (messageDelivery.ts); only a failed
    // look ("deliveryChecked: false") or an abort leaves the fate of the message unknown.
    isAmbiguous: mayHaveArrived,
    describe: (error) => sendFailureText(error, !mentionsOnly),
    onChange: () => hooks.onChange(),
    onSent: (_localId, message) => hooks.onSent(message),
    onFailed: (_localId, error) => env.services.log.warn(`Conversation: a message was not sent: ${error instanceof Error ? error.message : String(error)}`),
  });
}

/**
 * The space's members for the composer's `@` list (a direct space has one other person and no
 * list), and whether the signed-in person may post. A failure costs only those: logged, not shown
 * (Webex still refuses a post that is not allowed, and the page says why).
 */
export async function loadSpaceMembers(
  services: ExtensionServices,
  room: Room,
): Promise<{ people: PersonView[]; permissions: PermissionsMessage } | undefined> {
  if (room.type !== 'group') {
    return undefined;
  }
  try {
    const members = await services.members.loadSpaceMembers(room.id);
    const people = members.slice(0, MAX_MENTION_PEOPLE).map((m) => ({ id: m.personId, displayName: m.personDisplayName, email: m.personEmail }));
    const mine = members.find((m) => m.personId === services.session.me?.id);
    return { people, permissions: postingPermission(room, mine?.isModerator === true) };
  } catch (error) {
    services.log.warn(`Conversation: could not list the members for mentions: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * May the signed-in person post in this space? In an announcement-only space only moderators may
 * (POST /messages answers 403 otherwise), and a read-only space takes no posts. A locked
 * (moderated) space restricts who manages its members and title, not who writes: members post
 * there as usual (Room `isLocked`, `isAnnouncementOnly`, `isReadOnly` in the Webex messaging API).
 */
export function postingPermission(room: Pick<Room, 'isAnnouncementOnly' | 'isReadOnly'>, isModerator: boolean): PermissionsMessage {
  if (room.isReadOnly === true) {
    return { type: 'permissions', canPost: false, reason: 'This space is read-only: nobody can post in it.' };
  }
  if (room.isAnnouncementOnly === true && !isModerator) {
    return { type: 'permissions', canPost: false, reason: 'Only moderators can post in this announcement space.' };
  }
  return { type: 'permissions', canPost: true };
}
