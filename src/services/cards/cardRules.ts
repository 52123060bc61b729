/**
 * Webex's own rules for an Adaptive Card, as problems with the place in the JSON text they point
 * at (pure: the diagnostics provider and Send Card both use it, unit-tested in plain Node).
 *
 * Positions come from jsonc-parser's syntax tree (Microsoft's parser behind VS Code's JSON
 * support), so broken JSON is a problem at the right place, never an exception.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { MAX_MESSAGE_BYTES, utf8ByteLength } from '../../webex/validation';
import {
  CARD_JSON_WARN_BYTES,
  MAX_SHOWN_ACTIONS,
  NOT_RENDERED_BY_WEBEX,
  WEBEX_ACTIONS,
  WEBEX_CARD_VERSION,
  WEBEX_ELEMENTS,
} from './cardFacts';
import { cardFallbackText } from './fallbackText';
import * as l10n from '@vscode/l10n';

export type CardProblemSeverity = 'error' | 'warning';

/** One problem: what, how bad, and the span of the JSON text it is about. */
export interface CardProblem {
  /** A stable name, shown as the diagnostic's code (e.g. `webex.version`). */
  code: string;
  severity: CardProblemSeverity;
  message: string;
  offset: number;
  length: number;
}

export interface CardCheck {
  problems: CardProblem[];
  /** The parsed card when the text is JSON (even with other problems). */
  card?: unknown;
}

/** Where the card's children are: arrays of elements and of actions, and the nested cards. */
const ELEMENT_ARRAYS = ['body', 'items'] as const;

interface Walk {
  problems: CardProblem[];
  inputIds: Set<string>;
}

/** Checks the text of a card file (or an expanded template) against Webex's rules. */
export function checkCardText(text: string): CardCheck {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const problems = errors.map((e) => problem('webex.json', 'error', l10n.t('Not valid JSON: {0}.', describeParseError(printParseErrorCode(e.error))), e.offset, Math.max(e.length, 1)));
    return { problems: problems.length > 0 ? problems : [problem('webex.json', 'error', l10n.t('The file is empty: a card is a JSON object.'), 0, Math.max(text.length, 1))] };
  }
  // No parse errors: the text is strict JSON, and JSON.parse reads it the way Webex will.
  const card: unknown = JSON.parse(text);
  const walk: Walk = { problems: [], inputIds: new Set() };
  if (root.type !== 'object') {
    walk.problems.push(problem('webex.notObject', 'error', l10n.t('A card is a JSON object, not {0}.', article(root.type)), root.offset, root.length));
    return { problems: walk.problems, card };
  }
  checkRoot(root, walk);
  checkSize(root, card, walk);
  return { problems: walk.problems, card };
}

function checkRoot(root: Node, walk: Walk): void {
  const type = property(root, 'type');
  if (!type) {
    walk.problems.push(problem('webex.type', 'error', l10n.t('A card needs "type": "AdaptiveCard".'), root.offset, 1));
  } else if (type.value !== 'AdaptiveCard') {
    walk.problems.push(at(type, 'webex.type', 'error', `The card's type must be "AdaptiveCard", not ${JSON.stringify(type.value ?? null)}.`));
  }
  checkVersion(root, walk);
  walkCard(root, walk);
}

function checkVersion(root: Node, walk: Walk): void {
  const version = property(root, 'version');
  if (!version) {
    walk.problems.push(problem('webex.version', 'error', l10n.t('A card needs a "version" (Webex renders up to {0}).', versionText()), root.offset, 1));
    return;
  }
  const match = typeof version.value === 'string' ? /^(\d+)\.(\d+)$/.exec(version.value.trim()) : null;
  if (!match) {
    walk.problems.push(at(version, 'webex.version', 'error', `"version" is a string like "${versionText()}", not ${version.type === 'string' || version.type === 'number' ? JSON.stringify(version.value) : article(version.type)}.`));
    return;
  }
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major > WEBEX_CARD_VERSION.major || (major === WEBEX_CARD_VERSION.major && minor > WEBEX_CARD_VERSION.minor)) {
    walk.problems.push(at(version, 'webex.version', 'error', `Webex renders Adaptive Cards up to version ${versionText()}; this card says ${match[0]}.`));
  }
}

/** A card's body and actions (the root, or an Action.ShowCard's card). */
function walkCard(card: Node, walk: Walk): void {
  walkElements(property(card, 'body'), walk);
  walkActions(property(card, 'actions'), walk);
}

function walkElements(array: Node | undefined, walk: Walk): void {
  for (const element of array?.type === 'array' ? (array.children ?? []) : []) {
    walkElement(element, walk);
  }
}

function walkElement(element: Node, walk: Walk): void {
  const type = typeOf(element, 'an element', walk);
  if (type === undefined) {
    return;
  }
  if (NOT_RENDERED_BY_WEBEX.has(type)) {
    walk.problems.push(at(property(element, 'type') ?? element, 'webex.unsupported', 'warning', `Webex does not render ${type}: people see the rest of the card without it.`));
  } else if (!WEBEX_ELEMENTS.has(type) && type !== 'Column') {
    walk.problems.push(at(property(element, 'type') ?? element, 'webex.unknownType', 'warning', `"${type}" is not an Adaptive Card 1.3 element Webex renders; it is skipped.`));
  }
  if (type.startsWith('Input.')) {
    checkInputId(element, type, walk);
  }
  for (const name of ELEMENT_ARRAYS) {
    walkElements(property(element, name), walk);
  }
  const columns = property(element, 'columns');
  for (const column of columns?.type === 'array' ? (columns.children ?? []) : []) {
    walkElements(property(column, 'items'), walk);
    walkSelectAction(column, walk);
  }
  if (type === 'ActionSet') {
    walkActions(property(element, 'actions'), walk);
  }
  walkSelectAction(element, walk);
}

