/**
 * The Spaces view: most recently active first, the active filter applied, "Load more…" while Webex
 * has more pages. Loads through the SpacesStore (shared, deduplicated); getChildren never prompts.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import { filterRooms } from '../../services/sidebar/ordering';
import { ErrorNode, InfoNode, LoadMoreNode, NodeCache, NodeProvider, type TreeNode } from '../treeNode';
import { endsSession } from '../../auth/sessionEnded';
import { SpaceNode } from './spaceNode';
import { CommandId } from '../../commands/commandIds';


export class SpacesProvider extends NodeProvider {
  private filterText = '';
  private readonly nodes = new NodeCache<SpaceNode>();
  private readonly filterChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeFilter = this.filterChanged.event;

  constructor(private readonly services: ExtensionServices) {
    super();
    this.disposables.addAll(
      this.filterChanged,
      services.spaces.onDidChange(() => this.storeChanged()),
      services.session.onDidChange(() => this.refresh()),
      services.live.onDidChangeUnread(() => this.refresh()),
    );
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    const next = text.trim();
    if (next !== this.filterText) {
      this.filterText = next;
      void vscode.commands.executeCommand('setContext', 'webex:spacesFiltered', next !== '');
      this.filterChanged.fire();
      this.refresh();
    }
  }

  /** The node of a space, if the view has shown it (for reveal). */
  nodeFor(roomId: string): SpaceNode | undefined {
    return this.nodes.find(`space:${roomId}`);
  }

  protected async getRoots(): Promise<TreeNode[]> {
    const { session, spaces } = this.services;
    await session.ready();
    if (!session.client) {
      return []; // The welcome view (viewsWelcome, `!webex:signedIn`) takes over.
    }
    // Teams only name the spaces' teams here; a failure there must not hide the spaces.
    const teams = spaces.loadTeams().catch((error: unknown) => {
      this.services.log.warn(`Could not load teams for the Spaces view: ${String(error)}`);
    });
    try {
      await Promise.all([spaces.loadRooms(), teams]);
    } catch (error) {
      if (endsSession(error)) {
        return [];
      }
      this.services.log.warn(`Could not load spaces: ${String(error)}`);
      return [new ErrorNode('spaces:error', 'Could not load spaces', error, retry())];
    }
    const all = spaces.rooms ?? [];
    const shown = filterRooms(all, this.filterText, (id) => spaces.teamName(id));
    const nodes: TreeNode[] = shown.map((room) =>
      this.nodes.get(
        `space:${room.id}`,
        () =>
          new SpaceNode(`space:${room.id}`, room, room.teamId ? spaces.teamName(room.teamId) : undefined, {
            showTeam: true,
            unread: this.services.live.isUnread(room),
          }),
        (node) => {
          node.room = room;
          node.teamName = room.teamId ? spaces.teamName(room.teamId) : undefined;
          node.unread = this.services.live.isUnread(room);
        },
      ),
    );
    this.nodes.retain(shown.map((r) => `space:${r.id}`));
    if (this.filterText && shown.length === 0) {
      nodes.push(
        new InfoNode('spaces:noMatch', `No spaces match “${this.filterText}”`, 'search', {
          command: CommandId.clearSpacesFilter,
          title: vscode.l10n.t('Clear Filter'),
        }),
      );
    }
    if (spaces.hasMoreRooms) {
      nodes.push(
        new LoadMoreNode(
          'spaces:loadMore',
          this.filterText ? 'Load more spaces to search…' : 'Load more…',
          { command: CommandId.loadMoreSpaces, title: vscode.l10n.t('Load More Spaces') },
        ),
      );
    }
    return nodes;
  }
}

function retry(): vscode.Command {
  return { command: CommandId.refresh, title: vscode.l10n.t('Try Again') };
}
