/**
 * The rules of a card that need no DOM (unit-tested in Node): whether a card is one this page shows,
 * its fallback text, what becomes of its URLs, how an `Action.Submit` builds its `inputs`, and the
 * input validation of Adaptive Cards 1.3.
 *
 * Facts: Webex renders Adaptive Cards 1.3, one card per message (`attachments[0]`, contentType
 * `application/vnd.microsoft.card.adaptive`), at most 5 actions shown, and merges an
 * `Action.Submit`'s `data` into the submitted `inputs` (/work/shared/webex WEBEX_API_NOTES §9a, from
 * developer.webex.com/docs/buttons-and-cards and WebexSamples/webex-card-sampler). A card whose
 * version is above what the host supports shows its `fallbackText` (adaptivecards.io, "Authoring
 * cards", versioning). Input validation (`isRequired`, `regex`, `errorMessage`) is the 1.3 schema's
 * (adaptivecards.io/explorer, Input.Text; added in 1.3).
 */

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** The version Webex renders. */
export const WEBEX_CARD_VERSION = '1.3';
/** Actions shown at the card's top level (Webex: at most 5). */
export const MAX_ACTIONS = 5;
/** Nesting beyond this is refused with a note (a hostile card of 200 levels must not freeze the tab). */
export const MAX_DEPTH = 32;
/** Elements and actions beyond this are refused with a note. */
export const MAX_ELEMENTS = 1000;
/** Characters of a value a card's `regex` is tried on (the pattern is the sender's: keep it cheap). */
export const MAX_REGEX_INPUT = 5000;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type CardCheck = { ok: true; card: JsonObject } | { ok: false; reason: string };

/** "1.3" → [1, 3]; undefined for anything that is not `major.minor`. */
function parseVersion(value: unknown): [number, number] | undefined {
  const match = typeof value === 'string' ? /^(\d{1,3})\.(\d{1,3})$/.exec(value.trim()) : null;
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Counts elements and nesting without recursion (a 200-level card must not blow the stack). */
function measure(card: JsonObject): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: Array<[unknown, number]> = [[card, 0]];
  while (stack.length > 0) {
    const [value, level] = stack.pop() as [unknown, number];
    if (Array.isArray(value)) {
      for (const item of value) {
        stack.push([item, level]);
      }
      continue;
    }
    if (!isObject(value)) {
      continue;
    }
    if (typeof value.type === 'string') {
      elements++;
      depth = Math.max(depth, level);
    }
    if (elements > MAX_ELEMENTS || depth > MAX_DEPTH) {
      break;
    }
    for (const key of ['body', 'items', 'columns', 'actions', 'card', 'inlineAction', 'selectAction', 'fallback']) {
      const child = value[key];
      if (child !== undefined) {
        stack.push([child, level + 1]);
      }
    }
  }
  return { elements, depth };
}

/** Whether `content` is a card this page renders; else why not (the fallback text is shown then). */
export function checkCard(content: unknown): CardCheck {
  if (!isObject(content)) {
    return { ok: false, reason: 'The card is not a JSON object.' };
  }
  if (content.type !== 'AdaptiveCard') {
    return { ok: false, reason: 'This is not an Adaptive Card.' };
  }
  const version = parseVersion(content.version);
  if (!version) {
    return { ok: false, reason: 'The card has no valid version.' };
  }
  if (version[0] > 1 || (version[0] === 1 && version[1] > 3)) {
    return { ok: false, reason: `The card needs Adaptive Cards ${String(content.version)}; Webex shows version ${WEBEX_CARD_VERSION}.` };
  }
  const size = measure(content);
  if (size.elements > MAX_ELEMENTS) {
    return { ok: false, reason: `The card has more than ${MAX_ELEMENTS} elements; it is not shown here.` };
  }
  if (size.depth > MAX_DEPTH) {
    return { ok: false, reason: `The card nests deeper than ${MAX_DEPTH} levels; it is not shown here.` };
  }
  return { ok: true, card: content };
}

/** Parses a card's JSON text and checks it. */
export function readCard(json: string): CardCheck {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'The card is not valid JSON.' };
  }
  return checkCard(value);
}

