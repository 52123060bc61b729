/**
 * The rules that keep a user's data where it belongs: which base URLs are accepted, what a token
 * must look like before it goes into a header, and which query values a log line may show.
 */
import { WebexInputError } from './errors';

// Query parameters whose values are opaque ids or settings, safe to show in a log. Everything else
// (email, personEmail, displayName, id lists, personId) is masked.
const LOGGABLE_QUERY = new Set(['max', 'type', 'sortBy', 'teamId', 'roomId', 'parentId', 'before', 'beforeMessage']);
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

/** `key=value&…` of `url`'s query with personal values replaced by `…` ('' when there is no query). */
export function redactedQuery(url: URL): string {
  const parts: string[] = [];
  for (const [key, value] of url.searchParams) {
    const shown = LOGGABLE_QUERY.has(key) || (key === 'mentionedPeople' && value === 'me') ? value : '…';
    parts.push(`${key}=${shown}`);
  }
  return parts.join('&');
}

/** The base URL as a URL whose path ends in '/', so relative paths resolve under it. */
export function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new WebexInputError(`The Webex API base URL "${baseUrl}" is not a URL.`, 'baseUrl');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WebexInputError(`The Webex API base URL must start with https:// (got ${url.protocol}).`, 'baseUrl');
  }
  if (url.username !== '' || url.password !== '') {
    throw new WebexInputError('The Webex API base URL must not contain a user name or password.', 'baseUrl');
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) {
    url.pathname += '/';
  }
  return url;
}

export function checkToken(token: unknown): string {
  const trimmed = typeof token === 'string' ? token.trim() : '';
  if (trimmed === '') {
    throw new WebexInputError('No Webex access token: sign in first.', 'token');
  }
  // Never let undici build an "invalid header value" error: its message would contain the token.
  if (!TOKEN_SHAPE.test(trimmed)) {
    throw new WebexInputError('The Webex access token contains spaces, line breaks or other characters a token cannot have; paste it again.', 'token');
  }
  return trimmed;
}
