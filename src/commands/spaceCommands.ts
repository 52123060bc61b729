/**
 * Create a space or team, rename a space, leave or delete a space.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { Room } from '../webex/types';
import { isBlank } from '../webex/validation';
import { withProgress } from './progress';
import { pickSpace, pickTeam, roomFromArgument, teamFromArgument } from './targets';
import { CommandId } from './commandIds';

export function registerSpaceCommands(services: ExtensionServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.createSpace, (arg?: unknown) => createSpace(services, arg)),
    vscode.commands.registerCommand(CommandId.createTeam, () => createTeam(services)),
    vscode.commands.registerCommand(CommandId.renameSpace, (arg?: unknown) => renameSpace(services, arg)),
    vscode.commands.registerCommand(CommandId.leaveSpace, (arg?: unknown) => leaveOrDeleteSpace(services, arg)),
  );
}

const required = (what: string) => (value: string) => (isBlank(value) ? `${what} cannot be empty.` : undefined);

/** Title, then (unless started from a team) an optional team, then an optional description. */
async function createSpace(services: ExtensionServices, arg: unknown): Promise<void> {
  const client = await services.session.requireClient();
  if (!client) {
    return;
  }
  const fromTeam = teamFromArgument(services, arg);
  const title = await services.prompts.input({
    title: fromTeam ? vscode.l10n.t('Create Space in {0}', fromTeam.name) : vscode.l10n.t('Create Space'),
    prompt: vscode.l10n.t('The space’s title'),
    placeHolder: vscode.l10n.t('e.g. Release 2.4'),
    validateInput: required(vscode.l10n.t('The title')),
  });
  if (title === undefined) {
    return;
  }
  let teamId = fromTeam?.id;
  if (!fromTeam) {
    const team = await pickTeam(services, { title: vscode.l10n.t('Create Space “{0}”', title.trim()), allowNone: true }).catch(
      (error: unknown) => {
        // Teams unavailable (e.g. a bot without teams): a space without a team is still possible.
        services.log.warn(`Could not list teams for Create Space: ${String(error)}`);
        return null;
      },
    );
    if (team === undefined) {
      return;
    }
    teamId = team?.id;
  }
  const description = await services.prompts.input({
    title: vscode.l10n.t('Create Space “{0}”', title.trim()),
    prompt: vscode.l10n.t('A description (optional; press Enter to skip)'),
  });
  if (description === undefined) {
    return;
  }
  try {
    const room = await withProgress(vscode.l10n.t('Creating the space “{0}”…', title.trim()), (signal) =>
      client.rooms.create(
        { title: title.trim(), teamId, description: isBlank(description) ? undefined : description.trim() },
        { signal },
      ),
    );
    services.log.info(`Created space ${room.id}`);
    await afterSpaceChange(services);
    services.selection.setActiveSpace(room.id);
    void services.prompts.notify('info', vscode.l10n.t('Created the space “{0}”.', room.title));
  } catch (error) {
    services.errors.show(error, 'Could not create the space');
  }
}

async function createTeam(services: ExtensionServices): Promise<void> {
  const client = await services.session.requireClient();
  if (!client) {
    return;
  }
  const name = await services.prompts.input({
    title: vscode.l10n.t('Create Team'),
    prompt: vscode.l10n.t('The team’s name'),
    placeHolder: vscode.l10n.t('e.g. Platform'),
    validateInput: required(vscode.l10n.t('The name')),
  });
  if (name === undefined) {
    return;
  }
  try {
    const team = await withProgress(vscode.l10n.t('Creating the team “{0}”…', name.trim()), (signal) =>
      client.teams.create({ name: name.trim() }, { signal }),
    );
    await afterSpaceChange(services);
    services.selection.setActiveTeam(team.id);
    void services.prompts.notify('info', vscode.l10n.t('Created the team “{0}”.', team.name));
  } catch (error) {
    services.errors.show(error, 'Could not create the team');
  }
}

