/**
 * The Members view: the members of the space (or team) selected or opened last, by name, moderators
 * marked. Follows `services.selection`; loads through the MembersStore (cached, deduplicated).
 */
import type { ExtensionServices } from '../../extensionServices';
import type { SelectionTarget } from '../../services/sidebar/selection';
import { ErrorNode, NodeCache, NodeProvider, type TreeNode } from '../treeNode';
import { endsSession } from '../../auth/sessionEnded';
import { MemberNode } from './memberNode';
import { CommandId } from '../../commands/commandIds';
import * as vscode from 'vscode';

export class MembersProvider extends NodeProvider {
  private readonly nodes = new NodeCache<MemberNode>();

  constructor(private readonly services: ExtensionServices) {
    super();
    this.disposables.addAll(
      services.selection.onDidChange(() => this.refresh()),
      services.session.onDidChange(() => this.refresh()),
      services.members.onDidChange((key) => {
        const target = services.selection.target;
        if (key === undefined || (target && key.kind === target.kind && key.id === target.id)) {
          this.storeChanged();
        }
      }),
    );
  }

  /** What the view shows members of, with a title for the view description. */
  describeTarget(): { target: SelectionTarget; title: string } | undefined {
    const target = this.services.selection.target;
    if (!target) {
      return undefined;
    }
    const { spaces } = this.services;
    const title = target.kind === 'space' ? spaces.room(target.id)?.title : spaces.team(target.id)?.name;
    return { target, title: title ?? (target.kind === 'space' ? vscode.l10n.t('Space') : vscode.l10n.t('Team')) };
  }

  protected async getRoots(): Promise<TreeNode[]> {
    const { session, members, selection } = this.services;
    await session.ready();
    const target = selection.target;
    if (!session.client || !target) {
      return []; // Welcome: sign in, or "select a space".
    }
    try {
      const list =
        target.kind === 'space' ? await members.loadSpaceMembers(target.id) : await members.loadTeamMembers(target.id);
      if (selection.target !== target) {
        return []; // The selection moved on while loading; its own refresh is on the way.
      }
      const myId = session.me?.id;
      const of = target.kind === 'space' ? ({ kind: 'space', roomId: target.id } as const) : ({ kind: 'team', teamId: target.id } as const);
      const ids = list.map((m) => `member:${m.id}`);
      this.nodes.retain(ids);
      return list.map((m) =>
        this.nodes.get(
          `member:${m.id}`,
          () => new MemberNode(`member:${m.id}`, m, of, m.personId === myId),
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
      return [
        new ErrorNode('members:error', 'Could not load members', error, { command: CommandId.refresh, title: vscode.l10n.t('Try Again') }),
      ];
    }
  }
}
