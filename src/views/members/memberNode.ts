/**
 * A member of a space or team, in the Members view and under a team in the Teams view.
 */
import * as vscode from 'vscode';
import type { Membership, TeamMembership } from '../../webex/types';
import { TreeNode, escape } from '../treeNode';

export type MemberOf = { kind: 'space'; roomId: string } | { kind: 'team'; teamId: string };

export class MemberNode extends TreeNode {
  constructor(
    readonly id: string,
    public membership: Membership | TeamMembership,
    readonly of: MemberOf,
    public isMe: boolean,
  ) {
    super();
  }

  getTreeItem(): vscode.TreeItem {
    const m = this.membership;
    const name = m.personDisplayName || m.personEmail;
    const item = new vscode.TreeItem(this.isMe ? vscode.l10n.t('{0} (you)', name) : name, vscode.TreeItemCollapsibleState.None);
    item.description = [m.isModerator ? 'moderator' : undefined, m.personEmail !== name ? m.personEmail : undefined]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(m.isModerator ? 'shield' : 'person');
    item.tooltip = new vscode.MarkdownString(
      [`**${escape(name)}**`, escape(m.personEmail), m.isModerator ? 'Moderator' : 'Member'].join('  \n'),
    );
    item.contextValue = memberContextValue(this.of.kind, m.isModerator, this.isMe);
    item.accessibilityInformation = { label: `${name}${m.isModerator ? ', moderator' : ''}${this.isMe ? ', you' : ''}` };
    return item;
  }
}

/** `webex:member:<space|team>:<moderator|member>[:me]`, matched with regexes in package.json menus. */
export function memberContextValue(kind: 'space' | 'team', isModerator: boolean, isMe: boolean): string {
  return `webex:member:${kind}:${isModerator ? 'moderator' : 'member'}${isMe ? ':me' : ''}`;
}
