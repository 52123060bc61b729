/**
 * Look-ups shared by the routes. A malformed id is a 400 "Expect base64 ID or UUID." (the text
 * ObjectIsAdvantag/webex-api-emulator quotes from Webex); a well-formed id of something the caller
 * may not see is a 404, so a stranger cannot tell a private room from a missing one.
 */
import { HttpError, TEXT, type Ctx } from '../http';
import { candidateUuids, type MessageRec, type PersonRec, type RoomRec, type TeamRec } from '../store';

export function isWellFormedId(id: string): boolean {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    return true;
  }
  return /^[A-Za-z0-9_-]+$/.test(id) && Buffer.from(id, 'base64url').toString('utf8').startsWith('ciscospark://');
}

function checkId(id: string): void {
  if (!isWellFormedId(id)) {
    throw new HttpError(400, TEXT.badId);
  }
}

export function findPerson(ctx: Ctx, id: string): PersonRec {
  checkId(id);
  const p = ctx.store.personById(id);
  if (!p) {
    throw new HttpError(404, TEXT.notFound);
  }
  return p;
}

export function findPersonByEmail(ctx: Ctx, email: string): PersonRec {
  const p = ctx.store.peopleByEmail.get(email.trim().toLowerCase());
  if (!p) {
    // The text webex-api-emulator answers for an unknown email when adding a member.
    throw new HttpError(404, `${email} not found.`);
  }
  return p;
}

/** A room the caller is a member of. */
export function findRoom(ctx: Ctx, id: string, notFound: string = TEXT.roomNotFound): RoomRec {
  checkId(id);
  for (const uuid of candidateUuids(id, 'ROOM')) {
    const room = ctx.store.rooms.get(uuid);
    if (room && room.members.has(ctx.me.uuid)) {
      return room;
    }
  }
  throw new HttpError(404, notFound);
}

/** A team the caller is a member of. */
export function findTeam(ctx: Ctx, id: string): TeamRec {
  checkId(id);
  for (const uuid of candidateUuids(id, 'TEAM')) {
    const team = ctx.store.teams.get(uuid);
    if (team && team.members.has(ctx.me.uuid)) {
      return team;
    }
  }
  throw new HttpError(404, TEXT.notFound);
}

/**
 * Whether the caller may see a message. Bots see only the group messages that mention them
 * (developer.webex.com, "Bots"); in direct rooms they see everything.
 */
export function canSee(ctx: Ctx, room: RoomRec, m: MessageRec): boolean {
  if (ctx.me.type !== 'bot' || room.type === 'direct') {
    return true;
  }
  return m.mentionedPeople.includes(ctx.me.id) || m.authorUuid === ctx.me.uuid;
}

/**
 * A message in a room the caller is a member of. A bot asking for a group message that does not
 * mention it gets a 404, as for a message it is not allowed to know of ("Bots" guide: "a bot can only
 * access messages in which it is @mentioned"; the status for this case is our choice, [UNVERIFIED]).
 */
export function findMessage(ctx: Ctx, id: string): { room: RoomRec; message: MessageRec } {
  checkId(id);
  for (const uuid of candidateUuids(id, 'MESSAGE')) {
    const message = ctx.store.messages.get(uuid);
    const room = message ? ctx.store.rooms.get(message.roomUuid) : undefined;
    if (message && room && room.members.has(ctx.me.uuid) && canSee(ctx, room, message)) {
      return { room, message };
    }
  }
  throw new HttpError(404, TEXT.notFound);
}

/** Splits a composite `<personUUID>:<containerUUID>` membership uuid. */
export function splitPair(id: string, type: 'MEMBERSHIP' | 'TEAM_MEMBERSHIP'): [string, string] {
  checkId(id);
  const [uuid] = candidateUuids(id, type);
  const parts = uuid?.split(':');
  if (!parts || parts.length !== 2) {
    throw new HttpError(404, TEXT.notFound);
  }
  return [parts[0], parts[1]];
}

export function requireModerator(isModerator: boolean, what: string): void {
  if (!isModerator) {
    throw new HttpError(403, `Only a moderator can ${what}.`);
  }
}
