/**
 * Copy as curl: the request as a shell command anyone can run with their own token, which the
 * command reads from `$WEBEX_TOKEN`; the token itself is never in the text.
 */
import type { ConsoleRequest } from './consoleRequest';

/** POSIX shell single quotes: `'` becomes `'\''`. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function toCurl(request: Pick<ConsoleRequest, 'method' | 'url' | 'headers' | 'body'>): string {
  const parts = ['curl'];
  if (request.method === 'HEAD') {
    parts.push('--head');
  } else if (request.method !== 'GET' || request.body !== undefined) {
    parts.push(`-X ${request.method}`);
  }
  parts.push(quote(request.url.href));
  // Double quotes so the shell expands the variable: the token comes from the reader's environment.
  parts.push('-H "Authorization: Bearer $WEBEX_TOKEN"');
  for (const [name, value] of request.headers) {
    if (name.toLowerCase() !== 'authorization' && name.toLowerCase() !== 'host') {
      parts.push(`-H ${quote(`${name}: ${value}`)}`);
    }
  }
  if (request.body !== undefined) {
    parts.push(`--data-raw ${quote(request.body)}`);
  }
  return parts.join(' \\\n  ');
}
