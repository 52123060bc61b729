/**
 * The contract between the page and its card renderer chunk (`dist/webview/cards.js`, built by
 * esbuild.js apart from the page bundle and loaded with the page's nonce only when a card is on
 * screen): the chunk hands its renderer to the registry the page put on `globalThis`. The Preview
 * Card webview loads the same chunk through the same contract.
 */
import type { JsonObject } from './cardRules';

export const CARDS_GLOBAL = 'webexCards';
export const CARDS_CHUNK = 'cards.js';

export type CardTheme = 'light' | 'dark' | 'highContrast';

/** What the card asks its page to do. */
export type CardAction =
  | { kind: 'submit'; inputs: JsonObject; title: string }
  | { kind: 'openUrl'; url: string };

export interface CardHost {
  /** Markdown of a TextBlock → sanitized HTML (the page's markdown-it + DOMPurify path). */
  markdown(text: string): string;
  /** An `Action.Submit` (its inputs validated and merged) or an `Action.OpenUrl` (http/https only). */
  onAction(action: CardAction): void;
  /** A remote image the card shows: the page asks its host for the bytes; the element waits with its alt text. */
  image(url: string, img: HTMLImageElement): void;
}

export interface RenderedCard {
  element: HTMLElement;
  /** Elements and actions skipped because Webex (1.3) does not render them. */
  skipped: string[];
}

export interface CardRenderer {
  /** Renders a checked card (cardRules.ts `checkCard`); throws when the renderer cannot. */
  render(card: JsonObject, host: CardHost): RenderedCard;
}

export interface CardRegistry {
  renderer(renderer: CardRenderer): void;
}
