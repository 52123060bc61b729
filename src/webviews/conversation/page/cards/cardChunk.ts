/** The cards chunk's entry (esbuild.js builds `dist/webview/cards.js` from it): hands the renderer to the page. */
import { CARDS_GLOBAL, type CardRegistry } from './cardApi';
import { createCardRenderer } from './cardRenderer';

const registry = (globalThis as Record<string, unknown>)[CARDS_GLOBAL] as CardRegistry | undefined;
registry?.renderer(createCardRenderer());
