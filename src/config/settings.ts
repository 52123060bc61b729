/**
 * Typed access to the settings the extension reads: keys as constants, so code reacts with
 * `affectsConfiguration(Setting.x)` instead of spelling them again.
 */
import * as vscode from 'vscode';
import { normalizeBaseUrl } from '../services/accounts/accountRecords';

export const DEFAULT_API_BASE_URL = 'https://webexapis.com/v1';
/** The FedRAMP cloud (webex-js-sdk, `@webex/webex-core` `service-fed-ramp.js`). */
export const FEDRAMP_API_BASE_URL = 'https://api-usgov.webex.com/v1';

export const Setting = {
  apiBaseUrl: 'webex.apiBaseUrl',
  httpProxy: 'http.proxy',
  httpProxySupport: 'http.proxySupport',
  httpProxyStrictSSL: 'http.proxyStrictSSL',
  httpNoProxy: 'http.noProxy',
  highlightCode: 'webex.conversation.highlightCode',
  cardImages: 'webex.cards.loadImages',
  imageMaxBytes: 'webex.conversation.imageMaxBytes',
} as const;

/** `webex.cards.loadImages`: fetch the remote images of cards for the page (read per image). */
export function readCardImages(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(Setting.cardImages, true) !== false;
}

/** `webex.conversation.highlightCode`: colour fenced code in conversations (read when a tab opens). */
export function readHighlightCode(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(Setting.highlightCode, true) !== false;
}

/** The default of `webex.conversation.imageMaxBytes`: 5 MB. */
export const DEFAULT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** `webex.conversation.imageMaxBytes`: pictures larger than this stay named attachments (read per picture). */
export function readImageMaxBytes(): number {
  const value = vscode.workspace.getConfiguration().get<number>(Setting.imageMaxBytes, DEFAULT_IMAGE_MAX_BYTES);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_IMAGE_MAX_BYTES;
}

/**
 * Settings whose change means the Webex client and live updates are rebuilt. The proxy settings are
 * applied by VS Code itself (its patched fetch and WebSocket, see config/clientFactory.ts), per new
 * connection; rebuilding makes an open websocket reconnect through the new route at once.
 */
export const CLIENT_SETTINGS = [Setting.apiBaseUrl, Setting.httpProxy, Setting.httpProxySupport, Setting.httpProxyStrictSSL, Setting.httpNoProxy];

/**
 * `webex.apiBaseUrl`, without trailing slashes. A value that is not an http(s) URL falls back to the
 * commercial cloud (and `problem` says why, for the log) rather than sending the token somewhere odd.
 */
export function readApiBaseUrl(): { baseUrl: string; problem?: string } {
  const raw = vscode.workspace.getConfiguration().get<string>(Setting.apiBaseUrl, DEFAULT_API_BASE_URL);
  const value = normalizeBaseUrl(raw || DEFAULT_API_BASE_URL);
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') {
      return { baseUrl: value };
    }
  } catch {
    // Falls through to the default below.
  }
  return {
    baseUrl: DEFAULT_API_BASE_URL,
    problem: `The setting ${Setting.apiBaseUrl} ("${raw}") is not an http(s) URL; using ${DEFAULT_API_BASE_URL}.`,
  };
}
