/**
 * What every webview's HTML carries for translation: the `lang` of VS Code's display language
 * (dates and numbers in the page follow it) and, when that is not English, the extension's bundle
 * as JSON data for the page's @vscode/l10n (page/l10n.ts). Data, never script: `<` is escaped so
 * nothing in a translation can end the element.
 */
import { pageLocalization } from '../../config/l10n';

export function localizationHtml(): { lang: string; script: string } {
  const { language, bundle } = pageLocalization();
  const script = bundle === undefined ? '' : `<script type="application/json" id="webex-l10n">${JSON.stringify(bundle).replace(/</g, '\\u003c')}</script>\n`;
  return { lang: language, script };
}
