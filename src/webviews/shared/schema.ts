/**
 * Runtime checks that are also types: a webview's protocol is written once as a table of these, and
 * both the TypeScript types of each side and the host's validation of what a page posts come from it
 * (a page renders hostile content, so whatever it posts is untrusted input).
 *
 * `parse` returns a fresh value holding only the declared keys: nothing the page added travels
 * further (no `__proto__`, no unknown fields).
 *
 * Bundled into webview pages too: no `vscode` or Node imports.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Schema<T> {
  parse(value: unknown, at?: string): Parsed<T>;
  /** Set on optional fields of an object schema. */
  readonly optional?: true;
}

/** The type a schema accepts. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

function fail<T>(at: string, expected: string): Parsed<T> {
  return { ok: false, error: `${at || 'value'}: expected ${expected}` };
}

function primitive<T>(expected: string, test: (value: unknown) => boolean): Schema<T> {
  return { parse: (value, at = '') => (test(value) ? { ok: true, value: value as T } : fail<T>(at, expected)) };
}

export const string: Schema<string> = primitive('a string', (v) => typeof v === 'string');
export const boolean: Schema<boolean> = primitive('a boolean', (v) => typeof v === 'boolean');
export const integer: Schema<number> = primitive('an integer', (v) => Number.isSafeInteger(v));
export const number: Schema<number> = primitive('a finite number', (v) => typeof v === 'number' && Number.isFinite(v));

/** One of a few literal values (`literal('sending', 'failed')`). */
export function literal<const T extends readonly (string | number | boolean)[]>(...values: T): Schema<T[number]> {
  return primitive(values.map((v) => JSON.stringify(v)).join(' or '), (v) => values.includes(v as T[number]));
}

/** A field that may be absent (or `undefined`). */
export function optional<T>(inner: Schema<T>): Schema<T | undefined> & { readonly optional: true } {
  return {
    optional: true,
    parse: (value, at) => (value === undefined ? { ok: true, value: undefined } : inner.parse(value, at)),
  };
}

export function array<T>(item: Schema<T>, maxLength = 10_000): Schema<T[]> {
  return {
    parse(value, at = '') {
      if (!Array.isArray(value) || value.length > maxLength) {
        return fail(at, `an array of at most ${maxLength} items`);
      }
      const out: T[] = [];
      for (let i = 0; i < value.length; i++) {
        const parsed = item.parse(value[i], `${at}[${i}]`);
        if (!parsed.ok) {
          return parsed;
        }
        out.push(parsed.value);
      }
      return { ok: true, value: out };
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly optional: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The object type of a shape: optional schemas become optional properties. */
export type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return {
    parse(value, at = '') {
      if (!isPlainObject(value)) {
        return fail(at, 'an object');
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        const field = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
        const parsed = shape[key].parse(field, at ? `${at}.${key}` : key);
        if (!parsed.ok) {
          return parsed;
        }
        if (parsed.value !== undefined) {
          out[key] = parsed.value;
        }
      }
      return { ok: true, value: out as ObjectOf<S> };
    },
  };
}

/** A request of a protocol: what its params must be, and what a successful answer carries. */
export interface RequestSpec<P, R> {
  readonly params: Schema<P>;
  readonly result: Schema<R>;
}

export function request<P, R>(params: Schema<P>, result: Schema<R>): RequestSpec<P, R> {
  return { params, result };
}
