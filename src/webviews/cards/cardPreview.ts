/**
 * **Preview Card** (`webex.previewCard`): the card of the active `*.card.json` (or JSON with an
 * Adaptive Card `$schema`) rendered beside the editor by exactly the conversation page's card code
 * (page/cards/ and its chunk), updated as the document changes (debounced), with the document's
 * problems as `vscode.languages.getDiagnostics(uri)` lists them plus a JSON parse error of our own.
 * Light/dark/high-contrast switches and Submit (which shows the `inputs` without posting) live in
 * the page (page/previewMain.ts).
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { localizationHtml } from '../shared/l10nHtml';
import { contentSecurityPolicy } from '../conversation/html';
import { CommandId } from '../../commands/commandIds';
import { escapeHtml as escapeAttribute } from '../../webex/text';
import { expandForPreview } from './expandForPreview';
import { dataTextOf } from '../../commands/cards/cardCommands';
import { parsePreviewPageMessage, type PreviewCardMessage, type PreviewProblem } from './previewProtocol';

export const PREVIEW_CARD_COMMAND = CommandId.previewCard;
export const PREVIEW_VIEW_TYPE = 'webex.cardPreview';
/** Set on the active editor when its JSON names an Adaptive Card `$schema` (the editor title button's `when`). */
export const CARD_JSON_CONTEXT = 'webex.activeEditorIsCard';
const DEBOUNCE_MS = 250;

const SEVERITY: Record<vscode.DiagnosticSeverity, PreviewProblem['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'info',
};

export function isCardDocument(doc: vscode.TextDocument): boolean {
  if (doc.fileName.endsWith('.card.json')) {
    return true;
  }
  return doc.languageId.startsWith('json') && /"\$schema"\s*:\s*"[^"]*adaptive-?card/i.test(doc.getText(new vscode.Range(0, 0, 40, 0)));
}

function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const n = escapeAttribute(nonce);
  const asset = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  // The conversation page's policy: scripts by nonce, pictures only from data:/blob:, nothing remote.
  const csp = contentSecurityPolicy(webview.cspSource, nonce);
  const l10nHtml = localizationHtml();
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(l10nHtml.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(asset('media', 'conversation.css'))}">
<link rel="stylesheet" href="${escapeAttribute(asset('media', 'cardPreview.css'))}">
<title>${escapeAttribute(vscode.l10n.t('Card Preview'))}</title>
</head>
<body>
${l10nHtml.script}<div id="preview" class="card-preview" data-cards="${escapeAttribute(`${asset('dist', 'webview')}/`)}"></div>
<script nonce="${n}" src="${escapeAttribute(asset('dist', 'webview', 'cardPreview.js'))}"></script>
</body>
</html>`;
}

class CardPreviewPanel {
  private timer: NodeJS.Timeout | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    public document: vscode.TextDocument,
    extensionUri: vscode.Uri,
    onDispose: () => void,
  ) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')] };
    panel.webview.html = previewHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parsePreviewPageMessage(raw);
        if (message?.type === 'ready') {
          this.ready = true;
          this.post();
        } else if (message?.type === 'openLink' && /^https?:\/\//i.test(message.href)) {
          void vscode.env.openExternal(vscode.Uri.parse(message.href, true));
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) {
          this.schedule();
        }
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.document.uri.toString())) {
          this.schedule();
        }
      }),
      panel.onDidDispose(() => {
        clearTimeout(this.timer);
        for (const d of this.disposables.splice(0)) {
          d.dispose();
        }
        onDispose();
      }),
    );
  }

  show(document: vscode.TextDocument): void {
    this.document = document;
    this.panel.title = vscode.l10n.t('Preview {0}', path.basename(document.fileName));
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    this.post();
  }

  private sequence = 0;

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.post(), DEBOUNCE_MS);
  }

  private post(): void {
    void this.postExpanded();
  }

  private async postExpanded(): Promise<void> {
    if (!this.ready) {
      return;
    }
    // Expanding a template is asynchronous: only the newest text's result is shown.
    const sequence = ++this.sequence;
    const expanded = await expandForPreview(this.document.getText(), await dataTextOf(this.document).catch(() => undefined));
    if (sequence !== this.sequence) {
      return;
    }
    const problems: PreviewProblem[] = vscode.languages.getDiagnostics(this.document.uri).map((d) => ({ severity: SEVERITY[d.severity], message: d.message, line: d.range.start.line + 1 }));
    const message: PreviewCardMessage = {
      type: 'card',
      fileName: path.basename(this.document.fileName),
      problems,
      ...(expanded.ok ? { cardJson: JSON.stringify(expanded.card) } : { error: expanded.error }),
    };
    void this.panel.webview.postMessage(message);
  }
}

export function registerCardPreview(extensionUri: vscode.Uri): vscode.Disposable {
  let current: CardPreviewPanel | undefined;
  const updateContext = (editor: vscode.TextEditor | undefined): void => {
    void vscode.commands.executeCommand('setContext', CARD_JSON_CONTEXT, editor !== undefined && isCardDocument(editor.document));
  };
  updateContext(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.commands.registerCommand(PREVIEW_CARD_COMMAND, (uri?: vscode.Uri) => {
      const document = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a card file (*.card.json) to preview it.'));
        return;
      }
      if (!current) {
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Card Preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
        current = new CardPreviewPanel(panel, document, extensionUri, () => (current = undefined));
      }
      current.show(document);
    }),
  );
}
