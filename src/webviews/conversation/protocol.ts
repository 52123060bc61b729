/**
 * The one protocol between the conversation tab's host (conversationPanel.ts, extension host) and its
 * page (ui/, browser). Both sides import this module; nothing else crosses the boundary and no
 * `any` does either (a discriminated union per direction plus typed requests,
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
import { boolean, integer, literal, object, optional, request, string, type Infer, type Parsed, type RequestSpec } from '../shared/schema';

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

/** A Webex message reduced to what the page renders (the Message object of the Webex messaging API). */
export interface MessageView {
  id: string;
  /** Thread parent: always the thread's first message (Webex threads are one level deep). */
  parentId?: string;
  personId: string;
  personEmail: string;
  created: string;
  /** Set only when the message was edited (Webex messaging API, messages). */
  updated?: string;
  markdown?: string;
  text?: string;
  files: FileView[];
  /** A card (adaptive card attachment): shown as "Card" with the message text as its fallback. */
  hasCard: boolean;
  /**
   * The card's JSON text (`attachments[0].content` when its contentType is
   * `application/vnd.microsoft.card.adaptive`): data the page parses and checks itself
   * (page/cards/cardRules.ts), never pasted into HTML.
   */
  card?: string;
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
   * developer.webex.com "Bots"): only the user can look, so Retry needs their word (`retry` with `checked: true`).
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
  /** A bot sees only the group messages that mention it (developer.webex.com "Bots"); the page says so. */
  mentionsOnly: boolean;
  draft: DraftView | undefined;
  /**
   * Where the user stopped reading (ISO), as it was before this tab opened: the page shows a "New"
   * divider above the first later message of someone else and starts there.
   */
  lastRead?: string;
  /** The Webex limit of `text`/`markdown` in UTF-8 bytes (POST /messages: 7439). */
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

/**
 * The space's members, for the composer's `@` list: sent once the first page is shown (never on its
 * way), and not at all for a direct space.
 */
export interface MembersMessage {
  type: 'members';
  people: PersonView[];
}

/**
 * Whether the signed-in person may post here, once the host knows their membership: only
 * moderators post in an announcement-only space (Room `isAnnouncementOnly`, Webex messaging API),
 * and nobody in a read-only one. The composer is disabled with `reason`.
 */
export interface PermissionsMessage {
  type: 'permissions';
  canPost: boolean;
  reason?: string;
}

/** The command that opened the tab again asks for the composer (e.g. "Reply" from elsewhere). */
export interface FocusComposerMessage {
  type: 'focusComposer';
}

/**
 * Whether the tab is the preview tab (the next single click shows another space in it) or kept
 * open; the page keeps it in its state so a restored tab comes back the same way.
 */