function walkSelectAction(node: Node, walk: Walk): void {
  const action = property(node, 'selectAction');
  if (action) {
    walkAction(action, walk);
  }
}

function walkActions(array: Node | undefined, walk: Walk): void {
  if (array?.type !== 'array') {
    return;
  }
  const actions = array.children ?? [];
  if (actions.length > MAX_SHOWN_ACTIONS) {
    const first = actions[MAX_SHOWN_ACTIONS];
    const last = actions[actions.length - 1];
    walk.problems.push(
      problem('webex.tooManyActions', 'warning', l10n.t('Webex shows at most {0} actions; the last {1} of these {2} will not show.', MAX_SHOWN_ACTIONS, actions.length - MAX_SHOWN_ACTIONS, actions.length), first.offset, last.offset + last.length - first.offset),
    );
  }
  for (const action of actions) {
    walkAction(action, walk);
  }
}

function walkAction(action: Node, walk: Walk): void {
  const type = typeOf(action, 'an action', walk);
  if (type === undefined) {
    return;
  }
  const typeNode = property(action, 'type') ?? action;
  if (NOT_RENDERED_BY_WEBEX.has(type)) {
    walk.problems.push(at(typeNode, 'webex.unsupported', 'warning', `Webex does not render ${type}: use Action.Submit (its inputs reach your bot as an attachment action).`));
  } else if (!WEBEX_ACTIONS.has(type)) {
    walk.problems.push(at(typeNode, 'webex.unknownType', 'warning', `"${type}" is not an action Webex renders; it is skipped.`));
  }
  const card = property(action, 'card');
  if (type === 'Action.ShowCard' && card?.type === 'object') {
    walkCard(card, walk);
  }
}

/** An element's or action's `type`, or a problem and undefined when there is none. */
function typeOf(node: Node, what: string, walk: Walk): string | undefined {
  if (node.type !== 'object') {
    walk.problems.push(at(node, 'webex.notObject', 'error', `Expected ${what} (a JSON object with a "type"), not ${article(node.type)}.`));
    return undefined;
  }
  const type = property(node, 'type');
  if (typeof type?.value !== 'string') {
    walk.problems.push(at(type ?? node, 'webex.type', 'error', `${capitalize(what)} needs a "type" string.`));
    return undefined;
  }
  return type.value;
}

function checkInputId(input: Node, type: string, walk: Walk): void {
  const id = property(input, 'id');
  const value: unknown = id?.value;
  if (!id || typeof value !== 'string' || value.trim() === '') {
    walk.problems.push(at(id ?? property(input, 'type') ?? input, 'webex.inputId', 'error', `${type} needs an "id": it is the key of its value in the inputs your bot receives.`));
    return;
  }
  if (walk.inputIds.has(value)) {
    walk.problems.push(at(id, 'webex.duplicateId', 'error', `Another input already has the id "${value}": their values would overwrite each other in the submitted inputs.`));
    return;
  }
  walk.inputIds.add(value);
}

function checkSize(root: Node, card: unknown, walk: Walk): void {
  const bytes = utf8ByteLength(JSON.stringify(card));
  if (bytes > CARD_JSON_WARN_BYTES) {
    walk.problems.push(
      problem('webex.size', 'warning', l10n.t('The card is {0} bytes of JSON; above {1} bytes Webex may refuse or not render it (no limit is published).', bytes, CARD_JSON_WARN_BYTES), root.offset, 1),
    );
  }
  const fallback = cardFallbackText(card);
  const fallbackNode = property(root, 'fallbackText');
  if (fallback === undefined) {
    walk.problems.push(
      problem('webex.fallback', 'warning', l10n.t('No fallback text: add "fallbackText" (or a TextBlock) for Webex clients that cannot show cards.'), root.offset, 1),
    );
  } else if (utf8ByteLength(fallback) > MAX_MESSAGE_BYTES) {
    walk.problems.push(
      at(fallbackNode ?? root, 'webex.fallbackSize', 'error', `The fallback text is ${utf8ByteLength(fallback)} bytes; a message's text takes at most ${MAX_MESSAGE_BYTES}.`),
    );
  }
}

function property(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') {
    return undefined;
  }
  const pair = node.children?.find((p) => p.children?.[0]?.value === name);
  return pair?.children?.[1];
}

function at(node: Node, code: string, severity: CardProblemSeverity, message: string): CardProblem {
  return problem(code, severity, message, node.offset, node.length);
}

function problem(code: string, severity: CardProblemSeverity, message: string, offset: number, length: number): CardProblem {
  return { code, severity, message, offset, length };
}

function versionText(): string {
  return `${WEBEX_CARD_VERSION.major}.${WEBEX_CARD_VERSION.minor}`;
}

function article(type: Node['type']): string {
  return type === 'array' || type === 'object' ? `an ${type}` : type === 'null' ? 'null' : `a ${type}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** jsonc-parser's codes ("PropertyNameExpected") as words ("property name expected"). */
function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
