/**
 * Follow Live Events: the Webhook Events view also shows what the signed-in identity's live
 * connection reports (services/live), shaped as webhook envelopes and marked live, so a developer
 * sees what their bot would receive without a tunnel or a webhook. Live updates run on their own
 * (`webex.liveUpdates`); following only listens to them.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { liveDelivery, type LiveMessageEvent } from '../services/webhooks/liveEvents';
import type { WebhookInbox } from '../services/webhooks/webhookInbox';
import type { LiveMessage } from '../services/live/liveUpdates';
import { CommandId } from './commandIds';

export const FOLLOWING_CONTEXT = 'webex:followingLiveEvents';

export function registerLiveEventCommands(services: ExtensionServices, inbox: WebhookInbox): vscode.Disposable {
  let following: vscode.Disposable | undefined;
  const add = (event: LiveMessageEvent['event'], m: LiveMessage): void => {
    inbox.receiveLive(liveDelivery({ event, roomId: m.roomId, messageId: m.messageId, message: m.message, meId: services.session.me?.id }, new Date()));
  };
  const stop = (): void => {
    following?.dispose();
    following = undefined;
    void vscode.commands.executeCommand('setContext', FOLLOWING_CONTEXT, false);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.followLiveEvents, async () => {
      if (following) {
        return;
      }
      if (!(await services.session.requireClient())) {
        return;
      }
      following = vscode.Disposable.from(
        services.live.onDidReceiveMessage((m) => add('created', m)),
        services.live.onDidDeleteMessage((m) => add('deleted', m)),
      );
      void vscode.commands.executeCommand('setContext', FOLLOWING_CONTEXT, true);
      void services.live.sync();
      const mode = services.live.status.mode;
      void services.prompts.notify(
        'info',
        mode === 'off'
          ? vscode.l10n.t('Following live events, but live updates are off (webex.liveUpdates): nothing will arrive until they are on.')
          : vscode.l10n.t('Following the live events of {0} (messages created and deleted) in Webhook Events.', services.session.me?.displayName ?? 'this identity'),
      );
    }),
    vscode.commands.registerCommand(CommandId.stopFollowingLiveEvents, stop),
    // Another identity: its events are not the ones asked for.
    services.session.onDidChange(() => {
      if (following && services.session.state !== 'signedIn') {
        stop();
      }
    }),
    { dispose: stop },
  );
}
