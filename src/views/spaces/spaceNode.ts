/**
 * A space in the Spaces view (and under a team in the Teams view).
 */
import * as vscode from 'vscode';
import type { Room } from '../../webex/types';
import { relativeTime } from '../../services/sidebar/ordering';
import { TreeNode, escape } from '../treeNode';
import { CommandId } from '../../commands/commandIds';

export interface SpaceNodeOptions {
  /** Show the team's name in the description (not under the team itself). */
  showTeam: boolean;
  unread?: boolean;
}

export class SpaceNode extends TreeNode {
  /** Under a team the team name is redundant in the description. */
  private readonly showTeam: boolean;
  /** Active since the user last read it (services.live); set by the provider like `teamName`. */
  unread: boolean;

  constructor(
    readonly id: string,
    public room: Room,
    public teamName: string | undefined,
    options: SpaceNodeOptions,
  ) {
    super();
    this.showTeam = options.showTeam;
    this.unread = options.unread ?? false;
  }

  getTreeItem(): vscode.TreeItem {
    const { room } = this;
    const item = new vscode.TreeItem(room.title || vscode.l10n.t('(untitled space)'), vscode.TreeItemCollapsibleState.None);
    const when = relativeTime(room.lastActivity ?? room.created, Date.now(), vscode.env.language);
    item.description = [this.showTeam ? this.teamName : undefined, when].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(room.type === 'direct' ? 'person' : room.teamId ? 'organization' : 'comment-discussion');
    item.tooltip = spaceTooltip(room, this.teamName);
    item.contextValue = spaceContextValue(room);
    const what =
      room.type === 'direct'
        ? vscode.l10n.t('Direct space with {0}', room.title)
        : this.teamName
          ? vscode.l10n.t('Space {0}, team {1}', room.title, this.teamName)
          : vscode.l10n.t('Space {0}', room.title);
    item.accessibilityInformation = { label: when ? vscode.l10n.t('{0}, active {1}', what, when) : what };
    // Registered by the conversation webview: clicking a space opens it.
    item.command = { command: CommandId.openSpace, title: vscode.l10n.t('Open Space'), arguments: [room.id, { preview: true }] };
    if (this.unread) {
      markUnread(item);
    }
    return item;
  }
}

/**
 * An unread space: a dot for an icon and the whole title highlighted (the tree's only "bold"), and
 * `:unread` at the end of its contextValue (`webex:space:group:unread`), so package.json's menus still
 * match it with `viewItem =~ /^webex:space:group/`.
 */
function markUnread(item: vscode.TreeItem): void {
  const title = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  item.label = { label: title, highlights: [[0, title.length]] };
  item.iconPath = new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('notificationsInfoIcon.foreground'));
  item.contextValue = `${item.contextValue ?? ''}:unread`;
  item.description = `unread · ${String(item.description ?? '')}`.replace(/ · $/, '');
  const label = item.accessibilityInformation?.label;
  if (label !== undefined) {
    item.accessibilityInformation = { label: vscode.l10n.t('{0}, unread', label) };
  }
}

/** `webex:space:<direct|group>[:team][:locked]`, matched with regexes in package.json menus. */
export function spaceContextValue(room: Room): string {
  return ['webex:space', room.type, room.teamId ? 'team' : undefined, room.isLocked ? 'locked' : undefined]
    .filter(Boolean)
    .join(':');
}

export function spaceTooltip(room: Room, teamName: string | undefined): vscode.MarkdownString {
  const lines = [`**${escape(room.title)}**`, ''];
  lines.push(room.type === 'direct' ? vscode.l10n.t('Direct space (1:1)') : room.isLocked ? vscode.l10n.t('Group space, moderated') : vscode.l10n.t('Group space'));
  if (teamName) {
    lines.push(vscode.l10n.t('Team: {0}', escape(teamName)));
  }
  if (room.lastActivity) {
    lines.push(vscode.l10n.t('Last activity: {0}', new Date(room.lastActivity).toLocaleString(vscode.env.language)));
  }
  lines.push(vscode.l10n.t('Created: {0}', new Date(room.created).toLocaleString(vscode.env.language)));
  if (room.isAnnouncementOnly) {
    lines.push(vscode.l10n.t('Announcements only'));
  }
  if (room.isReadOnly) {
    lines.push('Read-only');
  }
  if (room.description) {
    lines.push('', escape(room.description));
  }
  const md = new vscode.MarkdownString(lines.join('  \n'));
  md.supportHtml = false;
  md.isTrusted = false;
  return md;
}
