/**
 * The response documents Send Request opens beside the request file: read-only, from a content
 * provider of our own scheme, each with what Next page, Copy as curl and Save need (the request as
 * sent, minus the token which it never held, and the whole body). Bounded: the oldest are
 * forgotten, and a closed one at once.
 */
import * as vscode from 'vscode';
import type { ConsoleRequest } from '../../services/console/consoleRequest';

import { RESPONSE_SCHEME } from './consoleIds';

export { RESPONSE_SCHEME };
const KEPT = 20;

export interface ResponseRecord {
  text: string;
  /** The whole body as received (the document may show only its start). */
  body: Uint8Array;
  truncated: boolean;
  request: ConsoleRequest;
  /** The account it was sent as. */
  accountId: string;
  identity: string;
  next?: URL;
}

export class ResponseDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly records = new Map<string, ResponseRecord>();
  private count = 0;
  /**
   * Told apart from the URIs of an earlier console of this window (after the extension restarted):
   * VS Code keeps an open document by URI and would show its old text for a reused one.
   */
  private readonly instance = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.records.get(uri.toString())?.text ?? vscode.l10n.t('This response is no longer kept. Send the request again.');
  }

  get(uri: vscode.Uri): ResponseRecord | undefined {
    return this.records.get(uri.toString());
  }

  /** Keeps the record under a new URI and shows it beside the request file. */
  async open(record: ResponseRecord): Promise<vscode.TextDocument> {
    this.count += 1;
    const last = record.request.url.pathname.split('/').filter(Boolean).pop() ?? 'response';
    const uri = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${this.count} ${record.request.method} ${last}.webex-response`, query: this.instance });
    this.records.set(uri.toString(), record);
    while (this.records.size > KEPT) {
      const oldest = this.records.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.records.delete(oldest);
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
    return doc;
  }

  forget(uri: vscode.Uri): void {
    this.records.delete(uri.toString());
  }

  dispose(): void {
    this.records.clear();
    this.changed.dispose();
  }
}
