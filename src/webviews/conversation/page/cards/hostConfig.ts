/**
 * The renderer's host config mapped to VS Code's theme variables, so a card takes the light, dark or
 * high-contrast colours of the workbench (and of the preview's switch, which sets the same
 * variables). The renderer writes these strings into style properties, where `var(--…)` works.
 * Sizes follow the adaptivecards default host config; actions are capped at Webex's 5.
 */
import { MAX_ACTIONS } from './cardRules';

const fg = (name: string): { default: string; subtle: string } => ({ default: `var(${name})`, subtle: 'var(--vscode-descriptionForeground)' });

const foregrounds = {
  default: fg('--vscode-foreground'),
  dark: fg('--vscode-foreground'),
  light: fg('--vscode-descriptionForeground'),
  accent: fg('--vscode-textLink-foreground'),
  good: fg('--vscode-testing-iconPassed, var(--vscode-terminal-ansiGreen)'),
  warning: fg('--vscode-editorWarning-foreground'),
  attention: fg('--vscode-errorForeground'),
};

export const CARD_HOST_CONFIG = {
  fontFamily: 'var(--vscode-font-family)',
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 12 },
  separator: { lineThickness: 1, lineColor: 'var(--vscode-panel-border, var(--vscode-widget-border))' },
  fontTypes: {
    default: {
      fontFamily: 'var(--vscode-font-family)',
      fontSizes: { small: 11, default: 13, medium: 15, large: 18, extraLarge: 22 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: 'var(--vscode-editor-font-family)',
      fontSizes: { small: 11, default: 13, medium: 15, large: 18, extraLarge: 22 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
  },
  containerStyles: {
    default: { backgroundColor: 'transparent', foregroundColors: foregrounds },
    emphasis: { backgroundColor: 'var(--vscode-editorWidget-background)', foregroundColors: foregrounds },
    accent: { backgroundColor: 'var(--vscode-editorInfo-background, var(--vscode-editorWidget-background))', foregroundColors: foregrounds },
    good: { backgroundColor: 'var(--vscode-diffEditor-insertedTextBackground)', foregroundColors: foregrounds },
    attention: { backgroundColor: 'var(--vscode-inputValidation-errorBackground)', foregroundColors: foregrounds },
    warning: { backgroundColor: 'var(--vscode-inputValidation-warningBackground)', foregroundColors: foregrounds },
  },
  actions: {
    maxActions: MAX_ACTIONS,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 8 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  imageSizes: { small: 40, medium: 80, large: 160 },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 8,
  },
};
