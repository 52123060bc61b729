/**
 * Registers the Spaces, Teams and Members views and what belongs to them alone: who is signed in
 * (Spaces view description), the bot notice, the spaces filter, "Load more…", and the Members view
 * following the selection.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { SpacesProvider } from './spaces/spacesProvider';
import { SpaceNode } from './spaces/spaceNode';
import { TeamNode, TeamsProvider } from './teams/teamsProvider';
import { MembersProvider } from './members/membersProvider';
import { ErrorNode, type TreeNode } from './treeNode';
import { DisposableStore } from '../webex/lifecycle';
import { CommandId } from '../commands/commandIds';

export const BOT_NOTICE =
  'Signed in as a bot: in group spaces a bot sees only the messages that mention it.';

/** The providers and views, for commands (refresh a node) and integration tests. */
export interface SidebarViews extends vscode.Disposable {
  readonly spaces: SpacesProvider;
  readonly teams: TeamsProvider;
  readonly members: MembersProvider;
  readonly spacesView: vscode.TreeView<TreeNode>;
  readonly teamsView: vscode.TreeView<TreeNode>;
  readonly membersView: vscode.TreeView<TreeNode>;
}

type Views = Omit<SidebarViews, 'dispose'>;

export function registerViews(services: ExtensionServices): SidebarViews {
  const disposables = new DisposableStore();
  const spaces = disposables.add(new SpacesProvider(services));
  const teams = disposables.add(new TeamsProvider(services));
  const members = disposables.add(new MembersProvider(services));
  const views: Views = {
    spaces,
    teams,
    members,
    spacesView: disposables.add(vscode.window.createTreeView('webex.spaces', { treeDataProvider: spaces, showCollapseAll: false })),
    teamsView: disposables.add(vscode.window.createTreeView('webex.teams', { treeDataProvider: teams, showCollapseAll: true })),
    membersView: disposables.add(vscode.window.createTreeView('webex.members', { treeDataProvider: members })),
  };
  disposables.addAll(
    describeViews(services, views),
    followSelection(services, views),
    ageRelativeTimes(views),
    registerViewCommands(services, views),
  );
  return { ...views, dispose: () => disposables.dispose() };
}

/** Who is signed in and the filter (Spaces view), the bot notice, and what the Members view shows. */
function describeViews(services: ExtensionServices, { spaces, members, spacesView, membersView }: Views): vscode.Disposable {
  const describeSpaces = (): void => {
    const { session } = services;
    const who = session.account ? `${session.account.displayName}${session.isBot ? ' (bot)' : ''}` : undefined;
    const filter = spaces.filter ? `filter: “${spaces.filter}”` : undefined;
    spacesView.description = [who, filter].filter(Boolean).join(' · ') || undefined;
    spacesView.message = session.isBot ? BOT_NOTICE : undefined;
  };
  const describeMembers = (): void => {
    const shown = members.describeTarget();
    membersView.description = shown?.title;
    void vscode.commands.executeCommand('setContext', 'webex:membersTarget', shown !== undefined);
  };
  describeSpaces();
  return vscode.Disposable.from(
    services.session.onDidChange(describeSpaces),
    spaces.onDidChangeFilter(describeSpaces),
    services.selection.onDidChange(describeMembers),
    services.spaces.onDidChange(describeMembers),
  );
}

/** Selecting a space or team shows its members (the Members view follows `selection`). */
function followSelection(services: ExtensionServices, { spacesView, teamsView }: Views): vscode.Disposable {
  const follow = (e: vscode.TreeViewSelectionChangeEvent<TreeNode>): void => {
    const node = e.selection[0];
    if (node instanceof SpaceNode) {
      services.selection.setActiveSpace(node.room.id);
    } else if (node instanceof TeamNode) {
      services.selection.setActiveTeam(node.team.id);
    }
  };
  return vscode.Disposable.from(spacesView.onDidChangeSelection(follow), teamsView.onDidChangeSelection(follow));
}

/** Relative times ("5 min ago") age: redraw from the cache (no request) while the view is visible. */
function ageRelativeTimes({ spaces, spacesView }: Views): vscode.Disposable {
  let ticker: ReturnType<typeof setInterval> | undefined;
  const tick = (visible: boolean): void => {
    if (visible && !ticker) {
      ticker = setInterval(() => spaces.refresh(), 60_000);
    } else if (!visible && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
  return vscode.Disposable.from(
    spacesView.onDidChangeVisibility((e) => tick(e.visible)),
    { dispose: () => tick(false) },
  );
}

/** The commands that belong to the views alone: the spaces filter, "Load more…", Copy Tracking ID. */
function registerViewCommands(services: ExtensionServices, { spaces }: Views): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.filterSpaces, async () => {
      const text = await services.prompts.input({
        title: vscode.l10n.t('Filter Spaces'),
        prompt: vscode.l10n.t('Show the spaces whose title or team contains these words (empty shows all)'),
        placeHolder: vscode.l10n.t('e.g. release plat'),
        value: spaces.filter,
      });
      if (text !== undefined) {
        spaces.setFilter(text);
      }
    }),
    vscode.commands.registerCommand(CommandId.clearSpacesFilter, () => spaces.setFilter('')),
    vscode.commands.registerCommand(CommandId.loadMoreSpaces, async () => {
      try {
        await vscode.window.withProgress({ location: { viewId: 'webex.spaces' } }, () => services.spaces.loadMoreRooms());
      } catch (error) {
        services.errors.show(error, 'Could not load more spaces');
      }
    }),
    vscode.commands.registerCommand(CommandId.copyTrackingId, async (node?: ErrorNode) => {
      if (node?.trackingId) {
        await vscode.env.clipboard.writeText(node.trackingId);
      }
    }),
  );
}
