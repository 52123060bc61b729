/**
 * Typed access to the settings the extension reads (STYLE.md "Secrets, settings, logging").
 */
import * as vscode from 'vscode';
import { normalizeBaseUrl } from '../services/accountRecords';

export const DEFAULT_API_BASE_URL = 'https://webexapis.com/v1';
/** The FedRAMP cloud (notes §1, from the JS SDK's `service-fed-ramp.js`). */
export const FEDRAMP_API_BASE_URL = 'https://api-usgov.webex.com/v1';

export const Setting = {
  apiBaseUrl: 'webex.apiBaseUrl',
  httpProxy: 'http.proxy',
  httpProxyStrictSSL: 'http.proxyStrictSSL',
  httpNoProxy: 'http.noProxy',
} as const;

/** Settings whose change means the Webex client must be rebuilt. */
export const CLIENT_SETTINGS = [Setting.apiBaseUrl, Setting.httpProxy, Setting.httpProxyStrictSSL, Setting.httpNoProxy];

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

export interface ProxySettings {
  /** `http.proxy`, else the HTTPS_PROXY / HTTP_PROXY environment variables (as VS Code itself does). */
  url?: string;
  strictSSL: boolean;
  noProxy: string[];
}

export function readProxySettings(): ProxySettings {
  const config = vscode.workspace.getConfiguration();
  const configured = config.get<string>(Setting.httpProxy, '').trim();
  const env = process.env;
  const url = configured || env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || undefined;
  const noProxy = [
    ...config.get<string[]>(Setting.httpNoProxy, []),
    ...(env.NO_PROXY ?? env.no_proxy ?? '').split(','),
  ].filter((s) => s.trim() !== '');
  return { url: url || undefined, strictSSL: config.get<boolean>(Setting.httpProxyStrictSSL, true), noProxy };
}
