/**
 * Add a member by email (to a space or a team, optionally as moderator), remove a member, make or
 * unmake a moderator.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { Membership, TeamMembership } from '../webex/types';
import { isValidEmail } from '../webex/validation';
import { withProgress } from './progress';
import {
  memberFromArgument,
  pickMember,
  pickTarget,
  roomFromArgument,
  selectedTarget,
  targetName,
  teamFromArgument,
  type Target,
} from './targets';
import { afterSpaceChange } from './spaceCommands';
import { CommandId } from './commandIds';

type AnyMembership = Membership | TeamMembership;

/** Stands for "the space or team the Members view shows". */
const SELECTED = Symbol('selected');

export function registerMemberCommands(services: ExtensionServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.addMember, (arg?: unknown) => addMember(services, arg)),
    // The Members view's title button: adds to whatever the view shows.
    vscode.commands.registerCommand(CommandId.addMemberToSelection, () => addMember(services, SELECTED)),
    vscode.commands.registerCommand(CommandId.removeMember, (arg?: unknown) => removeMember(services, arg)),
    vscode.commands.registerCommand(CommandId.makeModerator, (arg?: unknown) => setModerator(services, arg, { moderator: true })),
    vscode.commands.registerCommand(CommandId.unmakeModerator, (arg?: unknown) => setModerator(services, arg, { moderator: false })),
  );
}

/** From a space, team or Members folder: that one. From the Members view title: what it shows. Else ask. */
async function resolveTarget(services: ExtensionServices, arg: unknown, title: string): Promise<Target | undefined> {
  const client = services.session.client;
  try {
    if (arg === SELECTED) {
      return selectedTarget(services) ?? (await pickTarget(services, title));
    }
    const team = teamFromArgument(services, arg);
    if (team) {
      return { kind: 'team', team };
    }
    const room = client ? await roomFromArgument(services, client, arg) : undefined;
    if (room) {
      return { kind: 'space', room };
    }
    return await pickTarget(services, title);
  } catch (error) {
    services.errors.show(error, 'Could not load your spaces and teams');
    return undefined;
  }
}

async function addMember(services: ExtensionServices, arg: unknown): Promise<void> {
  const client = await services.session.requireClient();
  if (!client) {
    return;
  }
  const target = await resolveTarget(services, arg, 'Add Member to…');
  if (!target) {
    return;
  }
  const name = targetName(target);
  const email = await services.prompts.input({
    title: vscode.l10n.t('Add Member to {0}', name),
    prompt: vscode.l10n.t('The person’s email address'),
    placeHolder: vscode.l10n.t('name@example.com'),
    validateInput: (value) => (isValidEmail(value.trim()) ? undefined : 'Enter one email address, like name@example.com.'),
  });
  if (email === undefined) {
    return;
  }
  const role = await services.prompts.pick(
    [
      { label: vscode.l10n.t('Member'), isModerator: false },
      { label: vscode.l10n.t('Moderator'), description: vscode.l10n.t('can manage members and settings'), isModerator: true },
    ],
    { title: vscode.l10n.t('Add {0} to {1} as…', email.trim(), name) },
  );
  if (!role) {
    return;
  }
  const personEmail = email.trim();
  try {
    await withProgress<AnyMembership>(vscode.l10n.t('Adding {0} to {1}…', personEmail, name), (signal) =>
      target.kind === 'space'
        ? client.memberships.create({ roomId: target.room.id, personEmail, isModerator: role.isModerator }, { signal })
        : client.teamMemberships.create({ teamId: target.team.id, personEmail, isModerator: role.isModerator }, { signal }),
    );
    await afterMemberChange(services, target);
    void services.prompts.notify('info', vscode.l10n.t('Added {0} to {1}{2}.', personEmail, name, role.isModerator ? ' as a moderator' : ''));
  } catch (error) {
    // 409 "already in the room" comes back in Webex's own words (Webex messaging API, POST /memberships).
    services.errors.show(error, `Could not add ${personEmail} to ${name}`);
  }
}

