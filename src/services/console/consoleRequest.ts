/**
 * From a parsed request to what Send Request sends: variables resolved, the target joined to
 * `webex.apiBaseUrl` (a full URL only on that origin: the token is never sent anywhere else), the
 * headers the extension owns refused, and a JSON body checked before anything leaves.
 */
import * as l10n from '@vscode/l10n';
import { REFUSED_HEADERS, type ConsoleMethod, type ParsedRequest } from './requestFile';
import { resolveVariables, type ResolveContext } from './variables';

export interface ConsoleRequest {
  method: ConsoleMethod;
  url: URL;
  /** As written (resolved); never Authorization or Host. */
  headers: Array<[string, string]>;
  body?: string;
  /** The request's name (`# @name`), whose response the next requests may use. */
  name?: string;
}

export type BuildResult = { ok: true; request: ConsoleRequest } | { ok: false; errors: string[] };

/** The base URL as a URL whose path ends in '/'. */
function baseOf(baseUrl: string): URL {
  const base = new URL(baseUrl.trim());
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) {
    base.pathname += '/';
  }
  return base;
}

/**
 * Where a target goes: a path is relative to the base URL (`/rooms` → `<base>/rooms`); a full URL
 * must be on the base URL's origin. Throws an Error with a message for the user otherwise.
 */
export function targetUrl(target: string, baseUrl: string): URL {
  const base = baseOf(baseUrl);
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new Error(`"${target}" is not a URL.`);
    }
    if (url.origin !== base.origin) {
      throw new Error(`Requests go only to the Webex API of webex.apiBaseUrl (${base.origin}); ${url.origin} would receive your token, so it is refused. Write a path such as /rooms instead.`);
    }
    if (url.username !== '' || url.password !== '') {
      throw new Error('A URL with a user name or password is refused.');
    }
    return url;
  }
  if (target.startsWith('//')) {
    throw new Error(`"${target}" names another host; write a path such as /rooms.`);
  }
  return new URL(target.replace(/^\/+/, ''), base);
}

/** True when the header says JSON, or no Content-Type was written (Webex's bodies are JSON). */
function isJson(headers: Array<[string, string]>): boolean {
  const type = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  return type === undefined || /[/+]json\b/i.test(type);
}

export function buildRequest(parsed: ParsedRequest, context: ResolveContext, baseUrl: string): BuildResult {
  const errors: string[] = [];
  if (!parsed.methodKnown) {
    errors.push(l10n.t('"{0}" is not a method Webex knows.', parsed.method));
  }
  const target = resolveVariables(parsed.target, context);
  errors.push(...target.errors);
  const headers: Array<[string, string]> = [];
  for (const header of parsed.headers) {
    const name = resolveVariables(header.name, context);
    const value = resolveVariables(header.value, context);
    errors.push(...name.errors, ...value.errors);
    if (REFUSED_HEADERS.has(name.text.toLowerCase())) {
      errors.push(l10n.t('The {0} header is refused: the extension sets it.', name.text));
      continue;
    }
    if (/[\r\n]/.test(value.text)) {
      errors.push(l10n.t("The {0} header's value has a line break.", name.text));
      continue;
    }
    headers.push([name.text, value.text]);
  }
  let body: string | undefined;
  if (parsed.body) {
    const resolved = resolveVariables(parsed.body.text, context);
    errors.push(...resolved.errors);
    body = resolved.text;
    if (isJson(headers) && resolved.errors.length === 0) {
      try {
        JSON.parse(body);
      } catch (error) {
        errors.push(l10n.t('The body is not valid JSON ({0}); nothing was sent.', error instanceof Error ? error.message : String(error)));
      }
      if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) {
        headers.push(['Content-Type', 'application/json']);
      }
    }
  }
  let url: URL | undefined;
  if (target.errors.length === 0) {
    try {
      url = targetUrl(target.text, baseUrl);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (errors.length > 0 || url === undefined) {
    return { ok: false, errors: [...new Set(errors)] };
  }
  return { ok: true, request: { method: parsed.method as ConsoleMethod, url, headers, body, name: parsed.name } };
}
