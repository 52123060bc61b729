/**
 * `{{…}}` in request files, as REST Client reads them: file variables (`@roomTitle = Demo`, which
 * may use others), a named request's response (`{{createRoom.response.body.id}}`, also written
 * `{{createRoom.response.body.$.id}}`, and `{{createRoom.response.headers.Location}}`), and a few
 * system variables (`{{$guid}}`, `{{$timestamp}}`, `{{$randomInt 1 100}}`). `{{$token}}` and the
 * environment (`$processEnv`, `$dotenv`) are refused: the token never goes into a request's text.
 */
import { randomUUID, randomInt } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import type { FileVariable } from './requestFile';

/** What a named request's response left for the next ones. */
export interface StoredResponse {
  status: number;
  headers: Array<[string, string]>;
  /** The body as text (JSON is parsed when a path into it is asked for). */
  body: string;
}

export interface ResolveContext {
  variables: readonly FileVariable[];
  /** Responses of named requests sent so far in this window, by name. */
  responses: ReadonlyMap<string, StoredResponse>;
  now?: () => Date;
}

export interface Resolved {
  text: string;
  /** One message per `{{…}}` that could not be resolved; empty when all were. */
  errors: string[];
}

const USE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const MAX_DEPTH = 10;

/** Replaces every `{{…}}` of `text`; what cannot be resolved stays as written and is reported. */
export function resolveVariables(text: string, context: ResolveContext): Resolved {
  const errors: string[] = [];
  const out = substitute(text, context, errors, []);
  return { text: out, errors: [...new Set(errors)] };
}

function substitute(text: string, context: ResolveContext, errors: string[], stack: string[]): string {
  return text.replace(USE, (whole, expression: string) => {
    const value = resolveOne(expression, context, errors, stack);
    return value ?? whole;
  });
}

function resolveOne(expression: string, context: ResolveContext, errors: string[], stack: string[]): string | undefined {
  if (expression.startsWith('$')) {
    return systemVariable(expression, context, errors);
  }
  const responseRef = /^([A-Za-z_][\w-]*)\.response\.(body|headers)(?:\.(.*))?$/.exec(expression);
  if (responseRef) {
    return responseValue(responseRef[1], responseRef[2] as 'body' | 'headers', responseRef[3], context, errors);
  }
  // The last definition in the file wins, as in REST Client.
  const variable = [...context.variables].reverse().find((v) => v.name === expression);
  if (!variable) {
    errors.push(l10n.t('{0} is not defined: add a line "@{1} = value", or send the request it names first.', `{{${expression}}}`, expression));
    return undefined;
  }
  if (stack.includes(expression) || stack.length >= MAX_DEPTH) {
    errors.push(l10n.t('{0} refers back to itself.', `{{${expression}}}`));
    return undefined;
  }
  return substitute(variable.value, context, errors, [...stack, expression]);
}

function systemVariable(expression: string, context: ResolveContext, errors: string[]): string | undefined {
  const [name, ...args] = expression.split(/\s+/);
  switch (name.toLowerCase()) {
    case '$token':
      errors.push(l10n.t('{0} is refused: the token never goes into a file. Send Request adds the Authorization header itself.', '{{$token}}'));
      return undefined;
    case '$guid':
      return randomUUID();
    case '$timestamp':
      return String(Math.floor((context.now?.() ?? new Date()).getTime() / 1000));
    case '$datetime':
      return (context.now?.() ?? new Date()).toISOString();
    case '$randomint': {
      const min = Number(args[0] ?? 0);
      const max = Number(args[1] ?? 1000);
      if (!Number.isInteger(min) || !Number.isInteger(max) || max <= min) {
        errors.push(l10n.t('{0}: write {1} with whole numbers, min below max.', `{{${expression}}}`, '{{$randomInt min max}}'));
        return undefined;
      }
      return String(randomInt(min, max));
    }
    case '$processenv':
    case '$dotenv':
      errors.push(l10n.t('{0} is not available in Webex request files: environment variables may hold secrets.', `{{${name}}}`));
      return undefined;
    default:
      errors.push(l10n.t('{0} is not a system variable here; there are {1}.', `{{${name}}}`, '{{$guid}}, {{$timestamp}}, {{$datetime}}, {{$randomInt min max}}'));
      return undefined;
  }
}

function responseValue(name: string, part: 'body' | 'headers', path: string | undefined, context: ResolveContext, errors: string[]): string | undefined {
  const response = context.responses.get(name);
  if (!response) {
    errors.push(l10n.t('{0}: send the request named "{1}" first.', `{{${name}.response.${part}…}}`, name));
    return undefined;
  }
  if (part === 'headers') {
    const header = response.headers.find(([key]) => key.toLowerCase() === (path ?? '').toLowerCase());
    if (!header) {
      errors.push(path === undefined ? l10n.t('The response of "{0}" has no header (none named).', name) : l10n.t('The response of "{0}" has no header {1}.', name, path));
      return undefined;
    }
    return header[1];
  }
  if (path === undefined || path === '' || path === '*') {
    return response.body;
  }
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    errors.push(l10n.t('The response of "{0}" is not JSON, so {1} cannot be read.', name, `{{${name}.response.body.${path}}}`));
    return undefined;
  }
  const value = walk(json, path.replace(/^\$\.?/, ''));
  if (value === undefined) {
    errors.push(l10n.t('The response of "{0}" has nothing at body.{1}.', name, path));
    return undefined;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `items[0].id`, `a.b` into a parsed JSON value. */
export function walk(value: unknown, path: string): unknown {
  if (path === '') {
    return value;
  }
  let current = value;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    const key = part.startsWith('[') ? Number(part.slice(1, -1)) : part;
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
