/**
 * The live-update settings (`webex.liveUpdates`, `webex.notifications`). The catalog, device service
 * and websocket go through VS Code's proxy like the REST client: the extension host's global fetch
 * and WebSocket, which VS Code patches (`http.fetchAdditionalSupport`, `http.webSocketAdditionalSupport`).
 */
import * as vscode from 'vscode';
import { LIVE_MODES, type LiveMode } from '../services/live/liveUpdates';
import { NOTIFICATIONS_SETTINGS, type NotificationsSetting } from '../services/live/notifications';

export const LiveSetting = {
  liveUpdates: 'webex.liveUpdates',
  notifications: 'webex.notifications',
} as const;

export function readLiveMode(): LiveMode {
  const value = vscode.workspace.getConfiguration().get<string>(LiveSetting.liveUpdates, 'websocket');
  return (LIVE_MODES as readonly string[]).includes(value) ? (value as LiveMode) : 'websocket';
}

export function readNotificationsSetting(): NotificationsSetting {
  const value = vscode.workspace.getConfiguration().get<string>(LiveSetting.notifications, 'mentionsAndDirect');
  return (NOTIFICATIONS_SETTINGS as readonly string[]).includes(value) ? (value as NotificationsSetting) : 'mentionsAndDirect';
}
