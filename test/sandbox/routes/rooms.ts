/** /rooms and /rooms/{id} (Webex messaging API, official OpenAPI spec). */
import {
  HttpError,
  optionalBoolean,
  optionalString,
  page,
  parseMax,
  readJson,
  requiredString,
  sendJson,
  sendNoContent,
  sortByKey,
  type Ctx,
  type Route,
  type SortKey,
} from '../http';
import type { RoomRec } from '../store';
import { roomJson } from '../views';
import { findRoom, findTeam, requireModerator } from './common';

/**
 * Webex API, GET /rooms, known limitation: `sortBy=lastactivity` sorts only a limited set pulled in
 * roomId order, so for callers in more than 3000 spaces recent ones may be missing.
 */
const LASTACTIVITY_WINDOW = 3000;

function listRooms(ctx: Ctx): void {
  const teamId = ctx.query.get('teamId');
  const type = ctx.query.get('type');
  const sortBy = ctx.query.get('sortBy');
  const orgPublicSpaces = ctx.query.get('orgPublicSpaces') === 'true';
  if (type !== null && type !== 'direct' && type !== 'group') {
    throw new HttpError(400, `Invalid type '${type}': must be direct or group.`);
  }
  if (sortBy !== null && sortBy !== 'id' && sortBy !== 'lastactivity' && sortBy !== 'created') {
    throw new HttpError(400, `Invalid sortBy '${sortBy}': must be id, lastactivity or created.`);
  }
  if (orgPublicSpaces && (teamId || type || sortBy)) {
    throw new HttpError(400, 'teamId, type and sortBy cannot be used with orgPublicSpaces.');
  }
  // Webex API: max defaults to 100 and must be 1–1000 inclusive.
  const max = parseMax(ctx, { def: 100, limit: 1000, over: 'reject' });
  const store = ctx.store;
  let rooms: RoomRec[];
  if (orgPublicSpaces) {
    rooms = [...store.rooms.values()].filter((r) => r.isPublic && r.ownerOrgId === ctx.me.orgId);
  } else {
    const mine = store.roomsByPerson.get(ctx.me.uuid) ?? new Set<string>();
    const teamUuid = teamId ? findTeam(ctx, teamId).uuid : undefined;
    rooms = [];
    for (const uuid of mine) {
      const r = store.rooms.get(uuid);
      if (r && (!teamUuid || r.teamUuid === teamUuid) && (!type || r.type === type)) {
        rooms.push(r);
      }
    }
  }
  const byId = (r: RoomRec): SortKey => [r.id, r.id];
  let keyOf = byId;
  let desc = false;
  if (sortBy === 'lastactivity' || sortBy === 'created') {
    // Most recent first ([UNVERIFIED]: the API does not say; the natural reading).
    keyOf = sortBy === 'created' ? (r) => [r.created, r.id] : (r) => [r.lastActivity, r.id];
    desc = true;
    if (sortBy === 'lastactivity' && rooms.length > LASTACTIVITY_WINDOW) {
      rooms = sortByKey(rooms, byId).slice(0, LASTACTIVITY_WINDOW);
    }
  }
  const items = page(ctx, sortByKey(rooms, keyOf, desc), keyOf, max, desc);
  sendJson(ctx, 200, { items: items.map((r) => roomJson(store, r, ctx.me)) });
}

async function createRoom(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  const title = requiredString(body, 'title');
  const teamId = optionalString(body, 'teamId');
  const description = optionalString(body, 'description');
  const isLocked = optionalBoolean(body, 'isLocked') ?? false;
  const isPublic = optionalBoolean(body, 'isPublic') ?? false;
  const isAnnouncementOnly = optionalBoolean(body, 'isAnnouncementOnly') ?? false;
  if (isPublic && !description?.trim()) {
    throw new HttpError(400, 'A description is required when isPublic is true.');
  }
  if (isAnnouncementOnly && !isLocked) {
    throw new HttpError(400, 'An announcement-only space must be locked (isLocked).');
  }
  const team = teamId ? findTeam(ctx, teamId) : undefined;
  const now = Date.now();
  const room = ctx.store.createRoom({
    type: 'group',
    title,
    teamUuid: team?.uuid,
    general: false,
    creatorUuid: ctx.me.uuid,
    created: now,
    isLocked,
    isPublic,
    isAnnouncementOnly,
    isReadOnly: false,
    description: description?.trim() ? description : undefined,
  });
  // The caller is added as a member (Webex API, POST /rooms), as the moderator of a locked space.
  const creator = ctx.store.addMember(room, ctx.me.uuid, isLocked, now);
  ctx.store.events.emit('change', { resource: 'rooms', event: 'created', actorUuid: ctx.me.uuid, room });
  ctx.store.events.emit('change', { resource: 'memberships', event: 'created', actorUuid: ctx.me.uuid, room, member: creator });
  sendJson(ctx, 200, roomJson(ctx.store, room, ctx.me));
}

function isModeratorOf(ctx: Ctx, room: RoomRec): boolean {
  return room.members.get(ctx.me.uuid)?.isModerator === true;
}

