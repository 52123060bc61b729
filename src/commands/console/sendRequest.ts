/**
 * Send Request: the request under the cursor (or the one a CodeLens names) resolved, checked and
 * sent once as the chosen identity; the answer, whatever its status, opens beside. The token is
 * added by the client at send time and is never in the file, the response or the log.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import { buildRequest, type ConsoleRequest } from '../../services/console/consoleRequest';
import { parseRequestFile } from '../../services/console/requestFile';
import { formatResponse } from '../../services/console/responseText';
import type { StoredResponse } from '../../services/console/variables';
import type { HttpResponse } from '../../webex/client';
import type { ConsoleIdentities } from './consoleIdentities';
import type { ResponseDocuments, ResponseRecord } from './responseDocuments';

export { REQUEST_LANGUAGE } from './consoleIds';

function headerList(response: HttpResponse): Array<[string, string]> {
  const list: Array<[string, string]> = [];
  const headers = response.headers as Partial<Headers>;
  if (typeof headers.forEach === 'function') {
    headers.forEach((value, name) => list.push([name, value]));
  }
  return list;
}

export class RequestSender {
  /** Responses of named requests, per request file (REST Client keeps them per file too). */
  private readonly named = new Map<string, Map<string, StoredResponse>>();

  constructor(
    private readonly services: ExtensionServices,
    private readonly identities: ConsoleIdentities,
    private readonly documents: ResponseDocuments,
    private readonly baseUrl: () => string,
  ) {}

  /** Sends request `index` of `doc` (default: the one at the cursor) as `accountId` (default: you). */
  async sendFromDocument(doc: vscode.TextDocument, index: number | undefined, accountId: string | undefined): Promise<vscode.TextDocument | undefined> {
    const file = parseRequestFile(doc.getText());
    const line = vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor.selection.active.line : 0;
    const parsed = index !== undefined ? file.requests[index] : (file.requests.find((r) => line >= r.firstLine && line <= r.lastLine) ?? file.requests[0]);
    if (!parsed) {
      void this.services.prompts.notify('warning', vscode.l10n.t('There is no request here to send. Write one such as "GET /rooms?max=10".'));
      return undefined;
    }
    const blocking = file.problems.filter((p) => p.severity === 'error' && p.line >= parsed.firstLine && p.line <= parsed.lastLine);
    if (blocking.length > 0) {
      void this.services.prompts.notify('error', vscode.l10n.t('Not sent: {0}', blocking.map((p) => p.message).join(' ')));
      return undefined;
    }
    const key = doc.uri.toString();
    const built = buildRequest(parsed, { variables: file.variables, responses: this.named.get(key) ?? new Map() }, this.baseUrl());
    if (!built.ok) {
      void this.services.prompts.notify('error', vscode.l10n.t('Not sent: {0}', built.errors.join(' ')));
      return undefined;
    }
    return this.send(built.request, accountId, key);
  }

  /** Sends a built request and opens its response; `fileKey` keeps a named request's answer for that file. */
  async send(request: ConsoleRequest, accountId: string | undefined, fileKey?: string): Promise<vscode.TextDocument | undefined> {
    const target = await this.identities.clientOf(accountId);
    if (!target) {
      if (accountId !== undefined) {
        void this.services.prompts.notify('error', vscode.l10n.t('That account is no longer signed in; the request was not sent.'));
      }
      return undefined;
    }
    const started = performance.now();
    let response: HttpResponse;
    try {
      response = await target.client.exchange({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        text: request.body,
      });
    } catch (error) {
      this.services.errors.show(error, `${request.method} ${request.url.pathname} got no answer`);
      return undefined;
    }
    const durationMs = performance.now() - started;
    const headers = headerList(response);
    const shown = formatResponse({ method: request.method, url: request.url, status: response.status, headers, body: response.body, durationMs, identity: target.identity.label });
    if (request.name !== undefined && fileKey !== undefined) {
      const stored = this.named.get(fileKey) ?? new Map<string, StoredResponse>();
      stored.set(request.name, { status: response.status, headers, body: new TextDecoder().decode(response.body) });
      this.named.set(fileKey, stored);
    }
    const record: ResponseRecord = {
      text: shown.text,
      body: response.body,
      truncated: shown.truncated,
      request,
      accountId: target.identity.account.id,
      identity: target.identity.label,
      next: shown.next,
    };
    return this.documents.open(record);
  }

  /** Follows a response's `Link: rel="next"` as the same identity. */
  async nextPage(record: ResponseRecord): Promise<vscode.TextDocument | undefined> {
    if (!record.next) {
      void this.services.prompts.notify('info', vscode.l10n.t('This response has no next page (no Link: rel="next").'));
      return undefined;
    }
    const headers = record.request.headers.filter(([name]) => name.toLowerCase() !== 'content-type');
    return this.send({ method: 'GET', url: record.next, headers }, record.accountId);
  }

  forgetFile(uri: vscode.Uri): void {
    this.named.delete(uri.toString());
  }
}