async function renameSpace(services: ExtensionServices, arg: unknown): Promise<void> {
  const client = await services.session.requireClient();
  if (!client) {
    return;
  }
  const room = await groupSpace(services, arg, 'Rename Space');
  if (!room) {
    return;
  }
  const title = await services.prompts.input({
    title: vscode.l10n.t('Rename “{0}”', room.title),
    prompt: vscode.l10n.t('The new title'),
    value: room.title,
    validateInput: required(vscode.l10n.t('The title')),
  });
  if (title === undefined || title.trim() === room.title) {
    return;
  }
  try {
    // PUT /rooms/{id} requires the title (Webex messaging API); only the title changes here.
    await withProgress(vscode.l10n.t('Renaming “{0}”…', room.title), (signal) =>
      client.rooms.update(room.id, { title: title.trim() }, { signal }),
    );
    await afterSpaceChange(services);
  } catch (error) {
    services.errors.show(error, `Could not rename “${room.title}”`);
  }
}

/**
 * A moderator of a group space deletes it (for everyone; a team space is archived); anyone else
 * leaves it (their membership is deleted). The confirmation says which, before anything happens.
 */
async function leaveOrDeleteSpace(services: ExtensionServices, arg: unknown): Promise<void> {
  const client = await services.session.requireClient();
  const me = services.session.me;
  if (!client || !me) {
    return;
  }
  const room = await groupSpace(services, arg, 'Leave or Delete Space');
  if (!room) {
    return;
  }
  let membership;
  try {
    membership = await services.members.myMembership(room.id, me.id);
  } catch (error) {
    services.errors.show(error, `Could not check your membership of “${room.title}”`);
    return;
  }
  const deletes = membership?.isModerator === true;
  const confirmed = deletes
    ? await services.prompts.confirm(vscode.l10n.t('Delete the space “{0}” for everyone?', room.title), {
        detail: room.teamId
          ? vscode.l10n.t('You are a moderator, so the space will be deleted (archived in its team) for all its members.')
          : vscode.l10n.t('You are a moderator, so the space and its messages will be deleted for all its members. This cannot be undone.'),
        action: vscode.l10n.t('Delete Space'),
      })
    : await services.prompts.confirm(vscode.l10n.t('Leave the space “{0}”?', room.title), {
        detail: vscode.l10n.t('You will no longer see its messages, unless someone adds you again.'),
        action: vscode.l10n.t('Leave Space'),
      });
  if (!confirmed) {
    return;
  }
  try {
    await withProgress(deletes ? vscode.l10n.t('Deleting “{0}”…', room.title) : vscode.l10n.t('Leaving “{0}”…', room.title), async (signal) => {
      if (deletes) {
        await client.rooms.delete(room.id, { signal });
      } else if (membership) {
        await client.memberships.delete(membership.id, { signal });
      } else {
        // Not found among the members (in a moderated team space, GET /memberships shows a team member
        // who is not a participant only the moderators): DELETE /rooms/{id} by a non-moderator only
        // removes the caller (both from the Webex messaging API).
        await client.rooms.delete(room.id, { signal });
      }
    });
    if (services.selection.activeSpaceId === room.id) {
      services.selection.clear();
    }
    services.members.forget({ kind: 'space', id: room.id });
    services.spaces.removeRoom(room.id);
    await afterSpaceChange(services);
    void services.prompts.notify('info', deletes ? vscode.l10n.t('Deleted “{0}”.', room.title) : vscode.l10n.t('Left “{0}”.', room.title));
  } catch (error) {
    services.errors.show(error, deletes ? `Could not delete “${room.title}”` : `Could not leave “${room.title}”`);
  }
}

/** The group space the argument names, or one the user picks. */
async function groupSpace(services: ExtensionServices, arg: unknown, title: string): Promise<Room | undefined> {
  const client = services.session.client;
  try {
    const given = client ? await roomFromArgument(services, client, arg) : undefined;
    if (given) {
      return given;
    }
    return await pickSpace(services, { title, filter: (r) => r.type === 'group' });
  } catch (error) {
    services.errors.show(error, 'Could not load your spaces');
    return undefined;
  }
}

/** Spaces and teams changed: reload them so every view shows the change. */
export async function afterSpaceChange(services: ExtensionServices): Promise<void> {
  try {
    await services.spaces.refresh();
  } catch (error) {
    services.errors.show(error, 'Could not refresh your spaces');
  }
}
