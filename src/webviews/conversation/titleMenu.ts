/**
 * The conversation tab's title menu (editor/title while a conversation tab is active): Open in
 * Webex App and Copy Meeting Link, for the space of the active tab.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../commands/commandIds';
import { webexAppLink } from '../../webex/ids';
import type { ConversationPanel } from './conversationPanel';

export function registerTitleMenu(panels: () => readonly ConversationPanel[]): vscode.Disposable[] {
  const active = (): ConversationPanel | undefined => panels().find((p) => p.panel.active) ?? panels().find((p) => p.panel.visible);
  return [
    vscode.commands.registerCommand(CommandId.openInWebexApp, async () => {
      const tab = active();
      const link = tab ? webexAppLink(tab.roomId) : undefined;
      if (!link) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a Webex conversation first.'));
        return false;
      }
      return await vscode.env.openExternal(vscode.Uri.parse(link));
    }),
    vscode.commands.registerCommand(CommandId.copyMeetingLink, async () => {
      const tab = active();
      const space = tab?.space;
      if (!tab || !space) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a Webex conversation first.'));
        return undefined;
      }
      // GET /rooms/{roomId}/meetingInfo (webex/rooms.ts): the space's own Webex meeting.
      const info = await space.client.rooms.meetingInfo(tab.roomId);
      if (!info.meetingLink) {
        void vscode.window.showWarningMessage(vscode.l10n.t('This space has no Webex meeting link.'));
        return undefined;
      }
      await vscode.env.clipboard.writeText(info.meetingLink);
      void vscode.window.showInformationMessage(vscode.l10n.t('Meeting link copied.'));
      return info.meetingLink;
    }),
  ];
}
