/** POST /messages, JSON or multipart/form-data (Webex messaging API; developer.webex.com "Message Attachments"). */
import { HttpError, bodyOf, readJson, sendJson, type Ctx } from '../http';
import { boundaryOf, parseMultipart } from '../multipart';
import type { CardAttachmentRec, PersonRec, RoomRec } from '../store';
import { messageJson } from '../views';
import { findMessage, findPerson, findPersonByEmail, findRoom } from './common';

/** Webex API, POST /messages: "Maximum message length is 7439 bytes" for text and for markdown. */
export const MAX_MESSAGE_BYTES = 7439;
/** Attachments sent via the API are limited to 100 MB each (developer.webex.com "Message Attachments"). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
/** Room for the form fields around the file in a multipart body. */
export const FORM_OVERHEAD = 64 * 1024;

export function checkLength(text: string | undefined, markdown: string | undefined): void {
  for (const [name, value] of [['text', text], ['markdown', markdown]] as const) {
    if (value !== undefined && Buffer.byteLength(value, 'utf8') > MAX_MESSAGE_BYTES) {
      throw new HttpError(400, `The ${name} is too long: the maximum message length is ${MAX_MESSAGE_BYTES} bytes.`);
    }
  }
}

interface Fields {
  roomId?: string;
  toPersonId?: string;
  toPersonEmail?: string;
  parentId?: string;
  text?: string;
  markdown?: string;
  fileUrls: string[];
  upload?: { filename: string; contentType: string; data: Buffer };
  attachments?: CardAttachmentRec[];
}

function str(v: unknown, name: string): string | undefined {
  if (v === undefined || v === null) {
    return undefined;
  }
  if (typeof v !== 'string') {
    throw new HttpError(400, `${name} must be a string.`);
  }
  return v;
}

const ONE_FILE = 'Only one file may be attached to a message.';

async function readFields(ctx: Ctx): Promise<Fields> {
  const contentType = ctx.req.headers['content-type'] ?? '';
  if (/^multipart\/form-data/i.test(contentType)) {
    const boundary = boundaryOf(contentType);
    const tooLarge = new HttpError(400, `The file is too large: files are limited to ${ctx.maxUploadBytes} bytes.`);
    // Counts while reading and keeps nothing past the limit (readBody).
    const body = await bodyOf(ctx, ctx.maxUploadBytes + FORM_OVERHEAD, tooLarge);
    let parts;
    try {
      parts = boundary ? parseMultipart(body, boundary) : undefined;
    } catch {
      parts = undefined;
    }
    if (!parts) {
      throw new HttpError(400, 'Unable to parse the multipart/form-data body.');
    }
    const fields: Fields = { fileUrls: [] };
    const files = parts.filter((p) => p.name === 'files');
    if (files.length > 1) {
      throw new HttpError(400, ONE_FILE);
    }
    for (const p of parts) {
      const value = p.data.toString('utf8');
      if (p.name === 'files') {
        if (p.filename === undefined) {
          fields.fileUrls.push(value);
        } else {
          if (p.data.length > ctx.maxUploadBytes) {
            throw tooLarge;
          }
          fields.upload = { filename: p.filename, contentType: p.contentType ?? 'application/octet-stream', data: Buffer.from(p.data) };
        }
      } else if (['roomId', 'toPersonId', 'toPersonEmail', 'parentId', 'text', 'markdown'].includes(p.name)) {
        (fields as unknown as Record<string, string>)[p.name] = value;
      }
    }
    return fields;
  }
  const body = await readJson(ctx);
  const files = body.files;
  if (files !== undefined && (!Array.isArray(files) || files.some((f) => typeof f !== 'string'))) {
    throw new HttpError(400, 'files must be an array of URLs.');
  }
  const attachments = body.attachments;
  if (attachments !== undefined && !Array.isArray(attachments)) {
    throw new HttpError(400, 'attachments must be an array.');
  }
  return {
    roomId: str(body.roomId, 'roomId'),
    toPersonId: str(body.toPersonId, 'toPersonId'),
    toPersonEmail: str(body.toPersonEmail, 'toPersonEmail'),
    parentId: str(body.parentId, 'parentId'),
    text: str(body.text, 'text'),
    markdown: str(body.markdown, 'markdown'),
    fileUrls: (files as string[] | undefined) ?? [],
    attachments: attachments as CardAttachmentRec[] | undefined,
  };
}

