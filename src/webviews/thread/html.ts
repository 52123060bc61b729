/**
 * The conversation page's HTML: an empty frame, the bundle and two style sheets, under a strict
 * CSP (STYLE.md "Webviews"): nothing by default; scripts only with this load's nonce; styles and
 * fonts (codicons) only from the extension; images only from the extension (message content never
 * loads images); no inline styles or handlers, no eval.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Folders the page may load from (`localResourceRoots`). */
export function resourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function threadHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(asset('dist', 'webview', 'codicon.css'))}">
<link rel="stylesheet" href="${escapeAttribute(asset('media', 'thread.css'))}">
<title>${escapeAttribute(title)}</title>
</head>
<body>
<div id="app" class="app"></div>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(asset('dist', 'webview', 'thread.js'))}"></script>
</body>
</html>`;
}
