/**
 * The catalog of the Webex messaging API the console completes and checks against:
 * `catalogData.json`, written by `test/tools/catalogFromSpec.ts` from the official OpenAPI subset
 * (facts: paths, methods, parameters, fields, types, enums, required; descriptions in our words).
 * Here: finding a request's endpoint, and the problems of its query and JSON body.
 */
import data from './catalogData.json';
import type { ParsedRequest, Problem, Span } from './requestFile';
import * as l10n from '@vscode/l10n';

export interface CatalogField {
  name: string;
  type: string;
  required?: boolean;
  enum?: string[];
  doc: string;
}

export interface CatalogEndpoint {
  method: string;
  path: string;
  doc: string;
  query: CatalogField[];
  body?: CatalogField[];
}

export const ENDPOINTS: readonly CatalogEndpoint[] = data.endpoints;

/** A `{{…}}` in a path segment matches any segment, as a `{id}` of the catalog does. */
const VARIABLE = /\{\{[^{}]*\}\}/;

/** The path of a target relative to the API base: `/rooms/abc` from `/rooms/abc?max=1` or a full URL. */
export function pathOf(target: string, basePath: string): string {
  let path = target.split(/[?#]/)[0];
  const full = /^https?:\/\/[^/]+(\/.*)?$/i.exec(path);
  if (full) {
    path = full[1] ?? '/';
    const prefix = basePath.replace(/\/$/, '');
    if (prefix !== '' && path.startsWith(`${prefix}/`)) {
      path = path.slice(prefix.length);
    }
  }
  return `/${path.replace(/^\/+/, '').replace(/\/+$/, '')}`;
}

function segmentsMatch(template: string, path: string): number | undefined {
  const t = template.split('/');
  const p = path.split('/');
  if (t.length !== p.length) {
    return undefined;
  }
  let literal = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i].startsWith('{')) {
      continue;
    }
    if (t[i] !== p[i] && !VARIABLE.test(p[i])) {
      return undefined;
    }
    literal += t[i] === p[i] ? 1 : 0;
  }
  return literal;
}

/** The catalog's endpoints of this path (literal segments preferred: /messages/direct over /messages/{id}). */
export function endpointsOf(path: string): CatalogEndpoint[] {
  let best = -1;
  let found: CatalogEndpoint[] = [];
  for (const endpoint of ENDPOINTS) {
    const score = segmentsMatch(endpoint.path, path);
    if (score === undefined || score < best) {
      continue;
    }
    if (score > best) {
      best = score;
      found = [];
    }
    found.push(endpoint);
  }
  return found;
}

export function findEndpoint(method: string, path: string): CatalogEndpoint | undefined {
  return endpointsOf(path).find((e) => e.method === method);
}

function spanOfText(lines: readonly string[], firstLine: number, needle: string): Span | undefined {
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].indexOf(needle);
    if (at >= 0) {
      return { line: firstLine + i, start: at, end: at + needle.length };
    }
  }
  return undefined;
}

/** Replaces `{{…}}` so a body with variables still parses: in a string a marker, elsewhere a string of it. */
export const VARIABLE_MARK = '\u2983var\u2984';
export function maskVariables(body: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{' && body[i + 1] === '{') {
      const end = body.indexOf('}}', i + 2);
      if (end > 0) {
        out += inString ? VARIABLE_MARK : `"${VARIABLE_MARK}"`;
        i = end + 1;
        continue;
      }
    }
    if (inString && c === '\\') {
      out += c + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') {
      inString = !inString;
    }
    out += c;
  }
  return out;
}

/**
 * What the catalog says about a request: an unknown path or method (warnings: the API has more
 * than its messaging part), unknown query parameters, and for a JSON object body unknown fields,
 * missing required ones, values of the wrong type and values outside an enum.
 */
