/** /team/memberships and /team/memberships/{id} (Webex messaging API, official OpenAPI spec). */
import {
  HttpError,
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
import { findMember, findTeam, moderatorCount, requireModerator } from './common';
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

async function updateTeamMembership(ctx: Ctx, id: string): Promise<void> {
  const { group: team, m } = findMember(ctx, ctx.store.teams, id, 'TEAM_MEMBERSHIP');
  const body = await readJson(ctx);
  const isModerator = requiredBoolean(body, 'isModerator'); // Webex API: required.
  if (isModerator !== m.isModerator) {
    requireModerator(isTeamModerator(ctx, team), 'change team moderators');
    if (!isModerator && moderatorCount(team) === 1) {
      throw new HttpError(409, 'The last moderator of a team cannot be removed.');
    }
    m.isModerator = isModerator;
  }
  sendJson(ctx, 200, teamMembershipJson(ctx.store, team, m));
}

function deleteTeamMembership(ctx: Ctx, id: string): void {
  const { group: team, m } = findMember(ctx, ctx.store.teams, id, 'TEAM_MEMBERSHIP');
  if (m.personUuid !== ctx.me.uuid) {
    requireModerator(isTeamModerator(ctx, team), 'remove people from a team');
  }
  // Webex API, DELETE /team/memberships/{id}: the last team moderator can't be deleted.
  if (m.isModerator && moderatorCount(team) === 1) {
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
        const { group: team, m } = findMember(ctx, ctx.store.teams, id, 'TEAM_MEMBERSHIP');
        sendJson(ctx, 200, teamMembershipJson(ctx.store, team, m));
      },
      PUT: (ctx, [id]) => updateTeamMembership(ctx, id),
      DELETE: (ctx, [id]) => deleteTeamMembership(ctx, id),
    },
  },
];
