/**
 * The response document Send Request opens beside the file: a status line with what the status
 * means, who sent it and how long it took, the headers (TrackingID, Retry-After and Link first),
 * and the JSON body formatted. A body over the limit is shown cut, with its full size, so it can be
 * saved instead of filling the editor.
 */
import * as l10n from '@vscode/l10n';
import { findLink } from '../../webex/linkHeader';

/** Bodies above this are cut in the document (the whole body can still be saved). */
export const SHOWN_BODY_LIMIT = 1024 * 1024;

export interface ConsoleResponse {
  method: string;
  url: URL;
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
  durationMs: number;
  /** "Priya Raman (you)", "Deploy Bot (bot)". */
  identity: string;
}

/**
 * What a status means for a Webex request (developer.webex.com "API Errors": 400 bad request,
 * 401 missing or expired token, 403 not allowed, 404 not found or not visible, 409 conflict,
 * 423 locked and retry later, 429 too many requests, 5xx the service's trouble).
 */
export function statusMeaning(status: number, retryAfter?: string): string {
  switch (status) {
    case 200:
      return l10n.t('OK: the request succeeded');
    case 201:
      return l10n.t('Created');
    case 204:
      return l10n.t('No Content: done, nothing to return (a delete)');
    case 400:
      return l10n.t('Bad Request: the request is malformed or a field is wrong (the body says which)');
    case 401:
      return l10n.t('Unauthorized: the token is missing, expired or revoked; sign in again');
    case 403:
      return l10n.t('Forbidden: this identity may not do this (a scope, a role or a bot’s limits)');
    case 404:
      return l10n.t('Not Found: no such resource, or this identity cannot see it');
    case 405:
      return l10n.t('Method Not Allowed: this path does not take this method');
    case 409:
      return l10n.t('Conflict: it clashes with the current state (e.g. already a member)');
    case 410:
      return l10n.t('Gone: the resource no longer exists');
    case 413:
      return l10n.t('Payload Too Large');
    case 415:
      return l10n.t('Unsupported Media Type: send JSON with Content-Type: application/json');
    case 423:
      return retryAfter ? l10n.t('Locked: the resource is busy; try again after {0} s (Retry-After)', retryAfter) : l10n.t('Locked: the resource is busy; try again later');
    case 429:
      return retryAfter ? l10n.t('Too Many Requests: rate limited; wait {0} s (Retry-After) before sending again', retryAfter) : l10n.t('Too Many Requests: rate limited; wait a moment before sending again');
    case 500:
      return l10n.t('Internal Server Error: Webex failed; give the TrackingID to support if it persists');
    case 502:
      return l10n.t('Bad Gateway: Webex is having trouble; try again');
    case 503:
      return l10n.t('Service Unavailable: Webex is overloaded or in maintenance; try again later');
    case 504:
      return l10n.t('Gateway Timeout: Webex took too long; try again');
    default:
      return status >= 200 && status < 300 ? l10n.t('Success') : status >= 500 ? l10n.t('Server error') : status >= 400 ? l10n.t('Client error') : l10n.t('Unexpected status');
  }
}

const FIRST_HEADERS = ['trackingid', 'retry-after', 'link'];

function header(response: Pick<ConsoleResponse, 'headers'>, name: string): string | undefined {
  return response.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

/** The `Link: rel="next"` target, when it is on the request's origin (the token goes nowhere else). */
export function nextPageUrl(response: Pick<ConsoleResponse, 'headers' | 'url'>): URL | undefined {
  const target = findLink(header(response, 'link') ?? null, 'next');
  if (target === undefined) {
    return undefined;
  }
  try {
    const next = new URL(target, response.url);
    return next.origin === response.url.origin ? next : undefined;
  } catch {
    return undefined;
  }
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? l10n.t('{0} MB', (bytes / 1024 / 1024).toFixed(1)) : bytes >= 1024 ? l10n.t('{0} KB', (bytes / 1024).toFixed(1)) : l10n.t('{0} bytes', bytes);
}

export interface ResponseText {
  text: string;
  /** The body was cut: the document shows only its start. */
  truncated: boolean;
  next?: URL;
}

export function formatResponse(response: ConsoleResponse, limit = SHOWN_BODY_LIMIT): ResponseText {
  const lines: string[] = [];
  // l10n-ignore: the status line is the protocol's; its meaning is translated by statusMeaning.
  lines.push(`HTTP ${response.status} — ${statusMeaning(response.status, header(response, 'retry-after'))}`);
  lines.push(`# ${l10n.t('{0} {1} as {2} in {3} ms, {4}', response.method, response.url.pathname + response.url.search, response.identity, Math.round(response.durationMs), size(response.body.byteLength))}`);
  const sorted = [...response.headers].sort(([a], [b]) => {
    const ia = FIRST_HEADERS.indexOf(a.toLowerCase());
    const ib = FIRST_HEADERS.indexOf(b.toLowerCase());
    return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib) || a.localeCompare(b);
  });
  for (const [name, value] of sorted) {
    lines.push(`${name}: ${value}`);
  }
  lines.push('');
  const truncated = response.body.byteLength > limit;
  if (truncated) {
    const start = new TextDecoder('utf-8', { fatal: false }).decode(response.body.subarray(0, limit));
    lines.push(`# ${l10n.t('The body is {0}: only its first {1} is shown, as received. Use "Save Full Response…" for all of it.', size(response.body.byteLength), size(limit))}`);
    lines.push(start);
  } else {
    lines.push(formatBody(response));
  }
  return { text: lines.join('\n'), truncated, next: nextPageUrl(response) };
}

function formatBody(response: ConsoleResponse): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(response.body);
  const type = header(response, 'content-type') ?? '';
  if (text.trim() !== '' && (/json/i.test(type) || /^\s*[{[]/.test(text))) {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text;
    }
  }
  return text;
}