export interface ModeMessage {
  type: 'mode';
  preview: boolean;
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
  | MembersMessage
  | PermissionsMessage
  | ResponseMessage
  | ModeMessage;

// ---------------------------------------------------------------------------------------------
// Page → host requests (answered by one `response`)

const queued = object({ queued: literal(true) });

/**
 * Every request the page can make: its params and what a successful response carries, as schemas.
 * The page's `request()` and the host's handlers are typed from this table, and the host checks
 * every request against it (the page is untrusted). Failures carry a human-readable `error`
 * (already shown by the page where it belongs).
 */
export const REQUESTS = {
  /** Load the page before the oldest message loaded (`beforeMessage` of GET /messages). */
  loadOlder: request(object({}), object({ added: integer, hasOlder: boolean })),
  /** Queue a new message; `localId` makes Retry idempotent. Resolves once queued, not sent. */
  send: request(object({ localId: string, markdown: string, parentId: optional(string) }), queued),
  /**
   * Send a failed outbox item again (same local id: never a second copy). `checked`: the user looked
   * in the space and the message is not there; required when the item says `mustLook`.
   */
  retry: request(object({ localId: string, checked: optional(boolean) }), queued),
  /** Forget a failed outbox item; its text goes back to the composer on the page's side. */
  discard: request(object({ localId: string }), object({ discarded: boolean })),
  /** PUT the new markdown (own messages without files, at most 10 edits: PUT /messages/{messageId}). */
  edit: request(object({ messageId: string, markdown: string }), object({ edited: literal(true) })),
  /** Ask for confirmation, then DELETE. `deleted` is false when the user said no. */
  delete: request(object({ messageId: string }), object({ deleted: boolean })),
  /** Download a file of a message through the extension and save it where the user says. */
  download: request(object({ messageId: string, index: integer }), object({ saved: boolean })),
  /**
   * A code block's toolbar (codeActions.ts): `copy` puts `code` on the clipboard, `open` shows it
   * in an untitled editor, `insert` puts it at the cursor of the last active text editor (one undo
   * step), `save` asks where to save it. `language` is a key of page/code/languages.ts (unknown
   * keys are plain text). The host checks that `code` is text of that message. `done` is false
   * when the user cancelled.
   */
  codeAction: request(
    object({ action: literal('copy', 'open', 'insert', 'save'), messageId: string, code: string, language: optional(string) }),
    object({ done: boolean }),
  ),
  /**
   * Open the workspace file a snippet's header names (Send Selection's "`path` lines 7–12"), at
   * those lines. Only the message id crosses: the host reads the path and code from its own copy
   * of the message and applies its path rules. The outcome says what the host did and told the user.
   */
  openSnippet: request(object({ messageId: string }), object({ outcome: literal('opened', 'moved', 'changed', 'outside', 'refused') })),
  /**
   * An `Action.Submit` of a message's card: the host posts POST /attachment/actions
   * `{type: "submit", messageId, inputs}` as the signed-in identity. `submissionId` (the page's, one
   * per press) makes a repeat of the same request answer the first outcome instead of posting again;
   * after an outcome Webex may or may not have kept (`mayHaveLanded`), only `resend: true` (the
   * user's word) posts again. `inputsJson` is the merged inputs as JSON text (an object).
   */
  submitCard: request(
    object({ messageId: string, submissionId: string, inputsJson: string, resend: optional(boolean) }),
    object({ sent: boolean, actionId: optional(string), error: optional(string), trackingId: optional(string), mayHaveLanded: optional(boolean) }),
  ),
  /**
   * A remote image of a message's card: the host fetches it (without the Webex token, size-capped,
   * image/* only, a few at a time, cached per URL) and answers a data: URL, or nothing with `off`
   * when the setting `webex.cards.loadImages` is false.
   */
  cardImage: request(object({ messageId: string, url: string }), object({ dataUrl: optional(string), off: optional(boolean) })),
  /**
   * The picture of an image file (PNG, JPEG, GIF, WebP by its content type), fetched by the host
   * with the token and checked by its magic numbers: `image` with a `data:` URL of the type the
   * bytes are, `tooLarge` (over `webex.conversation.imageMaxBytes`: it stays a named attachment
   * with its `size`), or `broken` (not a picture after all, or the download failed: `reason`).
   * Asked only while the message is on screen.
   */
  image: request(
    object({ messageId: string, index: integer }),
    object({ state: literal('image', 'tooLarge', 'broken'), src: optional(string), size: optional(integer), reason: optional(string) }),
  ),
  /** Opens an image file full size in an editor tab (VS Code's image preview). */
  openImage: request(object({ messageId: string, index: integer }), object({ opened: boolean })),
};

export type RequestMethod = keyof typeof REQUESTS;

/** Each request's params and result types, derived from {@link REQUESTS}. */
export type Requests = {
  [M in RequestMethod]: {
    params: (typeof REQUESTS)[M] extends RequestSpec<infer P, unknown> ? P : never;
    result: (typeof REQUESTS)[M] extends RequestSpec<unknown, infer R> ? R : never;
  };
};
export type RequestParams<M extends RequestMethod> = Requests[M]['params'];
export type RequestResult<M extends RequestMethod = RequestMethod> = Requests[M]['result'];

/** The table again, typed per method, so generic code gets `Requests[M]` back from it. */
const SPECS: { [M in RequestMethod]: RequestSpec<Requests[M]['params'], Requests[M]['result']> } = REQUESTS;

/** What the host implements: one function per request. */
export type RequestHandlers = { [M in RequestMethod]: (params: Requests[M]['params']) => Promise<Requests[M]['result']> };

/**
 * `roomId` is the space the page showed when it asked: the preview tab switches spaces, so a
 * request still on its way when the switch happened must not act on the next space.
 */
export type RequestMessage = {
  [M in RequestMethod]: { type: 'request'; requestId: number; method: M; params: RequestParams<M>; roomId?: string };
}[RequestMethod];

/** Runs the handler of one request (checked already by {@link parsePageMessage}). */
export function handleRequest<M extends RequestMethod>(handlers: RequestHandlers, method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
  return handlers[method](params);
}

/** The page's check of a response (it trusts the host, but a wrong shape is a bug worth a clear error). */
export function parseResult<M extends RequestMethod>(method: M, value: unknown): Parsed<RequestResult<M>> {
  return SPECS[method].result.parse(value, `${method} result`);
}

// ---------------------------------------------------------------------------------------------
// Page → host notifications (no answer)

const NOTIFICATIONS = {
  /** The page's script runs: the host may post from now on. */
  ready: object({}),
  /** A link was clicked; the host opens http/https/mailto links with openExternal. */
  openLink: object({ href: string }),
  /** The composer changed (debounced); the host keeps it in the draft store of `roomId` (the space it was written in). */
  draft: object({ draft: object({ text: string, parentId: optional(string) }), roomId: optional(string) }),
  /** The signed-out notice's button. */
  signIn: object({}),
};

type NotificationType = keyof typeof NOTIFICATIONS;
type Notification = { [K in NotificationType]: { type: K } & Infer<(typeof NOTIFICATIONS)[K]> }[NotificationType];

export type PageMessage = Notification | RequestMessage;

/** The page's persisted state (`vscode.setState`); the serializer revives the tab from it. */
export interface PageState {
  roomId: string;
  title?: string;
  /** The tab was the preview tab (ModeMessage); absent means kept open. */
  preview?: boolean;
}

function isRequestMethod(value: unknown): value is RequestMethod {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REQUESTS, value);
}

