/**
 * A small checker for the part of JSON Schema the Webex OpenAPI subset uses in its responses:
 * `type`, `properties`, `items`, `enum`, `required` and `$ref` (plus `description`/`example`, which
 * say nothing to check). Any other keyword throws, so a change in the spec cannot pass unchecked.
 * Small enough to read in one go, which is why it is ours rather than a validator dependency.
 */

export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  required?: string[];
  $ref?: string;
  description?: string;
  example?: unknown;
}

export interface CheckOptions {
  /** The document `$ref`s point into (`#/components/schemas/…`). */
  root: unknown;
  /** Properties an object may carry beyond its schema's, by the schema's `$ref` name; `*` for any. */
  extra?: (refName: string | undefined, key: string) => boolean;
  /** Fields that must be present, by `$ref` name, on top of the schema's own `required`. */
  required?: Record<string, string[]>;
  /** `$ref` names whose values are not checked (a known error in the spec), with the reason. */
  skipRefs?: Record<string, string>;
}

const KNOWN = new Set(['type', 'properties', 'items', 'enum', 'required', '$ref', 'description', 'example']);

export function resolveRef(root: unknown, ref: string): Schema {
  if (!ref.startsWith('#/')) {
    throw new Error(`Only local $refs are supported: ${ref}`);
  }
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  if (typeof node !== 'object' || node === null) {
    throw new Error(`Unresolvable $ref ${ref}`);
  }
  return node;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) {
    return 'array';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

/** Problems found, as `path: problem` strings; empty when the value fits. */
export function check(value: unknown, schema: Schema, options: CheckOptions, path = '$', refName?: string): string[] {
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) {
      throw new Error(`${path}: schema keyword '${key}' is not supported by this checker`);
    }
  }
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? schema.$ref;
    if (options.skipRefs?.[name] !== undefined) {
      return [];
    }
    return check(value, resolveRef(options.root, schema.$ref), options, path, name);
  }
  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const fits = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!fits) {
      return [`${path}: expected ${schema.type}, got ${actual}`];
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (actual === 'array' && schema.items) {
    (value as unknown[]).forEach((item, i) => problems.push(...check(item, schema.items as Schema, options, `${path}[${i}]`)));
  }
  if (actual === 'object' && (schema.properties || schema.type === 'object')) {
    const obj = value as Record<string, unknown>;
    const required = [...(schema.required ?? []), ...(refName ? (options.required?.[refName] ?? []) : [])];
    for (const key of required) {
      if (!(key in obj)) {
        problems.push(`${path}: required field '${key}' is missing`);
      }
    }
    for (const [key, v] of Object.entries(obj)) {
      const prop = schema.properties?.[key];
      if (prop) {
        problems.push(...check(v, prop, options, `${path}.${key}`));
      } else if (!options.extra?.(refName, key)) {
        problems.push(`${path}: '${key}' is not declared by the spec${refName ? ` (${refName})` : ''}`);
      }
    }
  }
  return problems;
}
