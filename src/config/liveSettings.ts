/**
 * The live-update settings (`webex.liveUpdates`, `webex.notifications`) and
 * the proxy dispatcher the device service and websocket use, the same way the REST client does.
 */
import * as vscode from 'vscode';
import { ProxyAgent, type Dispatcher } from 'undici';
import { shouldUseProxy } from '../services/proxyRules';
import { LIVE_MODES, type LiveMode } from '../services/liveUpdates';
import { NOTIFICATIONS_SETTINGS, type NotificationsSetting } from '../services/notifications';
import { readProxySettings } from './settings';

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

/**
 * A ProxyAgent for the Webex services (catalog, device service, websocket) when VS Code's proxy
 * settings apply to them. The hosts differ from the REST API's (notes §10), so `http.noProxy` is
 * checked against the catalog host.
 */
export function liveDispatcher(catalogUrl: string): Dispatcher | undefined {
  const proxy = readProxySettings();
  if (proxy.url === undefined || !shouldUseProxy(catalogUrl, proxy.noProxy)) {
    return undefined;
  }
  return new ProxyAgent({ uri: proxy.url, requestTls: { rejectUnauthorized: proxy.strictSSL } });
}
