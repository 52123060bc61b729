/**
 * The conversation page's HTML: an empty frame with the page's code and styles inside it, under a
 * strict CSP: nothing by default; scripts and style elements only with this
 * load's nonce; fonts (codicons) only from the extension; images only from the extension (message
 * content never loads images); no inline style attributes or handlers, no eval.
 *
 * The bundle and style sheets are put into the HTML rather than linked: each linked file is fetched
 * through VS Code's webview service worker and the extension host, and the script waits for the
 * style sheets, which cost about 45 ms of every open (`npm run bench`, "the page’s document → its
 * script runs"). They are read once and kept in memory (about 210 KB) until they change. Only the
 * codicon font stays a file (it is loaded when an icon is first drawn).
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { readHighlightCode } from '../../config/settings';
import { localizationHtml } from '../shared/l10nHtml';
import { escapeHtml as escapeAttribute } from '../../webex/text';

/** Folders the page may load from (`localResourceRoots`). */
export function resourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    // Pictures only from bytes the extension fetched and handed over as data:/blob: URLs (images.ts,
    // and the images of cards, page/cards/): never a remote host.
    `img-src ${cspSource} data: blob:`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/** The page's files, as put into its HTML. */
interface PageAssets {
  script: string;
  codiconCss: string;
  conversationCss: string;
}

let cached: { key: string; files: PageAssets | null } | undefined;

/**
 * Reads the page's files, once for as long as they do not change (a rebuild in watch mode changes
 * them); null when they cannot be read (then they are linked).
 */
function pageAssets(extensionUri: vscode.Uri): PageAssets | null {
  const path = (...parts: string[]): string => vscode.Uri.joinPath(extensionUri, ...parts).fsPath;
  const files = [path('dist', 'webview', 'conversation.js'), path('dist', 'webview', 'codicon.css'), path('media', 'conversation.css')];
  let key: string;
  try {
    key = files.map((f) => `${f}@${fs.statSync(f).mtimeMs}`).join('|');
  } catch {
    return null;
  }
  if (cached?.key !== key) {
    try {
      const [script, codiconCss, conversationCss] = files.map((f) => fs.readFileSync(f, 'utf8'));
      cached = { key, files: { script, codiconCss, conversationCss } };
    } catch {
      cached = { key, files: null };
    }
  }
  return cached.files;
}

/**
 * The code as the content of a `<script>` or `<style>` element, or undefined when it cannot be put
 * there safely. `</script` and `</style` (any case) would end the element early: a backslash before
 * the slash takes that meaning away, and JavaScript strings and regular expressions and CSS all read
 * `\/` as `/`. `<!--` followed later by `<script` would put the HTML parser in a state where even
 * the real end tag does not end the element; such code is linked instead.
 */
function inlineSafe(code: string): string | undefined {
  if (code.includes('<!--') && /<script[\s/>]/i.test(code)) {
    return undefined;
  }
  return code.replace(/<\/(script|style)/gi, '<\\/$1');
}

export function threadHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const files = pageAssets(extensionUri);
  const n = escapeAttribute(nonce);
  // The codicon font is named relative to codicon.css; inside the page it needs its full URL.
  const font = asset('dist', 'webview', 'codicon.ttf');
  const codiconCss = files && inlineSafe(files.codiconCss.replace(/url\((["']?)\.\/codicon\.ttf/g, (_m, quote: string) => `url(${quote}${font}`));
  const conversationCss = files && inlineSafe(files.conversationCss);
  const script = files && inlineSafe(files.script);
  // The highlighter's chunks (page/code/highlighter.ts) are loaded from here when a block needs them.
  const chunks = readHighlightCode() ? ` data-chunks="${escapeAttribute(`${asset('dist', 'webview')}/`)}"` : '';
  // The card renderer's chunk (page/cards/cardView.ts) is loaded from here when a card is on screen.
  const cards = ` data-cards="${escapeAttribute(`${asset('dist', 'webview')}/`)}"`;
  const style = (inline: string | null | undefined, ...path: string[]): string =>
    inline ? `<style nonce="${n}">${inline}</style>` : `<link rel="stylesheet" href="${escapeAttribute(asset(...path))}">`;
  const { lang: language, script: strings } = localizationHtml();
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${style(codiconCss, 'dist', 'webview', 'codicon.css')}
${style(conversationCss, 'media', 'conversation.css')}
<title>${escapeAttribute(title)}</title>
</head>
<body>
${strings}<div id="app" class="app"${chunks}${cards}></div>
${script ? `<script nonce="${n}">${script}</script>` : `<script nonce="${n}" src="${escapeAttribute(asset('dist', 'webview', 'conversation.js'))}"></script>`}
</body>
</html>`;
}
