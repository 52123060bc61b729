/**
 * The Teams view: each team with its spaces (taken from the spaces already fetched, so no request
 * per team) and a "Members" folder that loads the team's members when expanded.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import type { Team } from '../../webex/types';
import { ErrorNode, InfoNode, LoadMoreNode, NodeCache, NodeProvider, TreeNode, escape } from '../treeNode';
import { endsSession } from '../../auth/sessionEnded';
import { SpaceNode } from '../spaces/spaceNode';
import { MemberNode } from '../members/memberNode';
import { CommandId } from '../../commands/commandIds';

export class TeamNode extends TreeNode {
  readonly membersNode: TeamMembersNode;
  private readonly spaceNodes = new NodeCache<SpaceNode>();

  constructor(
    readonly id: string,
    public team: Team,
    private readonly services: ExtensionServices,
  ) {
    super();
    this.membersNode = new TeamMembersNode(`${id}/members`, team.id, services);
    this.membersNode.parent = this;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.team.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('organization');
    const md = new vscode.MarkdownString(`**${escape(this.team.name)}**`);
    if (this.team.description) {
      md.appendMarkdown(`\n\n${escape(this.team.description)}`);
    }
    md.appendMarkdown(`\n\n${vscode.l10n.t('Created: {0}', new Date(this.team.created).toLocaleString(vscode.env.language))}`);
    item.tooltip = md;
    item.accessibilityInformation = { label: vscode.l10n.t('Team {0}', this.team.name) };
    item.contextValue = 'webex:team';
    return item;
  }

  override getChildren(): TreeNode[] {
    const { spaces } = this.services;
    const rooms = spaces.teamRooms(this.team.id);
    const children: TreeNode[] = rooms.map((room) =>
      this.spaceNodes.get(
        `${this.id}/space:${room.id}`,
        () => new SpaceNode(`${this.id}/space:${room.id}`, room, this.team.name, { showTeam: false }),
        (node) => {
          node.room = room;
          node.teamName = this.team.name;
        },
      ),
    );
    this.spaceNodes.retain(rooms.map((r) => `${this.id}/space:${r.id}`));
    if (spaces.hasMoreRooms) {
      // The team's other spaces may be on pages not fetched yet.
      children.push(
        new LoadMoreNode(`${this.id}/loadMore`, 'Load more spaces…', {
          command: CommandId.loadMoreSpaces,
          title: vscode.l10n.t('Load More Spaces'),
        }),
      );
    } else if (rooms.length === 0) {
      children.push(new InfoNode(`${this.id}/noSpaces`, 'No spaces you are in', 'info'));
    }
    children.push(this.membersNode);
    return children;
  }
}

/** "Members" under a team; loads `GET /team/memberships?teamId=` only when expanded. */
export class TeamMembersNode extends TreeNode {
  private readonly nodes = new NodeCache<MemberNode>();

  constructor(
    readonly id: string,
    readonly teamId: string,
    private readonly services: ExtensionServices,
  ) {
    super();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Members'), vscode.TreeItemCollapsibleState.Collapsed);
    const count = this.services.members.teamMembers(this.teamId)?.length;
    item.description = count === undefined ? undefined : String(count);
    item.iconPath = new vscode.ThemeIcon('person');
    item.accessibilityInformation = { label: count === undefined ? vscode.l10n.t('Members of the team') : vscode.l10n.t('{0} members of the team', count) };
    item.contextValue = 'webex:teamMembers';
    return item;
  }

  override async getChildren(): Promise<TreeNode[]> {
    const { members, session } = this.services;
    try {
      const list = await members.loadTeamMembers(this.teamId);
      const myId = session.me?.id;
      const ids = list.map((m) => `${this.id}/${m.id}`);
      this.nodes.retain(ids);
      return list.map((m) =>
        this.nodes.get(
          `${this.id}/${m.id}`,
          () => new MemberNode(`${this.id}/${m.id}`, m, { kind: 'team', teamId: this.teamId }, m.personId === myId),
          (node) => {
            node.membership = m;
            node.isMe = m.personId === myId;
          },
        ),
      );
    } catch (error) {
      if (endsSession(error)) {
        return [];
      }
      return [new ErrorNode(`${this.id}/error`, 'Could not load the team’s members', error, {
        command: CommandId.refresh,
        title: vscode.l10n.t('Try Again'),
      })];
    }
  }

  override invalidate(): void {
    this.services.members.forget({ kind: 'team', id: this.teamId }, { notify: false });
  }
}

export class TeamsProvider extends NodeProvider {
  private readonly nodes = new NodeCache<TeamNode>();

  constructor(private readonly services: ExtensionServices) {
    super();
    this.disposables.addAll(
      services.spaces.onDidChange(() => this.storeChanged()),
      services.session.onDidChange(() => this.refresh()),
      services.members.onDidChange((key) => {
        if (key === undefined) {
          this.refresh();
        } else if (key.kind === 'team') {
          const node = this.nodes.find(`team:${key.id}`);
          if (node) {
            this.changed.fire(node.membersNode);
          }
        }
      }),
    );
  }

  teamNode(teamId: string): TeamNode | undefined {
    return this.nodes.find(`team:${teamId}`);
  }

  protected async getRoots(): Promise<TreeNode[]> {
    const { session, spaces } = this.services;
    await session.ready();
    if (!session.client) {
      return [];
    }
    try {
      // One teams request plus the spaces list the Spaces view shares: never a request per team.
      await Promise.all([spaces.loadTeams(), spaces.loadRooms()]);
    } catch (error) {
      if (endsSession(error)) {
        return [];
      }
      return [new ErrorNode('teams:error', 'Could not load teams', error, { command: CommandId.refresh, title: vscode.l10n.t('Try Again') })];
    }
    const teams = spaces.teams ?? [];
    this.nodes.retain(teams.map((t) => `team:${t.id}`));
    return teams.map((team) =>
      this.nodes.get(
        `team:${team.id}`,
        () => new TeamNode(`team:${team.id}`, team, this.services),
        (node) => {
          node.team = team;
        },
      ),
    );
  }
}
