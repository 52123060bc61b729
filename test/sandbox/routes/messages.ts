/** GET /messages, GET /messages/direct, GET/PUT/DELETE /messages/{id} (Webex messaging API, official OpenAPI spec). */
import {
  HttpError,
  TEXT,
  optionalString,
  parseMax,
  readJson,
  requiredParam,
  requiredString,
  sendJson,
  sendNoContent,
  setNextLink,
  type Ctx,
  type Route,
} from '../http';
import { lowerBound, type MessageRec, type RoomRec } from '../store';
import { messageJson } from '../views';
import { canSee, findMessage, findPerson, findPersonByEmail, findRoom } from './common';
import { checkLength, postMessage } from './postMessage';

/** Webex API, PUT /messages/{messageId}: at most 10 edits; the 11th is a 400. */
export const MAX_EDITS = 10;

function listMessages(ctx: Ctx): void {
  const room = findRoom(ctx, requiredParam(ctx, 'roomId'));
  const mentioned = ctx.query.get('mentionedPeople');
  if (mentioned !== null) {
    // Webex API: only `me` or the caller's own id may be given.
    for (const who of mentioned.split(',')) {
      if (who.trim() !== 'me' && ctx.store.personById(who.trim())?.uuid !== ctx.me.uuid) {
        throw new HttpError(400, 'Only me or the person ID of the current user may be specified in mentionedPeople.');
      }
    }
  }
  // Webex API: default 50, at most 100 with mentionedPeople. The general cap of 1000 is [UNVERIFIED]
  // (only a third-party spec says 1000); over it the cap is used, as developer.webex.com "Pagination" describes.
  const max =
    mentioned !== null
      ? parseMax(ctx, { def: 50, limit: 100, over: 'reject' })
      : parseMax(ctx, { def: 50, limit: 1000, over: 'clamp' });
  if (mentioned === null && ctx.me.type === 'bot' && room.type === 'group') {
    // Webex API: bots must pass mentionedPeople in group rooms; Webex answers 403 "Failed to get activity."
    // (quoted in jbogarin/go-cisco-webex-teams#9 and WebexPythonSDK#196; WebexPythonSDK issues #84/#85).
    throw new HttpError(403, 'Failed to get activity.');
  }

  let list: MessageRec[] = room.messages;
  const parentId = ctx.query.get('parentId');
  if (parentId) {
    const { message: parent } = findMessage(ctx, parentId);
    if (parent.roomUuid !== room.uuid) {
      throw new HttpError(404, TEXT.notFound);
    }
    list = parent.replies;
  }
  let end = list.length;
  const before = ctx.query.get('before');
  if (before) {
    const t = Date.parse(before);
    if (Number.isNaN(t)) {
      throw new HttpError(400, `Invalid before value '${before}': expected an ISO 8601 date.`);
    }
    end = Math.min(end, lowerBound(list, t, 0));
  }
  const beforeMessage = ctx.query.get('beforeMessage');
  if (beforeMessage) {
    // A deleted or unknown message answers 404 (seen on a next link in WebexPythonSDK#70).
    const { message } = findMessage(ctx, beforeMessage);
    if (message.roomUuid !== room.uuid) {
      throw new HttpError(404, TEXT.notFound);
    }
    end = Math.min(end, lowerBound(list, message.created, message.seq));
  }
  const items: MessageRec[] = [];
  let more = false;
  // Newest first: walk back from the end, so a page costs O(page) (plus skipped, invisible ones).
  for (let i = end - 1; i >= 0; i--) {
    const m = list[i];
    if (mentioned !== null && !m.mentionedPeople.includes(ctx.me.id)) {
      continue;
    }
    if (!canSee(ctx, room, m)) {
      continue;
    }
    if (items.length === max) {
      more = true;
      break;
    }
    items.push(m);
  }
  if (more) {
    // The real next link pages with beforeMessage (WebexPythonSDK#70 shows `…&max=50&beforeMessage=…`).
    setNextLink(ctx, { beforeMessage: items[items.length - 1].id, before: null });
  }
  sendJson(ctx, 200, { items: items.map((m) => messageJson(ctx.store, ctx.origin, m)) });
}

