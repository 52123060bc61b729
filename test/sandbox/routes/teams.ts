/** /teams and /teams/{id} (Webex messaging API, official OpenAPI spec). */
import {
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
import type { PersonRec, Store, TeamRec } from '../store';
import { teamJson } from '../views';
import { findTeam, requireModerator } from './common';

/**
 * Creates a team and its General space: a space with the team's name and teamId. The creator is a
 * moderator of both (Webex API: POST /teams adds the caller; DELETE /memberships/{id} on the General
 * space's last moderator).
 */
export function createTeamWithGeneral(
  store: Store,
  creator: PersonRec,
  init: { key?: string; name: string; description?: string; created: number },
): TeamRec {
  const team = store.createTeam({ ...init, creatorUuid: creator.uuid });
  store.addTeamMember(team, creator.uuid, true, init.created);
  const general = store.createRoom({
    key: init.key !== undefined ? `${init.key}#general` : undefined,
    type: 'group',
    title: init.name,
    teamUuid: team.uuid,
    general: true,
    creatorUuid: creator.uuid,
    created: init.created,
    isLocked: false,
    isPublic: false,
    isAnnouncementOnly: false,
    isReadOnly: false,
  });
  store.addMember(general, creator.uuid, true, init.created);
  team.generalRoomUuid = general.uuid;
  return team;
}

const byCreated = (t: TeamRec): SortKey => [t.created, t.id];

function listTeams(ctx: Ctx): void {
  // Webex API: max defaults to 100 and has no stated upper bound; we cap at 1000 (developer.webex.com
  // "Pagination": over the limit gives the limit).
  const max = parseMax(ctx, { def: 100, limit: 1000, over: 'clamp' });
  const teams: TeamRec[] = [];
  for (const uuid of ctx.store.teamsByPerson.get(ctx.me.uuid) ?? []) {
    const t = ctx.store.teams.get(uuid);
    if (t) {
      teams.push(t);
    }
  }
  const items = page(ctx, sortByKey(teams, byCreated), byCreated, max);
  sendJson(ctx, 200, { items: items.map(teamJson) });
}

async function createTeam(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  const name = requiredString(body, 'name');
  const description = optionalString(body, 'description');
  const team = createTeamWithGeneral(ctx.store, ctx.me, { name, description: description || undefined, created: Date.now() });
  sendJson(ctx, 200, teamJson(team));
}

async function updateTeam(ctx: Ctx, id: string): Promise<void> {
  const team = findTeam(ctx, id);
  const body = await readJson(ctx);
  const name = requiredString(body, 'name');
  const description = optionalString(body, 'description');
  requireModerator(team.members.get(ctx.me.uuid)?.isModerator === true, 'update a team');
  team.name = name;
  if (description !== undefined) {
    team.description = description.trim() === '' ? undefined : description;
  }
  // The General space carries the team's name.
  const general = ctx.store.rooms.get(team.generalRoomUuid);
  if (general) {
    general.title = name;
  }
  sendJson(ctx, 200, teamJson(team));
}

function deleteTeam(ctx: Ctx, id: string): void {
  const team = findTeam(ctx, id);
  requireModerator(team.members.get(ctx.me.uuid)?.isModerator === true, 'delete a team');
  ctx.store.deleteTeam(team);
  sendNoContent(ctx);
}

export const teamRoutes: Route[] = [
  { path: /^\/teams$/, methods: { GET: listTeams, POST: createTeam } },
  {
    path: /^\/teams\/([^/]+)$/,
    methods: {
      GET: (ctx, [id]) => sendJson(ctx, 200, teamJson(findTeam(ctx, id))),
      PUT: (ctx, [id]) => updateTeam(ctx, id),
      DELETE: (ctx, [id]) => deleteTeam(ctx, id),
    },
  },
];
