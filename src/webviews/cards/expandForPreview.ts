/**
 * The card the preview shows: the card file's text, expanded with its sibling data file when it is
 * a template (a `${…}` expression, or a `<name>.data.json` beside it) by the same templating Send
 * Card uses (`adaptivecards-templating` in the extension host, loaded with dist/cardTools.js only
 * when a template is previewed), else parsed as it is.
 */
import * as l10n from '@vscode/l10n';
import { loadCardTools } from '../../commands/cards/cardToolsLoader';

export type Expanded = { ok: true; card: unknown } | { ok: false; error: string };

export async function expandForPreview(cardText: string, dataText: string | undefined): Promise<Expanded> {
  if (dataText !== undefined || cardText.includes('${')) {
    const tools = await loadCardTools();
    const expanded = await tools.expandCardTemplate(cardText, dataText);
    return 'error' in expanded ? { ok: false, error: expanded.error } : { ok: true, card: expanded.card };
  }
  try {
    return { ok: true, card: JSON.parse(cardText) as unknown };
  } catch (error) {
    return { ok: false, error: l10n.t('The card is not valid JSON: {0}', error instanceof Error ? error.message : String(error)) };
  }
}