/**
 * Webex API: GET /messages/direct declares no max and no Link header. Users observed 50 items per
 * person (WebexPythonSDK issue #151, [UNVERIFIED as a rule]); we answer the newest 50.
 */
const DIRECT_LIMIT = 50;

function listDirect(ctx: Ctx): void {
  const personId = ctx.query.get('personId');
  const personEmail = ctx.query.get('personEmail');
  if ((!personId && !personEmail) || (personId && personEmail)) {
    throw new HttpError(400, 'Exactly one of personId or personEmail must be given.');
  }
  const other = personId ? findPerson(ctx, personId) : findPersonByEmail(ctx, personEmail ?? '');
  const room: RoomRec | undefined = ctx.store.directRoom(ctx.me, other);
  let list: MessageRec[] = room?.messages ?? [];
  const parentId = ctx.query.get('parentId');
  if (parentId && room) {
    const { message } = findMessage(ctx, parentId);
    list = message.roomUuid === room.uuid ? message.replies : [];
  }
  const items = list.slice(Math.max(0, list.length - DIRECT_LIMIT)).reverse();
  sendJson(ctx, 200, { items: items.map((m) => messageJson(ctx.store, ctx.origin, m, 'direct')) });
}

async function editMessage(ctx: Ctx, id: string): Promise<void> {
  const { room, message } = findMessage(ctx, id);
  const body = await readJson(ctx);
  const roomId = requiredString(body, 'roomId'); // Webex API, PUT /messages/{id}: roomId is required.
  if (findRoom(ctx, roomId).uuid !== room.uuid) {
    throw new HttpError(400, 'The roomId does not match the room of the message.');
  }
  if (message.authorUuid !== ctx.me.uuid) {
    throw new HttpError(403, 'Only the author of a message can edit it.');
  }
  if (message.files.length > 0 || (message.attachments?.length ?? 0) > 0) {
    throw new HttpError(400, 'Messages with files or attachments cannot be edited.');
  }
  const text = optionalString(body, 'text');
  const markdown = optionalString(body, 'markdown');
  if (!text && !markdown) {
    throw new HttpError(400, 'Both text and file cannot be empty.');
  }
  checkLength(text, markdown);
  if (message.edits >= MAX_EDITS) {
    throw new HttpError(400, `A message can be edited at most ${MAX_EDITS} times.`);
  }
  ctx.store.setContent(message, text, markdown);
  message.edits += 1;
  message.updated = Math.max(Date.now(), message.created + 1);
  sendJson(ctx, 200, messageJson(ctx.store, ctx.origin, message));
}

/** Authors delete their own messages; moderators any message of their room (webex-js-sdk, plugin-messages docs). */
function deleteMessage(ctx: Ctx, id: string): void {
  const { room, message } = findMessage(ctx, id);
  const isModerator = room.members.get(ctx.me.uuid)?.isModerator === true;
  if (message.authorUuid !== ctx.me.uuid && !isModerator) {
    throw new HttpError(403, 'Only the author or a moderator can delete this message.');
  }
  ctx.store.deleteMessage(message);
  sendNoContent(ctx);
}

export const messageRoutes: Route[] = [
  { path: /^\/messages$/, methods: { GET: listMessages, POST: postMessage } },
  { path: /^\/messages\/direct$/, methods: { GET: listDirect } },
  {
    path: /^\/messages\/([^/]+)$/,
    methods: {
      GET: (ctx, [id]) => sendJson(ctx, 200, messageJson(ctx.store, ctx.origin, findMessage(ctx, id).message)),
      PUT: (ctx, [id]) => editMessage(ctx, id),
      DELETE: (ctx, [id]) => deleteMessage(ctx, id),
    },
  },
];