/**
 * The text shown when the card cannot render, and offered beside it otherwise: the card's
 * `fallbackText`, else the message's text (what Webex clients without cards show), else the card's
 * TextBlocks joined.
 */
export function fallbackText(content: unknown, messageText: string | undefined): string {
  if (isObject(content) && typeof content.fallbackText === 'string' && content.fallbackText.trim() !== '') {
    return content.fallbackText.trim();
  }
  if (messageText !== undefined && messageText.trim() !== '') {
    return messageText.trim();
  }
  const texts: string[] = [];
  const stack: unknown[] = [content];
  let seen = 0;
  while (stack.length > 0 && seen++ < 10_000 && texts.length < 20) {
    const value = stack.shift();
    if (Array.isArray(value)) {
      stack.push(...(value as unknown[]));
    } else if (isObject(value)) {
      if (value.type === 'TextBlock' && typeof value.text === 'string' && value.text.trim() !== '') {
        texts.push(value.text.trim());
      }
      for (const key of ['body', 'items', 'columns']) {
        if (value[key] !== undefined) {
          stack.push(value[key]);
        }
      }
    }
  }
  return texts.join('\n');
}

/** True for an http(s) URL: the only kind a card may open or show an image from. */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * An own-property-only copy of an object: keys such as `__proto__` become plain properties, never
 * the prototype (`JSON.parse` makes them own properties; a spread or assignment would not).
 */
function define(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The `inputs` an `Action.Submit` posts: the action's `data` (when it is an object) with the
 * card's input values over it (the renderer's own merge: adaptivecards SubmitAction, inputs win on
 * a shared id). A non-object `data` is left out: Webex merges an object only ([UNVERIFIED] for other
 * kinds).
 */
export function mergeSubmitInputs(values: ReadonlyArray<[string, unknown]>, data: unknown): JsonObject {
  const inputs: JsonObject = {};
  if (isObject(data)) {
    for (const key of Object.keys(data)) {
      define(inputs, key, data[key]);
    }
  }
  for (const [id, value] of values) {
    define(inputs, id, value);
  }
  return inputs;
}

/** What a 1.3 input declares about its own validity. */
export interface InputRule {
  id: string;
  type: string;
  label?: string;
  isRequired?: boolean;
  regex?: string;
  errorMessage?: string;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
}

/**
 * Why `value` is not a valid answer for `rule` (its `errorMessage` when the card gives one), or
 * undefined when it is. An empty optional input is valid; the `regex` applies to Input.Text and is
 * anchored to the whole value, as the renderer tests it (adaptivecards TextInput.isValid: the
 * match must be the whole value).
 */
export function validateInput(rule: InputRule, value: string | undefined): string | undefined {
  const v = value ?? '';
  const name = rule.label?.trim() || rule.id;
  const fail = (why: string): string => rule.errorMessage?.trim() || why;
  if (v === '') {
    return rule.isRequired === true ? fail(`${name} is required.`) : undefined;
  }
  if (rule.type === 'Input.Text') {
    if (rule.maxLength !== undefined && v.length > rule.maxLength) {
      return fail(`${name} can be at most ${rule.maxLength} characters.`);
    }
    if (rule.regex !== undefined && rule.regex !== '') {
      if (v.length > MAX_REGEX_INPUT) {
        return fail(`${name} is too long to check.`);
      }
      let pattern: RegExp;
      try {
        pattern = new RegExp(rule.regex);
      } catch {
        return undefined; // a broken pattern is the card's fault, not the user's
      }
      const match = pattern.exec(v);
      if (!match || match.index !== 0 || match[0].length !== v.length) {
        return fail(`${name} is not in the expected format.`);
      }
    }
  }
  if (rule.type === 'Input.Number') {
    const n = Number(v);
    if (!Number.isFinite(n)) {
      return fail(`${name} must be a number.`);
    }
    if ((typeof rule.min === 'number' && n < rule.min) || (typeof rule.max === 'number' && n > rule.max)) {
      return fail(`${name} must be between ${rule.min ?? '−∞'} and ${rule.max ?? '∞'}.`);
    }
  }
  return undefined;
}