function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NOTIFICATIONS, value);
}

function parseRequest<M extends RequestMethod>(method: M, requestId: number, params: unknown, roomId: unknown): RequestMessage | undefined {
  const parsed = SPECS[method].params.parse(params, `${method} params`);
  if (!parsed.ok || (roomId !== undefined && typeof roomId !== 'string')) {
    return undefined;
  }
  const message: { type: 'request'; requestId: number; method: M; params: RequestParams<M>; roomId?: string } = { type: 'request', requestId, method, params: parsed.value };
  if (typeof roomId === 'string') {
    message.roomId = roomId;
  }
  return message as RequestMessage;
}

/**
 * The host checks everything the page posts against the tables above and keeps only the declared
 * fields: the page renders hostile content, so the host treats its messages as untrusted input too.
 */
export function parsePageMessage(value: unknown): PageMessage | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const raw = value as { type?: unknown; method?: unknown; requestId?: unknown; params?: unknown; roomId?: unknown };
  if (raw.type === 'request') {
    return isRequestMethod(raw.method) && Number.isSafeInteger(raw.requestId)
      ? parseRequest(raw.method, raw.requestId as number, raw.params, raw.roomId)
      : undefined;
  }
  if (!isNotificationType(raw.type)) {
    return undefined;
  }
  const type = raw.type;
  const parsed = NOTIFICATIONS[type].parse(value);
  return parsed.ok ? ({ type, ...parsed.value } as Notification) : undefined;
}

/** Link schemes the extension opens (anything else is dropped on both sides). */
export const ALLOWED_LINK = /^(?:https?:|mailto:)/i;
