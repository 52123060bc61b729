/**
 * Builds the Webex client the way VS Code users expect: the configured cloud, VS Code's proxy
 * settings (an undici ProxyAgent as the dispatcher), and every request logged to the "Webex"
 * channel with method, path, status, time and tracking id (never the token or a body).
 */
import type * as vscode from 'vscode';
import { ProxyAgent } from 'undici';
import { WebexClient, type RequestLogEntry } from '../webex/client';
import type { WebexApiError } from '../webex/errors';
import { shouldUseProxy } from '../services/proxyRules';
import { readProxySettings } from './settings';

export interface ClientRequest {
  baseUrl: string;
  getToken: () => string | Promise<string>;
  onUnauthorized?: (error: WebexApiError) => void;
}

export type ClientFactory = (request: ClientRequest) => WebexClient;

export function clientFactory(log: vscode.LogOutputChannel): ClientFactory {
  return ({ baseUrl, getToken, onUnauthorized }) => {
    const proxy = readProxySettings();
    const useProxy = proxy.url !== undefined && shouldUseProxy(baseUrl, proxy.noProxy);
    if (useProxy) {
      log.info(`Using the proxy ${redactProxy(proxy.url ?? '')} for ${new URL(baseUrl).host}`);
    }
    return new WebexClient({
      baseUrl,
      getToken,
      dispatcher:
        useProxy && proxy.url
          ? new ProxyAgent({ uri: proxy.url, requestTls: { rejectUnauthorized: proxy.strictSSL } })
          : undefined,
      // The ProxyAgent belongs to this client alone: close it with the client.
      closeDispatcher: true,
      onRequest: (entry) => logRequest(log, entry),
      onUnauthorized,
    });
  };
}

function logRequest(log: vscode.LogOutputChannel, e: RequestLogEntry): void {
  const line =
    `${e.method} ${e.path} → ${e.status === 0 ? 'no response' : e.status} in ${Math.round(e.durationMs)} ms` +
    (e.trackingId ? ` (TrackingID ${e.trackingId})` : '') +
    (e.attempt > 1 ? ` [attempt ${e.attempt}]` : '');
  if (e.status === 0 || e.status >= 400) {
    log.warn(line);
  } else {
    log.info(line);
  }
}

/** A proxy URL may carry `user:password@`; the log gets the host only. */
function redactProxy(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable proxy setting)';
  }
}
