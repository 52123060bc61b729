/** /memberships and /memberships/{id} (Webex messaging API, the official OpenAPI spec). */
import {
  HttpError,
  TEXT,
  optionalBoolean,
  optionalString,
  page,
  parseMax,
  readJson,
  requiredBoolean,
  requiredString,
  sendJson,
  sendNoContent,
  sortByKey,
  type Ctx,
  type Route,
  type SortKey,
} from '../http';
import type { MemberRec, PersonRec, RoomRec } from '../store';
import { membershipJson } from '../views';
import { findPerson, findPersonByEmail, findRoom, requireModerator, splitPair } from './common';

interface Row {
  room: RoomRec;
  m: MemberRec;
}
const byCreated = (r: Row): SortKey => [r.m.created, `${r.room.uuid}:${r.m.personUuid}`];

function listMemberships(ctx: Ctx): void {
  const roomId = ctx.query.get('roomId');
  const personId = ctx.query.get('personId');
  const personEmail = ctx.query.get('personEmail');
  // Webex API, GET /memberships: personId/personEmail require roomId (except for Compliance Officers).
  if ((personId || personEmail) && !roomId) {
    throw new HttpError(400, 'roomId is required when personId or personEmail is given.');
  }
  const max = parseMax(ctx, { def: 100, limit: 1000, over: 'clamp' });
  const rows: Row[] = [];
  if (roomId) {
    const room = findRoom(ctx, roomId);
    for (const m of room.members.values()) {
      const p = ctx.store.people.get(m.personUuid);
      if (personId && p?.id !== personId && m.personUuid !== ctx.store.personById(personId)?.uuid) {
        continue;
      }
      if (personEmail && p?.email.toLowerCase() !== personEmail.toLowerCase()) {
        continue;
      }
      rows.push({ room, m });
    }
  } else {
    // The caller's own memberships in all their rooms (GET /memberships's default).
    for (const uuid of ctx.store.roomsByPerson.get(ctx.me.uuid) ?? []) {
      const room = ctx.store.rooms.get(uuid);
      const m = room?.members.get(ctx.me.uuid);
      if (room && m) {
        rows.push({ room, m });
      }
    }
  }
  const items = page(ctx, sortByKey(rows, byCreated), byCreated, max);
  sendJson(ctx, 200, { items: items.map((r) => membershipJson(ctx.store, r.room, r.m)) });
}

/** Resolves `personId` or `personEmail` of a request body (exactly one). */
export function personOfBody(ctx: Ctx, body: Record<string, unknown>): PersonRec {
  const personId = optionalString(body, 'personId');
  const personEmail = optionalString(body, 'personEmail');
  if (!personId && !personEmail) {
    throw new HttpError(400, 'Must specify either personId or personEmail.'); // webex-api-emulator's text
  }
  if (personId && personEmail) {
    throw new HttpError(400, 'Specify only one of personId or personEmail.');
  }
  return personId ? findPerson(ctx, personId) : findPersonByEmail(ctx, personEmail ?? '');
}

async function createMembership(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  const room = findRoom(ctx, requiredString(body, 'roomId'));
  const person = personOfBody(ctx, body);
  const isModerator = optionalBoolean(body, 'isModerator') ?? false;
  if (room.type === 'direct') {
    throw new HttpError(400, 'People cannot be added to a direct space.');
  }
  const me = room.members.get(ctx.me.uuid);
  if (room.isLocked || isModerator) {
    requireModerator(me?.isModerator === true || !room.isLocked, 'add people to a moderated space');
  }
  if (room.members.has(person.uuid)) {
    // Webex API 409 ("adding a person to a room twice"); the text is the one webex-api-emulator quotes from Webex.
    throw new HttpError(409, 'Person is already in the room.');
  }
  const m = ctx.store.addMember(room, person.uuid, isModerator, Date.now());
  sendJson(ctx, 200, membershipJson(ctx.store, room, m));
}

function findMembership(ctx: Ctx, id: string): { room: RoomRec; m: MemberRec } {
  const [personUuid, roomUuid] = splitPair(id, 'MEMBERSHIP');
  const room = ctx.store.rooms.get(roomUuid);
  const m = room?.members.get(personUuid);
  if (!room || !m || !room.members.has(ctx.me.uuid)) {
    throw new HttpError(404, TEXT.notFound);
  }
  return { room, m };
}

function moderators(room: RoomRec): number {
  let n = 0;
  for (const m of room.members.values()) {
    n += m.isModerator ? 1 : 0;
  }
  return n;
}

async function updateMembership(ctx: Ctx, id: string): Promise<void> {
  const { room, m } = findMembership(ctx, id);
  const body = await readJson(ctx);
  // Webex API, PUT /memberships/{id}: both fields are required.
  const isModerator = requiredBoolean(body, 'isModerator');
  const isRoomHidden = requiredBoolean(body, 'isRoomHidden');
  const self = m.personUuid === ctx.me.uuid;
  if (isRoomHidden !== m.isRoomHidden && !self) {
    throw new HttpError(403, "Only the member can hide a space from their own list.");
  }
  if (isModerator !== m.isModerator) {
    if (room.type === 'direct') {
      throw new HttpError(400, 'A direct space has no moderators.');
    }
    requireModerator(room.members.get(ctx.me.uuid)?.isModerator === true || !room.isLocked, 'change moderators');
    if (!isModerator && room.general && moderators(room) === 1) {
      throw new HttpError(409, "The last moderator of a team's General space cannot be removed.");
    }
    m.isModerator = isModerator;
    room.isLocked = moderators(room) > 0;
  }
  m.isRoomHidden = isRoomHidden;
  sendJson(ctx, 200, membershipJson(ctx.store, room, m));
}

function deleteMembership(ctx: Ctx, id: string): void {
  const { room, m } = findMembership(ctx, id);
  if (room.type === 'direct') {
    throw new HttpError(403, 'Members cannot be removed from a direct space.');
  }
  const self = m.personUuid === ctx.me.uuid;
  if (!self && room.isLocked) {
    requireModerator(room.members.get(ctx.me.uuid)?.isModerator === true, 'remove people from a moderated space');
  }
  // Webex API, DELETE /memberships/{id}: the last moderator of a team's General space can't be removed.
  if (room.general && m.isModerator && moderators(room) === 1) {
    throw new HttpError(409, "The last moderator of a team's General space cannot be removed.");
  }
  ctx.store.removeMember(room, m.personUuid);
  if (room.type === 'group' && moderators(room) === 0) {
    room.isLocked = false;
  }
  sendNoContent(ctx);
}

export const membershipRoutes: Route[] = [
  { path: /^\/memberships$/, methods: { GET: listMemberships, POST: createMembership } },
  {
    path: /^\/memberships\/([^/]+)$/,
    methods: {
      GET: (ctx, [id]) => {
        const { room, m } = findMembership(ctx, id);
        sendJson(ctx, 200, membershipJson(ctx.store, room, m));
      },
      PUT: (ctx, [id]) => updateMembership(ctx, id),
      DELETE: (ctx, [id]) => deleteMembership(ctx, id),
    },
  },
];
