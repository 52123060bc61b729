/**
 * The one protocol between the conversation tab's host (conversationPanel.ts, extension host) and its
 * page (ui/, browser). Both sides import this module; nothing else crosses the boundary and no
 * `any` does either (STYLE.md "Webviews": a discriminated union per direction plus typed requests,
 * after vscode-eslint `customMessages.ts` and GitLens `src/webviews/protocol.ts`).
 *
 * Flow: the page posts `ready` once its script runs; only then does the host post (`init`, then
 * `messages` and `outbox` deltas). The page asks for things with `request` messages carrying a
 * `requestId`; the host answers each with exactly one `response` of the same id.
 *
 * What the page never gets: the token, and file URLs it could fetch itself (files are named by
 * message id and index; the host downloads them). Message text is hostile: the page renders
 * `markdown`/`text` through markdown-it without HTML and DOMPurify, and ignores Webex's `html`.
 *
 * This module must stay free of `vscode` and Node imports: it is bundled into the page.
 */

/** The signed-in person, as the page needs it to tell own messages and mentions apart. */
export interface MeView {
  id: string;
  displayName: string;
  emails: string[];
}

/** A person the page may need to name (authors and mentioned people). */
export interface PersonView {
  id: string;
  displayName: string;
  email?: string;
}

/** One file of a message; downloaded through the host by `(messageId, index)`, never by URL. */
export interface FileView {
  index: number;
  /**
   * "Attachment 1" until the host has asked Webex (a `HEAD` on the file: content URLs carry no
   * name), then the name Webex gives; a `files` message brings it.
   */
  name: string;
  contentType?: string;
  /** Bytes. */
  size?: number;
}

/** A Webex message reduced to what the page renders (notes §6 "Message object"). */
export interface MessageView {
  id: string;
  /** Thread parent: always the thread's first message (Webex threads are one level deep). */
  parentId?: string;
  personId: string;
  personEmail: string;
  created: string;
  /** Set only when the message was edited (notes §6). */
  updated?: string;
  markdown?: string;
  text?: string;
  files: FileView[];
  /** A card (adaptive card attachment): shown as "Card" with the message text as its fallback. */
  hasCard: boolean;
  mentionedPeople: string[];
  mentionedGroups: string[];
  /**
   * Fetched only because a reply on a loaded page needs its thread's first message; older pages
   * have not been read up to it yet.
   */
  isContext?: boolean;
}

/** A message typed here and not yet accepted by Webex. */
export interface OutboxItemView {
  localId: string;
  markdown: string;
  parentId?: string;
  /** When the user pressed Enter (ISO), so the page can place it. */
  queued: string;
  state: 'sending' | 'failed';
  /** Why the last attempt failed, in the server's words when there were any. */
  error?: string;
  /**
   * Webex may have the message and this space cannot be checked for it (a bot in a group space,
   * notes §11): only the user can look, so Retry needs their word (`retry` with `checked: true`).
   */
  mustLook?: boolean;
}

export interface RoomView {
  id: string;
  title: string;
  type: 'direct' | 'group';
  isLocked?: boolean;
}

/** Composer contents kept per space by the host's draft store. */
export interface DraftView {
  text: string;
  parentId?: string;
}

export type ConversationStatus = 'loading' | 'ready' | 'signedOut' | 'error';

// ---------------------------------------------------------------------------------------------
// Host → page

/** First message after `ready`: everything the page needs to draw its frame. */
export interface InitMessage {
  type: 'init';
  room: RoomView;
  me: MeView | undefined;
  status: ConversationStatus;
  error?: string;
  /** A bot sees only the group messages that mention it (notes §11); the page says so. */
  mentionsOnly: boolean;
  draft: DraftView | undefined;
  /** The Webex limit of `text`/`markdown` in UTF-8 bytes (notes §6: 7439). */
  maxMessageBytes: number;
}

/** Messages changed: a page loaded, a poll found news, or the user's own action landed. */
export interface MessagesMessage {
  type: 'messages';
  /** True when the page must forget what it had (first page, a gap too wide to bridge). */
  reset: boolean;
  cause: 'initial' | 'older' | 'newer' | 'local';
  upsert: MessageView[];
  remove: string[];
  people: PersonView[];
  /** Whether older pages exist before the oldest message loaded so far. */
  hasOlder: boolean;
}

/** The whole outbox of this space (small: only unsent and failed messages). */
export interface OutboxMessage {
  type: 'outbox';
  items: OutboxItemView[];
}

export interface StatusMessage {
  type: 'status';
  status: ConversationStatus;
  error?: string;
}

/**
 * Names, types and sizes of files the host learned after it sent their messages (never their URLs).
 * The page shows messages at once and their files' names when these arrive.
 */
export interface FilesMessage {
  type: 'files';
  files: Array<{ messageId: string; file: FileView }>;
}

/** The command that opened the tab again asks for the composer (e.g. "Reply" from elsewhere). */
export interface FocusComposerMessage {
  type: 'focusComposer';
}

