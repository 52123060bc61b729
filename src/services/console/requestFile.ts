/**
 * The API console's request files (`*.webex`, language `webex-request`), read in the syntax of
 * REST Client's `.http` files so users' habits carry over: `###` between requests, `@name = value`
 * file variables, `# @name createRoom` naming a request, a request line (`GET /rooms?max=10`, the
 * method optional for GET, `?`/`&` lines continuing the query), `Name: value` headers, a blank line,
 * then the body. Pure: the editor, diagnostics and Send Request all read files through here.
 */
import * as l10n from '@vscode/l10n';

/** The methods the console sends (the Webex REST API's, developer.webex.com "REST API Basics"). */
export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'] as const;
export type ConsoleMethod = (typeof METHODS)[number];

/** Headers the extension owns: a file that writes one is refused. */
export const REFUSED_HEADERS = new Set(['authorization', 'host']);

/** A place in the file: 0-based line, and columns [start, end) on it. */
export interface Span {
  line: number;
  start: number;
  end: number;
}

export interface Problem extends Span {
  message: string;
  severity: 'error' | 'warning';
}

export interface FileVariable {
  name: string;
  value: string;
  line: number;
}

export interface RequestHeader {
  name: string;
  value: string;
  line: number;
}

export interface ParsedRequest {
  /** 0-based position of the request in the file. */
  index: number;
  /** First and last line of its block (comments and variables included). */
  firstLine: number;
  lastLine: number;
  /** From `# @name x` (or `// @name x`). */
  name?: string;
  method: string;
  /** The method as written was not one the console knows. */
  methodKnown: boolean;
  /** The request line's line, and the span of its target (path or URL, query included). */
  requestLine: number;
  targetSpan: Span;
  /** Path or URL with the continuation lines' query appended, variables unresolved. */
  target: string;
  headers: RequestHeader[];
  body?: { text: string; line: number };
}

export interface RequestFile {
  variables: FileVariable[];
  requests: ParsedRequest[];
  problems: Problem[];
}

const SEPARATOR = /^\s*###/;
const COMMENT = /^\s*(#|\/\/)/;
const NAME_COMMENT = /^\s*(?:#|\/\/)\s*@name\s+([A-Za-z_][\w-]*)\s*$/;
const VARIABLE = /^\s*@([A-Za-z_][\w.-]*)\s*=\s*(.*?)\s*$/;
const HEADER = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/;
const REQUEST_LINE = /^(\s*)(?:([A-Za-z]+)\s+)?(\S+)(?:\s+HTTP\/[\d.]+)?\s*$/;
const TOKEN_VARIABLE = /\{\{\s*\$token\s*\}\}/gi;

/** Reads a whole file; never throws (a broken file is problems, not an exception). */
export function parseRequestFile(text: string): RequestFile {
  const lines = text.split(/\r?\n/);
  const file: RequestFile = { variables: [], requests: [], problems: [] };
  refuseTokenVariable(lines, file.problems);
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || SEPARATOR.test(lines[i])) {
      parseBlock(lines, start, i - 1, file);
      start = i + 1;
    }
  }
  const seen = new Map<string, number>();
  for (const request of file.requests) {
    if (request.name !== undefined) {
      if (seen.has(request.name)) {
        file.problems.push({ line: request.firstLine, start: 0, end: lines[request.firstLine]?.length ?? 0, severity: 'warning', message: l10n.t('Another request above is named "{0}" too; {1} means the one sent last.', request.name, `{{${request.name}.response…}}`) });
      }
      seen.set(request.name, request.index);
    }
  }
  return file;
}

/** The request whose block holds `line`, if any. */
export function requestAt(file: RequestFile, line: number): ParsedRequest | undefined {
  return file.requests.find((r) => line >= r.firstLine && line <= r.lastLine);
}

function refuseTokenVariable(lines: string[], problems: Problem[]): void {
  lines.forEach((text, line) => {
    for (const match of text.matchAll(TOKEN_VARIABLE)) {
      problems.push({
        line,
        start: match.index,
        end: match.index + match[0].length,
        severity: 'error',
        message: l10n.t('{{$token}} is refused: the token never goes into a file. Send Request adds the Authorization header itself from secret storage.'),
      });
    }
  });
}

function parseBlock(lines: string[], first: number, last: number, file: RequestFile): void {
  let name: string | undefined;
  let i = first;
  // Before the request line: blank lines, comments (one may name the request) and variables.
  for (; i <= last; i++) {
    const text = lines[i];
    const named = NAME_COMMENT.exec(text);
    if (named) {
      name = named[1];
      continue;
    }
    const variable = VARIABLE.exec(text);
    if (variable) {
      file.variables.push({ name: variable[1], value: variable[2], line: i });
      continue;
    }
    if (text.trim() === '' || COMMENT.test(text)) {
      continue;
    }
    break;
  }
  if (i > last) {
    return; // Only variables and comments: nothing to send.
  }
  const requestLine = i;
  const match = REQUEST_LINE.exec(lines[i]);
  if (!match) {
    file.problems.push({ line: i, start: 0, end: lines[i].length, severity: 'error', message: l10n.t('Expected a request line such as "GET /rooms?max=10".') });
    return;
  }
  const indent = match[1].length;
  const written = match[2];
  const method = (written ?? 'GET').toUpperCase();
  const methodKnown = (METHODS as readonly string[]).includes(method);
  if (!methodKnown) {
    file.problems.push({ line: i, start: indent, end: indent + (written?.length ?? 0), severity: 'error', message: l10n.t('"{0}" is not a method Webex knows; use {1}.', written ?? '', METHODS.join(', ')) });
  }
  const targetStart = lines[i].indexOf(match[3], indent + (written?.length ?? 0));
  const targetSpan: Span = { line: i, start: targetStart, end: targetStart + match[3].length };
  let target = match[3];
  i++;
  // REST Client's multi-line query: lines that start with ? or & continue the target.
  for (; i <= last && /^\s*[?&]/.test(lines[i]); i++) {
    target += lines[i].trim();
  }
  const headers: RequestHeader[] = [];
  for (; i <= last && lines[i].trim() !== ''; i++) {
    const text = lines[i];
    if (COMMENT.test(text)) {
      continue;
    }
    const header = HEADER.exec(text.trim());
    if (!header) {
      file.problems.push({ line: i, start: 0, end: text.length, severity: 'error', message: l10n.t('Expected a header "Name: value", or a blank line before the body.') });
      continue;
    }
    if (REFUSED_HEADERS.has(header[1].toLowerCase())) {
      const at = text.indexOf(header[1]);
      file.problems.push({
        line: i,
        start: at,
        end: at + header[1].length,
        severity: 'error',
        message: l10n.t('The {0} header is refused: the extension sets it (the token from secret storage, the host from webex.apiBaseUrl).', header[1]),
      });
    }
    headers.push({ name: header[1], value: header[2].trim(), line: i });
  }
  // `i` is the blank line after the headers (or past the block): the body is what follows it.
  let body: ParsedRequest['body'];
  let end = last;
  while (end > i && lines[end].trim() === '') {
    end--;
  }
  if (i + 1 <= end) {
    body = { text: lines.slice(i + 1, end + 1).join('\n'), line: i + 1 };
  }
  file.requests.push({ index: file.requests.length, firstLine: first, lastLine: last, name, method, methodKnown, requestLine, targetSpan, target, headers, body });
}