function destination(ctx: Ctx, f: Fields): { room: RoomRec; to?: PersonRec } {
  const given = [f.roomId, f.toPersonId, f.toPersonEmail].filter((v) => v !== undefined && v !== '');
  if (given.length !== 1) {
    // The exact text Webex answers (ObjectIsAdvantag/webex-api-emulator, messages.js).
    throw new HttpError(400, 'Exactly one of the destination fields must not be empty (roomId, toPersonEmail, toPersonId)');
  }
  if (f.roomId) {
    return { room: findRoom(ctx, f.roomId) };
  }
  const to = f.toPersonId ? findPerson(ctx, f.toPersonId) : findPersonByEmail(ctx, f.toPersonEmail ?? '');
  if (to.uuid === ctx.me.uuid) {
    throw new HttpError(400, 'You cannot send a direct message to yourself.');
  }
  // toPersonId/toPersonEmail create the 1:1 room or reuse it (Webex API, POST /rooms).
  const room = ctx.store.directRoom(ctx.me, to) ?? ctx.store.createDirectRoom(ctx.me, to, Date.now());
  return { room, to };
}

export async function postMessage(ctx: Ctx): Promise<void> {
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'multipart/form-data') {
    throw new HttpError(415, `Content type '${type || 'text/plain'}' not supported`);
  }
  const f = await readFields(ctx);
  const { room, to } = destination(ctx, f);
  const hasFile = f.upload !== undefined || f.fileUrls.length > 0;
  const hasCard = (f.attachments?.length ?? 0) > 0;
  if (!f.text && !f.markdown && !hasFile && !hasCard) {
    throw new HttpError(400, 'Both text and file cannot be empty.'); // webex-api-emulator's text
  }
  checkLength(f.text, f.markdown);
  if (f.fileUrls.length + (f.upload ? 1 : 0) > 1) {
    throw new HttpError(400, ONE_FILE); // Webex API: only one file per message.
  }
  for (const url of f.fileUrls) {
    if (!/^https?:\/\/[^\s]+$/i.test(url)) {
      throw new HttpError(400, `Invalid file URL: ${url}`);
    }
  }
  if ((f.attachments?.length ?? 0) > 1) {
    throw new HttpError(400, 'Only one card attachment may be sent per message.'); // Webex API: one card per message
  }
  for (const a of f.attachments ?? []) {
    if (typeof a !== 'object' || a === null || typeof a.contentType !== 'string' || typeof a.content !== 'object' || a.content === null) {
      throw new HttpError(400, 'An attachment needs a contentType and a content object.');
    }
  }
  const member = room.members.get(ctx.me.uuid);
  if ((room.isAnnouncementOnly || room.isReadOnly) && !member?.isModerator) {
    throw new HttpError(403, 'Only moderators can post in this space.');
  }
  let parent;
  if (f.parentId) {
    try {
      parent = findMessage(ctx, f.parentId).message;
    } catch {
      throw new HttpError(400, 'The parent message could not be found.');
    }
    if (parent.roomUuid !== room.uuid) {
      throw new HttpError(400, 'The parent message is not in this room.');
    }
    // Threads are one level deep: a reply cannot be a parent.
    if (parent.parentUuid) {
      throw new HttpError(400, 'Cannot reply to a reply: the parent must be a top-level message.');
    }
  }
  const files = [...f.fileUrls];
  if (f.upload) {
    const content = ctx.store.addContent(room.uuid, f.upload.filename, f.upload.contentType, f.upload.data);
    files.push(`content:${content.uuid}`);
  }
  const message = ctx.store.postMessage(room, ctx.me, {
    text: f.text,
    markdown: f.markdown,
    parent,
    files,
    attachments: f.attachments,
  });
  if (to) {
    message.toPersonId = f.toPersonId ? to.id : undefined;
    message.toPersonEmail = f.toPersonEmail ? to.email : undefined;
  }
  // A new message shows a hidden direct space again (Webex API, PUT /memberships/{id}: isRoomHidden).
  for (const m of room.members.values()) {
    m.isRoomHidden = false;
  }
  sendJson(ctx, 200, messageJson(ctx.store, ctx.origin, message, 'post'));
}
