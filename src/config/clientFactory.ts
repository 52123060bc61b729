/**
 * Builds the Webex client the way VS Code users expect: the configured cloud, and every request
 * logged to the "Webex" channel with method, path, status, time and tracking id (never the token or
 * a body). The proxy is VS Code's own: the client uses the extension host's global fetch, which VS
 * Code patches for `http.proxy`, `http.proxySupport`, `http.noProxy` and the system certificates
 * (setting `http.fetchAdditionalSupport`, on by default).
 */
import type * as vscode from 'vscode';
import { WebexClient, type RequestLogEntry } from '../webex/client';
import type { WebexApiError } from '../webex/errors';

export interface ClientRequest {
  baseUrl: string;
  getToken: () => string | Promise<string>;
  onUnauthorized?: (error: WebexApiError) => void;
}

export type ClientFactory = (request: ClientRequest) => WebexClient;

export function clientFactory(log: vscode.LogOutputChannel): ClientFactory {
  return ({ baseUrl, getToken, onUnauthorized }) => {
    return new WebexClient({
      baseUrl,
      getToken,
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
