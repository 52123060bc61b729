/**
 * The text a card's message carries for clients without cards: the card's own `fallbackText`
 * when it has one, else the text of its first TextBlock (depth first, in reading order). Bot
 * frameworks always send `text`/`markdown` beside a card (../shared/webex/WEBEX_API_NOTES.md §9a).
 */

const CHILD_ARRAYS = ['body', 'items', 'columns'] as const;

/** The fallback text of a card, or undefined when it has none (no `fallbackText`, no TextBlock with text). */
export function cardFallbackText(card: unknown): string | undefined {
  if (!isObject(card)) {
    return undefined;
  }
  const own = card.fallbackText;
  if (typeof own === 'string' && own.trim() !== '') {
    return own;
  }
  return firstTextBlock(card, 0);
}

/** Deep cards are hostile input too: give up below this depth rather than recurse without end. */
const MAX_DEPTH = 64;

function firstTextBlock(node: Record<string, unknown>, depth: number): string | undefined {
  if (depth > MAX_DEPTH) {
    return undefined;
  }
  if (node.type === 'TextBlock' && typeof node.text === 'string' && node.text.trim() !== '') {
    return node.text;
  }
  for (const name of CHILD_ARRAYS) {
    const children = node[name];
    if (!Array.isArray(children)) {
      continue;
    }
    for (const child of children) {
      const found = isObject(child) ? firstTextBlock(child, depth + 1) : undefined;
      if (found !== undefined) {
        return found;
      }
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
