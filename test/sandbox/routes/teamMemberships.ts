/** /team/memberships and /team/memberships/{id} (Webex messaging API, official OpenAPI spec). */
import {
  HttpError,
  TEXT,
  optionalBoolean,
  page,
  parseMax,
  readJson,
  requiredBoolean,
  requiredParam,
  requiredString,
  sendJson,
  sendNoContent,
  sortByKey,
  type Ctx,
  type Route,
  type SortKey,
} from '../http';
import type { TeamMemberRec, TeamRec } from '../store';
import { teamMembershipJson } from '../views';
import { findTeam, requireModerator, splitPair } from './common';
import { personOfBody } from './memberships';

const byCreated = (m: TeamMemberRec): SortKey => [m.created, m.personUuid];

function listTeamMemberships(ctx: Ctx): void {
  const team = findTeam(ctx, requiredParam(ctx, 'teamId')); // Webex API: teamId is required.
  const max = parseMax(ctx, { def: 100, limit: 1000, over: 'clamp' });
  const items = page(ctx, sortByKey([...team.members.values()], byCreated), byCreated, max);
  sendJson(ctx, 200, { items: items.map((m) => teamMembershipJson(ctx.store, team, m)) });
}

function isTeamModerator(ctx: Ctx, team: TeamRec): boolean {
  return team.members.get(ctx.me.uuid)?.isModerator === true;
}

function moderators(team: TeamRec): number {
  let n = 0;
  for (const m of team.members.values()) {
    n += m.isModerator ? 1 : 0;
  }
  return n;
}

async function createTeamMembership(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  const team = findTeam(ctx, requiredString(body, 'teamId'));
  const person = personOfBody(ctx, body);
  const isModerator = optionalBoolean(body, 'isModerator') ?? false;
  if (isModerator) {
    requireModerator(isTeamModerator(ctx, team), 'add a team moderator');
  }
  if (team.members.has(person.uuid)) {
    throw new HttpError(409, 'Person is already a member of the team.');
  }
  const now = Date.now();
  const m = ctx.store.addTeamMember(team, person.uuid, isModerator, now);
  // A new team member joins the team's General space.
  const general = ctx.store.rooms.get(team.generalRoomUuid);
  if (general && !general.members.has(person.uuid)) {
    ctx.store.addMember(general, person.uuid, isModerator, now);
  }
  sendJson(ctx, 200, teamMembershipJson(ctx.store, team, m));
}

function findTeamMembership(ctx: Ctx, id: string): { team: TeamRec; m: TeamMemberRec } {
  const [personUuid, teamUuid] = splitPair(id, 'TEAM_MEMBERSHIP');
  const team = ctx.store.teams.get(teamUuid);
  const m = team?.members.get(personUuid);
  if (!team || !m || !team.members.has(ctx.me.uuid)) {
    throw new HttpError(404, TEXT.notFound);
  }
  return { team, m };
}

async function updateTeamMembership(ctx: Ctx, id: string): Promise<void> {
  const { team, m } = findTeamMembership(ctx, id);
  const body = await readJson(ctx);
  const isModerator = requiredBoolean(body, 'isModerator'); // Webex API: required.
  if (isModerator !== m.isModerator) {
    requireModerator(isTeamModerator(ctx, team), 'change team moderators');
    if (!isModerator && moderators(team) === 1) {
      throw new HttpError(409, 'The last moderator of a team cannot be removed.');
    }
    m.isModerator = isModerator;
  }
  sendJson(ctx, 200, teamMembershipJson(ctx.store, team, m));
}

function deleteTeamMembership(ctx: Ctx, id: string): void {
  const { team, m } = findTeamMembership(ctx, id);
  if (m.personUuid !== ctx.me.uuid) {
    requireModerator(isTeamModerator(ctx, team), 'remove people from a team');
  }
  // Webex API, DELETE /team/memberships/{id}: the last team moderator can't be deleted.
  if (m.isModerator && moderators(team) === 1) {
    throw new HttpError(409, 'The last moderator of a team cannot be removed.');
  }
  ctx.store.removeTeamMember(team, m.personUuid);
  // Leaving a team means leaving its spaces.
  for (const room of ctx.store.rooms.values()) {
    if (room.teamUuid === team.uuid && room.members.has(m.personUuid)) {
      ctx.store.removeMember(room, m.personUuid);
    }
  }
  sendNoContent(ctx);
}

export const teamMembershipRoutes: Route[] = [
  { path: /^\/team\/memberships$/, methods: { GET: listTeamMemberships, POST: createTeamMembership } },
  {
    path: /^\/team\/memberships\/([^/]+)$/,
    methods: {
      GET: (ctx, [id]) => {
        const { team, m } = findTeamMembership(ctx, id);
        sendJson(ctx, 200, teamMembershipJson(ctx.store, team, m));
      },
      PUT: (ctx, [id]) => updateTeamMembership(ctx, id),
      DELETE: (ctx, [id]) => deleteTeamMembership(ctx, id),
    },
  },
];
