/**
 * Registers the Spaces, Teams and Members views and what belongs to them alone: who is signed in
 * (Spaces view description), the bot notice, the spaces filter, "Load more…", and the Members view
 * following the selection.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { LOAD_MORE_SPACES_COMMAND, SpacesProvider } from './spaces/spacesProvider';
import { SpaceNode } from './spaces/spaceNode';
import { TeamNode, TeamsProvider } from './teams/teamsProvider';
import { MembersProvider } from './members/membersProvider';
import { ErrorNode, type TreeNode } from './treeNode';

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

export function registerViews(services: ExtensionServices): SidebarViews {
  const spaces = new SpacesProvider(services);
  const teams = new TeamsProvider(services);
  const members = new MembersProvider(services);
  const spacesView = vscode.window.createTreeView('webex.spaces', { treeDataProvider: spaces, showCollapseAll: false });
  const teamsView = vscode.window.createTreeView('webex.teams', { treeDataProvider: teams, showCollapseAll: true });
  const membersView = vscode.window.createTreeView('webex.members', { treeDataProvider: members });
  const disposables: vscode.Disposable[] = [spaces, teams, members, spacesView, teamsView, membersView];

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
  disposables.push(
    services.session.onDidChange(describeSpaces),
    spaces.onDidChangeFilter(describeSpaces),
    services.selection.onDidChange(describeMembers),
    services.spaces.onDidChange(describeMembers),
  );

  // Selecting a space or team shows its members (the Members view follows `selection`).
  const follow = (e: vscode.TreeViewSelectionChangeEvent<TreeNode>): void => {
    const node = e.selection[0];
    if (node instanceof SpaceNode) {
      services.selection.setActiveSpace(node.room.id);
    } else if (node instanceof TeamNode) {
      services.selection.setActiveTeam(node.team.id);
    }
  };
  disposables.push(spacesView.onDidChangeSelection(follow), teamsView.onDidChangeSelection(follow));

  // Relative times ("5 min ago") age: redraw from the cache (no request) while the view is visible.
  let ticker: ReturnType<typeof setInterval> | undefined;
  const tick = (visible: boolean): void => {
    if (visible && !ticker) {
      ticker = setInterval(() => spaces.refresh(), 60_000);
    } else if (!visible && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
  disposables.push(
    spacesView.onDidChangeVisibility((e) => tick(e.visible)),
    { dispose: () => tick(false) },
  );

  disposables.push(
    vscode.commands.registerCommand('webex.filterSpaces', async () => {
      const text = await services.prompts.input({
        title: 'Filter Spaces',
        prompt: 'Show the spaces whose title or team contains these words (empty shows all)',
        placeHolder: 'e.g. release plat',
        value: spaces.filter,
      });
      if (text !== undefined) {
        spaces.setFilter(text);
      }
    }),
    vscode.commands.registerCommand('webex.clearSpacesFilter', () => spaces.setFilter('')),
    vscode.commands.registerCommand(LOAD_MORE_SPACES_COMMAND, async () => {
      try {
        await vscode.window.withProgress({ location: { viewId: 'webex.spaces' } }, () =>
          services.spaces.loadMoreRooms(),
        );
      } catch (error) {
        services.errors.show(error, 'Could not load more spaces');
      }
    }),
    vscode.commands.registerCommand('webex.copyTrackingId', async (node?: ErrorNode) => {
      if (node?.trackingId) {
        await vscode.env.clipboard.writeText(node.trackingId);
      }
    }),
  );

  return {
    spaces,
    teams,
    members,
    spacesView,
    teamsView,
    membersView,
    dispose: () => {
      for (const d of disposables) {
        d.dispose();
      }
    },
  };
}
