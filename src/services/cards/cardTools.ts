/**
 * Everything card authoring needs beyond `cardFacts.ts`, as one module the UI loads with a
 * dynamic import when a card file is first seen or a card command runs: esbuild.js bundles it
 * as dist/cardTools.js (with jsonc-parser), so dist/extension.js and activation carry none of it.
 */
export { checkCardText, type CardProblem } from './cardRules';
export { cardFallbackText } from './fallbackText';
export { expandCardTemplate } from './templating';
export { CARD_STARTERS, starterText, type CardStarter } from './starters';
// This chunk has its own copy of @vscode/l10n: the loader points it at the extension's bundle.
export { config as configureL10n } from '@vscode/l10n';