/** The member a command acts on: the clicked one, or one picked from a space or team. */
async function resolveMember(
  services: ExtensionServices,
  arg: unknown,
  title: string,
  filter?: (m: AnyMembership) => boolean,
): Promise<{ target: Target; membership: AnyMembership } | undefined> {
  const node = memberFromArgument(arg);
  if (node) {
    const target: Target | undefined =
      node.of.kind === 'space'
        ? (() => {
            const room = services.spaces.room(node.of.roomId);
            return room ? { kind: 'space' as const, room } : undefined;
          })()
        : (() => {
            const team = services.spaces.team(node.of.teamId);
            return team ? { kind: 'team' as const, team } : undefined;
          })();
    return target ? { target, membership: node.membership } : undefined;
  }
  const target = await resolveTarget(services, arg, title);
  if (!target) {
    return undefined;
  }
  try {
    const membership = await pickMember(services, target, { title: `${title} (${targetName(target)})`, filter });
    return membership ? { target, membership } : undefined;
  } catch (error) {
    services.errors.show(error, `Could not load the members of ${targetName(target)}`);
    return undefined;
  }
}

async function removeMember(services: ExtensionServices, arg: unknown): Promise<void> {
  const client = await services.session.requireClient();
  if (!client) {
    return;
  }
  const chosen = await resolveMember(services, arg, 'Remove Member');
  if (!chosen) {
    return;
  }
  const { target, membership } = chosen;
  const name = targetName(target);
  const who = membership.personDisplayName || membership.personEmail;
  const isMe = membership.personId === services.session.me?.id;
  const confirmed = await services.prompts.confirm(
    isMe ? vscode.l10n.t('Leave {0}?', name) : vscode.l10n.t('Remove {0} from {1}?', who, name),
    {
      detail: isMe
        ? vscode.l10n.t('You are removing yourself.')
        : vscode.l10n.t('{0} will no longer see {1}.', who, target.kind === 'space' ? 'this space' : 'this team'),
      action: isMe ? vscode.l10n.t('Leave') : vscode.l10n.t('Remove'),
    },
  );
  if (!confirmed) {
    return;
  }
  try {
    await withProgress(vscode.l10n.t('Removing {0} from {1}…', who, name), (signal) =>
      target.kind === 'space'
        ? client.memberships.delete(membership.id, { signal })
        : client.teamMemberships.delete(membership.id, { signal }),
    );
    await afterMemberChange(services, target);
    if (isMe) {
      await afterSpaceChange(services);
    }
  } catch (error) {
    services.errors.show(error, `Could not remove ${who} from ${name}`);
  }
}

async function setModerator(services: ExtensionServices, arg: unknown, { moderator: isModerator }: { moderator: boolean }): Promise<void> {
  const client = await services.session.requireClient();
  if (!client) {
    return;
  }
  const chosen = await resolveMember(
    services,
    arg,
    isModerator ? 'Make Moderator' : 'Unmake Moderator',
    (m) => m.isModerator !== isModerator,
  );
  if (!chosen) {
    return;
  }
  const { target, membership } = chosen;
  const who = membership.personDisplayName || membership.personEmail;
  if (membership.isModerator === isModerator) {
    void services.prompts.notify('info', vscode.l10n.t('{0} is {1} a moderator.', who, isModerator ? 'already' : 'not'));
    return;
  }
  try {
    await withProgress<AnyMembership>(isModerator ? vscode.l10n.t('Making {0} a moderator…', who) : vscode.l10n.t('Removing {0} as moderator…', who), (signal) =>
      target.kind === 'space'
        ? client.memberships.update(
            membership.id,
            // PUT /memberships/{id} requires both fields (Webex messaging API): keep the hidden flag as it is.
            { isModerator, isRoomHidden: (membership as Membership).isRoomHidden ?? false },
            { signal },
          )
        : client.teamMemberships.update(membership.id, { isModerator }, { signal }),
    );
    await afterMemberChange(services, target);
  } catch (error) {
    services.errors.show(error, `Could not change ${who}’s moderator role`);
  }
}

/** Members changed: reload that space's or team's members (the views follow the store). */
async function afterMemberChange(services: ExtensionServices, target: Target): Promise<void> {
  try {
    await services.members.reload(
      target.kind === 'space' ? { kind: 'space', id: target.room.id } : { kind: 'team', id: target.team.id },
    );
  } catch (error) {
    services.errors.show(error, `Could not reload the members of ${targetName(target)}`);
  }
}
