/**
 * What tells the user that something waits for them: a status bar item with the number of unread
 * mentions and direct messages (click: a quick pick of those spaces, then open the one chosen) and
 * the count of unread spaces as a badge on the Spaces view (shown on the Webex activity-bar icon).
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { Attention } from '../services/live/readState';
import { CommandId } from '../commands/commandIds';


export function registerUnreadStatus(services: ExtensionServices, spacesView: vscode.TreeView<unknown>): vscode.Disposable {
  const { live, spaces } = services;
  const item = vscode.window.createStatusBarItem('webex.unread', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Webex Unread';
  item.command = CommandId.showUnread;

  const update = (): void => {
    const count = live.attentionCount;
    if (count > 0) {
      item.text = vscode.l10n.t('$(mention) {0}', count);
      item.tooltip = vscode.l10n.t('Webex: {0} unread {1}', count, count === 1 ? 'mention or direct message' : 'mentions and direct messages');
      item.accessibilityInformation = { label: vscode.l10n.t('Webex, {0} unread mentions and direct messages', count) };
      item.show();
    } else {
      item.hide();
    }
    const unreadSpaces = live.unreadSpaceCount();
    spacesView.badge =
      unreadSpaces > 0
        ? { value: unreadSpaces, tooltip: vscode.l10n.t('{0} {1} unread messages', unreadSpaces, unreadSpaces === 1 ? 'space has' : 'spaces have') }
        : undefined;
  };
  update();

  const showUnread = async (): Promise<void> => {
    const attention = live.attention();
    const unread = (spaces.rooms ?? []).filter((r) => live.isUnread(r) && !attention.some((a) => a.roomId === r.id));
    type Item = vscode.QuickPickItem & { roomId?: string };
    const items: Item[] = [
      ...attention.map((a): Item => ({ label: title(services, a.roomId), description: describeAttention(a), roomId: a.roomId })),
      ...(unread.length > 0 && attention.length > 0 ? [{ label: vscode.l10n.t('Other unread spaces'), kind: vscode.QuickPickItemKind.Separator }] : []),
      ...unread.map((r): Item => ({ label: r.title || vscode.l10n.t('(untitled space)'), description: 'unread', roomId: r.id })),
    ];
    if (items.length === 0) {
      void services.prompts.notify('info', vscode.l10n.t('Webex: nothing unread.'));
      return;
    }
    const picked = await services.prompts.pick(items, { title: vscode.l10n.t('Unread in Webex'), placeHolder: vscode.l10n.t('Open a space') });
    if (picked?.roomId !== undefined) {
      await vscode.commands.executeCommand(CommandId.openSpace, picked.roomId);
    }
  };

  return vscode.Disposable.from(
    item,
    live.onDidChangeUnread(update),
    spaces.onDidChange(update),
    vscode.commands.registerCommand(CommandId.showUnread, showUnread),
  );
}

function title(services: ExtensionServices, roomId: string): string {
  return services.spaces.room(roomId)?.title || 'A space not loaded yet';
}

function describeAttention(a: Attention): string {
  const parts: string[] = [];
  if (a.mentions > 0) {
    parts.push(`${a.mentions} ${a.mentions === 1 ? 'mention' : 'mentions'}`);
  }
  if (a.direct > 0) {
    parts.push(`${a.direct} direct ${a.direct === 1 ? 'message' : 'messages'}`);
  }
  return parts.join(' · ');
}
