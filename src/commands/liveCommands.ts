/**
 * Wires live updates into VS Code: builds {@link LiveUpdates} from the session, settings and
 * globalState; starts it shortly after activation (never inside activate(): no network there) and
 * follows sign-in/out, settings and window focus; shows its notifications with Open and Reply;
 * marks a space read when it is opened; and unregisters the device when the extension stops.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExtensionServices, Prompts } from '../extensionServices';
import type { SpacesStore } from '../services/sidebar/spacesStore';
import type { SpaceSelection } from '../services/sidebar/selection';
import { LiveUpdates, type LiveSessionView } from '../services/live/liveUpdates';
import type { NotificationRequest } from '../services/live/notifications';
import type { KeyValueStorage } from '../services/storage/keyValueStorage';
import { CLIENT_SETTINGS } from '../config/settings';
import { LiveSetting, readLiveMode, readNotificationsSetting } from '../config/liveSettings';
import { registerUnreadStatus } from '../views/unreadStatus';
import { DisposableStore } from '../webex/lifecycle';
import { CommandId } from './commandIds';

/** Live updates start this long after activation, so activation itself stays cheap. */
const START_DELAY_MS = 2000;

export interface LiveDependencies {
  context: vscode.ExtensionContext;
  /** globalState as this window last wrote it (read marks, device leases). */
  state: KeyValueStorage;
  session: LiveSessionView & { freshAccessToken(): Promise<string | undefined> };
  spaces: SpacesStore;
  selection: SpaceSelection;
  prompts: Prompts;
  log: vscode.LogOutputChannel;
}

/** Builds the live-update service (nothing starts until {@link registerLiveUpdates}). */
export function createLiveUpdates(deps: LiveDependencies): LiveUpdates {
  const { session, spaces, selection, log } = deps;
  // The notifier's Open/Reply marks the space read on the service being built here.
  const holder: { live?: LiveUpdates } = {};
  const notify = (n: NotificationRequest): void => void showNotification(deps.prompts, n, () => holder.live);
  const live = new LiveUpdates({
    session,
    getToken: () => session.freshAccessToken(),
    storage: deps.state,
    spaces,
    mode: readLiveMode,
    notifications: readNotificationsSetting,
    notify,
    activeSpace: () => selection.activeSpaceId,
    instanceId: randomUUID(),
    device: { name: `Webex for VS Code (${vscode.env.appName})`, systemVersion: vscode.version },
    log: (level, line) => (level === 'warn' ? log.warn(line) : log.info(line)),
  });
  holder.live = live;
  return live;
}

async function showNotification(prompts: Prompts, n: NotificationRequest, live: () => LiveUpdates | undefined): Promise<void> {
  const actions = n.roomId !== undefined ? ['Open', 'Reply'] : ['Show'];
  const action = await prompts.notify('info', n.text, ...actions);
  if ((action === 'Open' || action === 'Reply') && n.roomId !== undefined) {
    // Opening a space focuses its composer, so Reply is Open with the cursor ready.
    await vscode.commands.executeCommand(CommandId.openSpace, n.roomId, { preview: true });
    live()?.markRead(n.roomId);
  } else if (action === 'Show') {
    await vscode.commands.executeCommand(CommandId.showUnread);
  }
}

/** Starts and follows live updates; the returned disposable stops them and unregisters the device. */
export function registerLiveUpdates(services: ExtensionServices, spacesView: vscode.TreeView<unknown>): vscode.Disposable {
  const { live, session, selection, log } = services;
  const sync = (): void => void live.sync().catch((error: unknown) => log.warn(`Live updates: ${String(error)}`));
  live.setWindowFocused(vscode.window.state.focused);

  const markActiveRead = (): void => {
    const roomId = selection.activeSpaceId;
    if (roomId !== undefined && vscode.window.state.focused) {
      live.markRead(roomId);
    }
  };

  const timer = setTimeout(() => {
    void session.ready().then(sync, () => undefined);
  }, START_DELAY_MS);

  const disposables = new DisposableStore();
  disposables.addAll(
    registerUnreadStatus(services, spacesView),
    session.onDidChange(sync),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(LiveSetting.liveUpdates) || CLIENT_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        sync();
      }
    }),
    vscode.window.onDidChangeWindowState((state) => {
      live.setWindowFocused(state.focused);
      markActiveRead();
    }),
    // The conversation tab sets the selection when it opens or becomes active: the space is read.
    selection.onDidChange(markActiveRead),
    live.onDidChangeStatus((s) => log.info(`Live updates: ${s.mode} ${s.state}${s.reason ? ` (${s.reason})` : ''}`)),
  );
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    disposables.dispose();
    // Unregisters the device; the extension host may end first, in which case the stored lease
    // lets the next start reuse the device instead of registering another.
    void live.dispose();
  });
}
