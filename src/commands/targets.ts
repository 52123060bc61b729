/**
 * What a command acts on. From a tree item: that item, without asking again. From the palette (or
 * a keybinding): ask, through `services.prompts`. Arguments from other callers (the webview) may be
 * a room id string, a Room, or anything with `.room`.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { Membership, Room, Team, TeamMembership } from '../webex/types';
import type { WebexClient } from '../webex/client';
import { roomReference } from '../services/common/roomReference';
import { relativeTime } from '../services/sidebar/ordering';
import { TeamMembersNode, TeamNode } from '../views/teams/teamsProvider';
import { MemberNode } from '../views/members/memberNode';

export type Target = { kind: 'space'; room: Room } | { kind: 'team'; team: Team };

interface SpaceItem extends vscode.QuickPickItem {
  room: Room;
}

interface TargetItem extends vscode.QuickPickItem {
  target?: Target;
}

/** The Room an argument names, if any: the one it carried, else the cached one, else `GET /rooms/{roomId}`. */
export async function roomFromArgument(
  services: ExtensionServices,
  client: WebexClient,
  arg: unknown,
): Promise<Room | undefined> {
  const reference = roomReference(arg);
  if (!reference) {
    return undefined;
  }
  return reference.room ?? services.spaces.room(reference.id) ?? (await client.rooms.get(reference.id));
}

/** The team an argument names (TeamNode, the Members folder of a team), if any. */
export function teamFromArgument(services: ExtensionServices, arg: unknown): Team | undefined {
  if (arg instanceof TeamNode) {
    return arg.team;
  }
  if (arg instanceof TeamMembersNode) {
    return services.spaces.team(arg.teamId);
  }
  return undefined;
}

export function memberFromArgument(arg: unknown): MemberNode | undefined {
  return arg instanceof MemberNode ? arg : undefined;
}

/**
 * Asks for a space: most recently active first, searchable by title and team. `filter` narrows it
 * (e.g. group spaces only where direct spaces make no sense).
 */
export async function pickSpace(
  services: ExtensionServices,
  options: { title: string; filter?: (room: Room) => boolean },
): Promise<Room | undefined> {
  const items = loadSpaceItems(services, options.filter);
  const chosen = await services.prompts.pick<SpaceItem>(items, {
    title: options.title,
    placeHolder: vscode.l10n.t('Type to search your spaces (most recently active first)'),
    matchOnDescription: true,
  });
  return chosen?.room;
}

async function loadSpaceItems(services: ExtensionServices, filter?: (room: Room) => boolean): Promise<SpaceItem[]> {
  const { spaces } = services;
  await Promise.all([spaces.loadRooms(), spaces.loadTeams().catch(() => undefined)]);
  const now = Date.now();
  return (spaces.rooms ?? []).filter(filter ?? (() => true)).map((room) => ({
    label: room.title,
    description: [room.teamId ? spaces.teamName(room.teamId) : undefined, relativeTime(room.lastActivity ?? room.created, now, vscode.env.language)]
      .filter(Boolean)
      .join(' · '),
    iconPath: new vscode.ThemeIcon(room.type === 'direct' ? 'person' : 'comment-discussion'),
    room,
  }));
}

/** Asks for a team (or "No team" when `allowNone`); `null` means the user chose no team. */
export async function pickTeam(
  services: ExtensionServices,
  options: { title: string; allowNone: boolean },
): Promise<Team | null | undefined> {
  const items = services.spaces.loadTeams().then((teams) => [
    ...(options.allowNone ? [{ label: vscode.l10n.t('No team'), description: vscode.l10n.t('a space of its own'), team: null }] : []),
    ...teams.map((team) => ({ label: team.name, description: team.description, team })),
  ]);
  const chosen = await services.prompts.pick<vscode.QuickPickItem & { team: Team | null }>(items, {
    title: options.title,
    placeHolder: options.allowNone ? vscode.l10n.t('Put the space in a team? (optional)') : vscode.l10n.t('Choose a team'),
  });
  return chosen?.team;
}

/** Asks for a group space or a team (for adding or managing members from the palette). */
export async function pickTarget(services: ExtensionServices, title: string): Promise<Target | undefined> {
  const items = Promise.all([loadSpaceItems(services, (r) => r.type === 'group'), services.spaces.loadTeams()]).then(
    ([spaceItems, teams]): TargetItem[] => [
      { label: vscode.l10n.t('Spaces'), kind: vscode.QuickPickItemKind.Separator },
      ...spaceItems.map((i) => ({ ...i, target: { kind: 'space' as const, room: i.room } })),
      { label: vscode.l10n.t('Teams'), kind: vscode.QuickPickItemKind.Separator },
      ...teams.map((team) => ({
        label: team.name,
        description: 'team',
        iconPath: new vscode.ThemeIcon('organization'),
        target: { kind: 'team' as const, team },
      })),
    ],
  );
  const chosen = await services.prompts.pick<TargetItem>(items, {
    title,
    placeHolder: vscode.l10n.t('Type to search your spaces and teams'),
    matchOnDescription: true,
  });
  return chosen?.target;
}

/** The target the Members view shows, if any (for its title actions). */
export function selectedTarget(services: ExtensionServices): Target | undefined {
  const target = services.selection.target;
  if (target?.kind === 'space') {
    const room = services.spaces.room(target.id);
    return room ? { kind: 'space', room } : undefined;
  }
  if (target?.kind === 'team') {
    const team = services.spaces.team(target.id);
    return team ? { kind: 'team', team } : undefined;
  }
  return undefined;
}

/** Asks for a member of a space or team; `filter` narrows the list (e.g. non-moderators). */
export async function pickMember(
  services: ExtensionServices,
  target: Target,
  options: { title: string; filter?: (m: Membership | TeamMembership) => boolean },
): Promise<Membership | TeamMembership | undefined> {
  const { members } = services;
  const me = services.session.me?.id;
  const list =
    target.kind === 'space' ? members.loadSpaceMembers(target.room.id) : members.loadTeamMembers(target.team.id);
  const items = list.then((ms) =>
    ms.filter(options.filter ?? (() => true)).map((m) => ({
      label: m.personDisplayName || m.personEmail,
      description: [m.personEmail, m.isModerator ? 'moderator' : undefined, m.personId === me ? 'you' : undefined]
        .filter(Boolean)
        .join(' · '),
      membership: m,
    })),
  );
  const chosen = await services.prompts.pick(items, {
    title: options.title,
    placeHolder: vscode.l10n.t('Type to search by name or email'),
    matchOnDescription: true,
  });
  return chosen?.membership;
}

export function targetName(target: Target): string {
  return target.kind === 'space' ? target.room.title : target.team.name;
}