async function updateRoom(ctx: Ctx, id: string): Promise<void> {
  const room = findRoom(ctx, id);
  const body = await readJson(ctx);
  const title = requiredString(body, 'title'); // Webex API, PUT /rooms/{id}: title is required.
  if (room.isLocked) {
    requireModerator(isModeratorOf(ctx, room), 'update a moderated space');
  }
  if (room.type === 'direct') {
    throw new HttpError(400, 'A direct space cannot be updated.');
  }
  const teamId = optionalString(body, 'teamId');
  if (teamId) {
    const team = findTeam(ctx, teamId);
    // Webex API: only unowned spaces can be assigned; moving between teams is unsupported.
    if (room.teamUuid && room.teamUuid !== team.uuid) {
      throw new HttpError(400, 'A space cannot be moved from one team to another.');
    }
    room.teamUuid = team.uuid;
  }
  const description = optionalString(body, 'description');
  if (description !== undefined) {
    // Webex API: send a single space to remove the description.
    room.description = description.trim() === '' ? undefined : description;
  }
  const isLocked = optionalBoolean(body, 'isLocked');
  const isPublic = optionalBoolean(body, 'isPublic') ?? room.isPublic;
  const isAnnouncementOnly = optionalBoolean(body, 'isAnnouncementOnly') ?? room.isAnnouncementOnly;
  if (isPublic && !room.description) {
    throw new HttpError(400, 'A description is required when isPublic is true.');
  }
  room.title = title;
  if (isLocked !== undefined) {
    room.isLocked = isLocked;
    if (isLocked) {
      // Locking a space makes the caller its moderator.
      const me = room.members.get(ctx.me.uuid);
      if (me) {
        me.isModerator = true;
      }
    }
  }
  if (isAnnouncementOnly && !room.isLocked) {
    throw new HttpError(400, 'An announcement-only space must be locked (isLocked).');
  }
  room.isPublic = isPublic;
  room.isAnnouncementOnly = isAnnouncementOnly;
  room.isReadOnly = optionalBoolean(body, 'isReadOnly') ?? room.isReadOnly;
  if (room.general && room.teamUuid) {
    const team = ctx.store.teams.get(room.teamUuid);
    if (team) {
      team.name = title;
    }
  }
  ctx.store.events.emit('change', { resource: 'rooms', event: 'updated', actorUuid: ctx.me.uuid, room });
  sendJson(ctx, 200, roomJson(ctx.store, room, ctx.me));
}

/**
 * Webex API, DELETE /rooms/{id}: "when a non moderator deletes the room they are removed from the
 * room instead". In a space without moderators we let its creator delete it ([UNVERIFIED]: the API
 * does not say who counts as a moderator there).
 */
function deleteRoom(ctx: Ctx, id: string): void {
  const room = findRoom(ctx, id);
  if (room.type === 'direct') {
    throw new HttpError(403, 'A direct space cannot be deleted.');
  }
  if (room.general) {
    throw new HttpError(409, "A team's General space cannot be deleted; delete the team instead.");
  }
  const canDelete = room.isLocked ? isModeratorOf(ctx, room) : room.creatorUuid === ctx.me.uuid;
  // Reported before the change, while its members (who are told) are still in the room.
  if (canDelete) {
    ctx.store.events.emit('change', { resource: 'rooms', event: 'deleted', actorUuid: ctx.me.uuid, room });
    ctx.store.deleteRoom(room);
  } else {
    const member = room.members.get(ctx.me.uuid);
    if (member) {
      ctx.store.events.emit('change', { resource: 'memberships', event: 'deleted', actorUuid: ctx.me.uuid, room, member });
    }
    ctx.store.removeMember(room, ctx.me.uuid);
  }
  sendNoContent(ctx);
}

export const roomRoutes: Route[] = [
  { path: /^\/rooms$/, methods: { GET: listRooms, POST: createRoom } },
  {
    path: /^\/rooms\/([^/]+)$/,
    methods: {
      GET: (ctx, [id]) => sendJson(ctx, 200, roomJson(ctx.store, findRoom(ctx, id), ctx.me)),
      PUT: (ctx, [id]) => updateRoom(ctx, id),
      DELETE: (ctx, [id]) => deleteRoom(ctx, id),
    },
  },
  { path: /^\/rooms\/([^/]+)\/meetingInfo$/, methods: { GET: (ctx, [id]) => sendJson(ctx, 200, meetingInfoJson(ctx, id)) } },
];

/**
 * GET /rooms/{roomId}/meetingInfo (Cisco's "Get Room Meeting Details": roomId, meetingLink,
 * sipAddress, meetingNumber, meetingId, call-in numbers). The same member rules as GET
 * /rooms/{id} (findRoom: 404 for a space one is not in); the numbers are derived from the room's
 * uuid so they stay the same across calls.
 */
function meetingInfoJson(ctx: Ctx, id: string): Record<string, string> {
  const room = findRoom(ctx, id);
  const digits = String(parseInt(room.uuid.replace(/-/g, '').slice(0, 8), 16) % 1_000_000_000).padStart(9, '2');
  return {
    roomId: room.id,
    meetingLink: `https://sandbox.webex.com/m/${room.uuid}`,
    sipAddress: `${digits}@sandbox.webex.com`,
    meetingNumber: digits,
    meetingId: room.uuid.replace(/-/g, ''),
    callInTollFreeNumber: '+1-866-432-9903',
    callInTollNumber: '+1-408-525-6800',
  };
}