export type ResponseMessage =
  | { type: 'response'; requestId: number; ok: true; result: RequestResult }
  | { type: 'response'; requestId: number; ok: false; error: string };

export type HostMessage =
  | InitMessage
  | MessagesMessage
  | FilesMessage
  | OutboxMessage
  | StatusMessage
  | FocusComposerMessage
  | ResponseMessage;

// ---------------------------------------------------------------------------------------------
// Page → host requests (answered by one `response`)

/**
 * Every request the page can make: its params and what a successful response carries.
 * Failures carry a human-readable `error` (already shown by the page where it belongs).
 */
export interface Requests {
  /** Load the page before the oldest message loaded (`beforeMessage`, notes §6). */
  loadOlder: { params: Record<string, never>; result: { added: number; hasOlder: boolean } };
  /** Queue a new message; `localId` makes Retry idempotent. Resolves once queued, not sent. */
  send: { params: { localId: string; markdown: string; parentId?: string }; result: { queued: true } };
  /**
   * Send a failed outbox item again (same local id: never a second copy). `checked`: the user looked
   * in the space and the message is not there; required when the item says `mustLook`.
   */
  retry: { params: { localId: string; checked?: boolean }; result: { queued: true } };
  /** Forget a failed outbox item; its text goes back to the composer on the page's side. */
  discard: { params: { localId: string }; result: { discarded: boolean } };
  /** PUT the new markdown (own messages without files, at most 10 edits, notes §6). */
  edit: { params: { messageId: string; markdown: string }; result: { edited: true } };
  /** Ask for confirmation, then DELETE. `deleted` is false when the user said no. */
  delete: { params: { messageId: string }; result: { deleted: boolean } };
  /** Download a file of a message through the extension and save it where the user says. */
  download: { params: { messageId: string; index: number }; result: { saved: boolean } };
}

export type RequestMethod = keyof Requests;
export type RequestParams<M extends RequestMethod> = Requests[M]['params'];
export type RequestResult = Requests[RequestMethod]['result'];

export type RequestMessage = {
  [M in RequestMethod]: { type: 'request'; requestId: number; method: M; params: RequestParams<M> };
}[RequestMethod];

// ---------------------------------------------------------------------------------------------
// Page → host notifications (no answer)

export type PageMessage =
  | { type: 'ready' }
  | RequestMessage
  /** A link was clicked; the host opens http/https/mailto links with openExternal. */
  | { type: 'openLink'; href: string }
  /** The composer changed (debounced); the host keeps it in the draft store. */
  | { type: 'draft'; draft: DraftView }
  /** The signed-out notice's button. */
  | { type: 'signIn' };

/** The page's persisted state (`vscode.setState`); the serializer revives the tab from it. */
export interface PageState {
  roomId: string;
  title?: string;
}

const METHODS: readonly RequestMethod[] = ['loadOlder', 'send', 'retry', 'discard', 'edit', 'delete', 'download'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function validParams(method: RequestMethod, p: Record<string, unknown>): boolean {
  switch (method) {
    case 'loadOlder':
      return true;
    case 'send':
      return typeof p.localId === 'string' && typeof p.markdown === 'string' && isOptionalString(p.parentId);
    case 'retry':
      return typeof p.localId === 'string' && (p.checked === undefined || typeof p.checked === 'boolean');
    case 'discard':
      return typeof p.localId === 'string';
    case 'edit':
      return typeof p.messageId === 'string' && typeof p.markdown === 'string';
    case 'delete':
      return typeof p.messageId === 'string';
    case 'download':
      return typeof p.messageId === 'string' && Number.isInteger(p.index);
  }
}

/**
 * The host checks everything the page posts: the page renders hostile content, so the host treats
 * its messages as untrusted input too.
 */
export function parsePageMessage(value: unknown): PageMessage | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') {
    return undefined;
  }
  switch (value.type) {
    case 'ready':
    case 'signIn':
      return { type: value.type };
    case 'openLink':
      return typeof value.href === 'string' ? { type: 'openLink', href: value.href } : undefined;
    case 'draft': {
      const draft = value.draft;
      if (!isRecord(draft) || typeof draft.text !== 'string' || !isOptionalString(draft.parentId)) {
        return undefined;
      }
      return { type: 'draft', draft: { text: draft.text, parentId: draft.parentId as string | undefined } };
    }
    case 'request': {
      const method = value.method;
      if (!Number.isInteger(value.requestId) || typeof method !== 'string' || !METHODS.includes(method as RequestMethod)) {
        return undefined;
      }
      const params = value.params;
      if (!isRecord(params) || !validParams(method as RequestMethod, params)) {
        return undefined;
      }
      return value as unknown as RequestMessage;
    }
    default:
      return undefined;
  }
}

/** Link schemes the extension opens (anything else is dropped on both sides). */
export const ALLOWED_LINK = /^(?:https?:|mailto:)/i;