export function checkRequest(request: ParsedRequest, basePath: string, fileLines: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  // A target that starts with a variable (`{{base}}/rooms`) cannot be placed in the catalog.
  if (!request.methodKnown || request.target.startsWith('{{')) {
    return problems;
  }
  const path = pathOf(request.target, basePath);
  const candidates = endpointsOf(path);
  const span = request.targetSpan;
  if (candidates.length === 0) {
    problems.push({ ...span, severity: 'warning', message: l10n.t('{0} is not in the catalog of the messaging API (it may exist elsewhere in the Webex API).', path) });
    return problems;
  }
  const endpoint = candidates.find((e) => e.method === request.method);
  if (!endpoint) {
    problems.push({ ...span, severity: 'warning', message: l10n.t('{0} takes {1}, not {2}.', candidates[0].path, candidates.map((e) => e.method).join(', '), request.method) });
    return problems;
  }
  const query = request.target.includes('?') ? request.target.slice(request.target.indexOf('?') + 1) : '';
  const targetLine = fileLines[span.line] ?? '';
  for (const pair of query.split('&').filter((p) => p !== '')) {
    const [key, value = ''] = pair.split('=');
    const known = endpoint.query.find((q) => q.name === key);
    const at = targetLine.indexOf(key, span.start);
    const where: Span = at >= 0 ? { line: span.line, start: at, end: at + key.length } : span;
    if (!known) {
      problems.push({ ...where, severity: 'warning', message: l10n.t('{0} {1} has no query parameter "{2}"; it takes {3}.', endpoint.method, endpoint.path, key, endpoint.query.map((q) => q.name).join(', ') || 'none') });
    } else if (known.enum && !value.includes('{{') && !known.enum.includes(decodeURIComponent(value))) {
      problems.push({ ...where, severity: 'error', message: l10n.t('{0} must be one of {1}.', key, known.enum.join(', ')) });
    }
  }
  for (const required of endpoint.query.filter((q) => q.required)) {
    if (!new URLSearchParams(query).has(required.name)) {
      problems.push({ ...span, severity: 'error', message: l10n.t('{0} {1} needs the query parameter {2}.', endpoint.method, endpoint.path, required.name) });
    }
  }
  if (endpoint.body && request.body) {
    problems.push(...checkBody(endpoint, endpoint.body, request.body, fileLines));
  }
  return problems;
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

function checkBody(endpoint: CatalogEndpoint, fields: CatalogField[], body: { text: string; line: number }, fileLines: readonly string[]): Problem[] {
  const lines = body.text.split('\n');
  let json: unknown;
  try {
    json = JSON.parse(maskVariables(body.text));
  } catch (error) {
    return [{ line: body.line, start: 0, end: fileLines[body.line]?.length ?? 1, severity: 'error', message: l10n.t('The body is not valid JSON: {0}', error instanceof Error ? error.message : String(error)) }];
  }
  if (typeOf(json) !== 'object') {
    return [{ line: body.line, start: 0, end: lines[0].length, severity: 'error', message: l10n.t('{0} {1} takes a JSON object.', endpoint.method, endpoint.path) }];
  }
  const problems: Problem[] = [];
  const object = json as Record<string, unknown>;
  const whole: Span = { line: body.line, start: 0, end: lines[0].length };
  for (const [key, value] of Object.entries(object)) {
    const known = fields.find((f) => f.name === key);
    const where = spanOfText(lines, body.line, `"${key}"`) ?? whole;
    if (!known) {
      problems.push({ ...where, severity: 'error', message: l10n.t('{0} {1} has no field "{2}"; it takes {3}.', endpoint.method, endpoint.path, key, fields.map((f) => f.name).join(', ')) });
      continue;
    }
    const isVariable = typeof value === 'string' && value.includes(VARIABLE_MARK);
    if (!isVariable && known.type !== 'object' && typeOf(value) !== known.type) {
      problems.push({ ...where, severity: 'error', message: l10n.t('"{0}" is a {1}, not a {2}.', key, known.type, typeOf(value)) });
    } else if (!isVariable && known.enum && !known.enum.includes(String(value))) {
      problems.push({ ...where, severity: 'error', message: l10n.t('"{0}" must be one of {1}.', key, known.enum.join(', ')) });
    }
  }
  for (const required of fields.filter((f) => f.required)) {
    if (!(required.name in object)) {
      problems.push({ ...whole, severity: 'error', message: l10n.t('{0} {1} needs the field "{2}".', endpoint.method, endpoint.path, required.name) });
    }
  }
  return problems;
}
