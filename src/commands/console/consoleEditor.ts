/**
 * The editor side of request files: diagnostics (the parser's and the catalog's), a CodeLens per
 * request and identity ("▶ Send as Priya Raman (you)", "Send as Deploy Bot (bot)"), completion of
 * methods, paths, query parameters and body fields, and hovers, all from src/services/console.
 * Response documents get their own CodeLenses: Next page, Copy as curl, Save.
 */
import * as vscode from 'vscode';
import { ENDPOINTS, checkRequest, endpointsOf, findEndpoint, pathOf, type CatalogEndpoint, type CatalogField } from '../../services/console/catalog';
import { METHODS, parseRequestFile, requestAt, type ParsedRequest, type Problem } from '../../services/console/requestFile';
import { CommandId } from '../commandIds';
import type { ConsoleIdentities } from './consoleIdentities';
import { RESPONSE_SCHEME, type ResponseDocuments } from './responseDocuments';
import { REQUEST_LANGUAGE } from './sendRequest';

const SELECTOR: vscode.DocumentSelector = { language: REQUEST_LANGUAGE };

function basePath(baseUrl: string): string {
  try {
    return new URL(baseUrl).pathname;
  } catch {
    return '/';
  }
}

function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const range = new vscode.Range(problem.line, problem.start, problem.line, Math.max(problem.end, problem.start + 1));
  const d = new vscode.Diagnostic(range, problem.message, problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = 'webex';
  return d;
}

function isJsonBody(request: ParsedRequest): boolean {
  const type = request.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  return type === undefined || /[/+]json\b/i.test(type);
}

/** Every problem of a request file: the parser's, then the catalog's per request. */
export function problemsOf(text: string, baseUrl: string): Problem[] {
  const file = parseRequestFile(text);
  const lines = text.split(/\r?\n/);
  const problems = [...file.problems];
  for (const request of file.requests) {
    problems.push(...checkRequest(isJsonBody(request) ? request : { ...request, body: undefined }, basePath(baseUrl), lines));
  }
  return problems;
}

function fieldDoc(field: CatalogField): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${field.name}** \`${field.type}\`${field.required ? ' — required' : ''}\n\n`);
  md.appendText(field.doc);
  if (field.enum) {
    md.appendMarkdown(`\n\nOne of: ${field.enum.map((v) => `\`${v}\``).join(', ')}`);
  }
  return md;
}

function endpointDoc(endpoints: readonly CatalogEndpoint[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  for (const e of endpoints) {
    md.appendMarkdown(`**${e.method}** \`${e.path}\` — `);
    md.appendText(e.doc);
    md.appendMarkdown('\n\n');
  }
  return md;
}

class RequestCodeLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly identities: ConsoleIdentities) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const file = parseRequestFile(doc.getText());
    const identities = await this.identities.list();
    const lenses: vscode.CodeLens[] = [];
    for (const request of file.requests) {
      const range = new vscode.Range(request.requestLine, 0, request.requestLine, 0);
      if (identities.length === 0) {
        lenses.push(new vscode.CodeLens(range, { title: vscode.l10n.t('▶ Send Request (sign in first)'), command: CommandId.sendRequest, arguments: [doc.uri, request.index] }));
      }
      for (const identity of identities) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: identity.current ? vscode.l10n.t('▶ Send as {0}', identity.label) : vscode.l10n.t('Send as {0}', identity.label),
            command: CommandId.sendRequest,
            arguments: [doc.uri, request.index, identity.current ? undefined : identity.account.id],
          }),
        );
      }
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

class ResponseCodeLenses implements vscode.CodeLensProvider {
  constructor(private readonly documents: ResponseDocuments) {}

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const record = this.documents.get(doc.uri);
    if (!record) {
      return [];
    }
    const range = new vscode.Range(0, 0, 0, 0);
    const lenses: vscode.CodeLens[] = [];
    if (record.next) {
      lenses.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Next page'), command: CommandId.requestNextPage, arguments: [doc.uri] }));
    }
    lenses.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Copy as curl'), command: CommandId.copyRequestAsCurl, arguments: [doc.uri] }));
    lenses.push(new vscode.CodeLens(range, { title: record.truncated ? vscode.l10n.t('Save Full Response…') : vscode.l10n.t('Save Response…'), command: CommandId.saveResponse, arguments: [doc.uri] }));
    return lenses;
  }
}

class RequestCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly baseUrl: () => string) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const file = parseRequestFile(doc.getText());
    const request = requestAt(file, position.line);
    const before = doc.lineAt(position.line).text.slice(0, position.character);
    if (!request || position.line < request.requestLine) {
      return /^\s*[A-Za-z]*$/.test(before) ? METHODS.map((m) => new vscode.CompletionItem(`${m} `, vscode.CompletionItemKind.Keyword)) : [];
    }
    const endpoint = findEndpoint(request.method, pathOf(request.target, basePath(this.baseUrl())));
    const onRequestLine = position.line === request.requestLine;
    const inQuery = (onRequestLine && before.includes('?')) || (!onRequestLine && /^\s*[?&]/.test(before) && position.line < (request.headers[0]?.line ?? Infinity));
    if (inQuery) {
      if (!/[?&][\w]*$/.test(before)) {
        return [];
      }
      return (endpoint?.query ?? []).map((q) => {
        const item = new vscode.CompletionItem(q.name, vscode.CompletionItemKind.Property);
        item.insertText = `${q.name}=`;
        item.detail = `${q.type}${q.required ? ', required' : ''}`;
        item.documentation = fieldDoc(q);
        return item;
      });
    }
    if (onRequestLine) {
      const word = /\S*$/.exec(before)?.[0] ?? '';
      const range = new vscode.Range(position.line, position.character - word.length, position.line, position.character);
      const paths = [...new Set(ENDPOINTS.map((e) => e.path))];
      return paths.map((path) => {
        const endpoints = ENDPOINTS.filter((e) => e.path === path);
        const item = new vscode.CompletionItem(path, vscode.CompletionItemKind.Value);
        let n = 0;
        item.insertText = new vscode.SnippetString(path.replace(/\{(\w+)\}/g, (_, name: string) => `\${${++n}:${name}}`));
        item.range = range;
        item.detail = endpoints.map((e) => e.method).join(' ');
        item.documentation = endpointDoc(endpoints);
        return item;
      });
    }
    if (request.body && position.line >= request.body.line && endpoint?.body && /^\s*"?\w*$|[{,]\s*"?\w*$/.test(before)) {
      const quoted = /"\w*$/.test(before);
      return endpoint.body.map((f) => {
        const item = new vscode.CompletionItem(f.name, vscode.CompletionItemKind.Field);
        const value = f.enum ? `"\${1|${f.enum.join(',')}|}"` : f.type === 'string' ? '"$1"' : f.type === 'boolean' ? '${1|true,false|}' : f.type === 'array' ? '[$1]' : '$1';
        item.insertText = new vscode.SnippetString(`${quoted ? '' : '"'}${f.name}": ${value}`);
        if (quoted) {
          // The typed quote is followed by an auto-closed one: replace up to and including it.
          const line = doc.lineAt(position.line).text;
          const word = /\w*$/.exec(before)?.[0] ?? '';
          const end = line[position.character] === '"' ? position.character + 1 : position.character;
          item.range = new vscode.Range(position.line, position.character - word.length, position.line, end);
        }
        item.detail = `${f.type}${f.required ? ', required' : ''}`;
        item.documentation = fieldDoc(f);
        item.sortText = `${f.required ? 0 : 1}${f.name}`;
        return item;
      });
    }
    return [];
  }
}

class RequestHovers implements vscode.HoverProvider {
  constructor(private readonly baseUrl: () => string) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const file = parseRequestFile(doc.getText());
    const request = requestAt(file, position.line);
    if (!request) {
      return undefined;
    }
    const path = pathOf(request.target, basePath(this.baseUrl()));
    const endpoint = findEndpoint(request.method, path);
    const wordRange = doc.getWordRangeAtPosition(position, /[\w$]+/);
    const word = wordRange ? doc.getText(wordRange) : '';
    if (position.line === request.requestLine) {
      const q = request.target.includes('?') ? endpoint?.query.find((f) => f.name === word) : undefined;
      if (q && position.character > doc.lineAt(position.line).text.indexOf('?')) {
        return new vscode.Hover(fieldDoc(q), wordRange);
      }
      const endpoints = endpointsOf(path);
      return endpoints.length > 0 ? new vscode.Hover(endpointDoc(endpoints)) : undefined;
    }
    if (request.body && position.line >= request.body.line && endpoint?.body) {
      const field = endpoint.body.find((f) => f.name === word);
      return field ? new vscode.Hover(fieldDoc(field), wordRange) : undefined;
    }
    return undefined;
  }
}

/** Registers the editor features; `baseUrl` is read whenever it is needed (it follows the setting). */
export function registerConsoleEditor(identities: ConsoleIdentities, documents: ResponseDocuments, baseUrl: () => string, onAccountsChanged: vscode.Event<void>): vscode.Disposable {
  const diagnostics = vscode.languages.createDiagnosticCollection('webex-request');
  const lenses = new RequestCodeLenses(identities);
  const update = (doc: vscode.TextDocument): void => {
    if (doc.languageId === REQUEST_LANGUAGE) {
      diagnostics.set(doc.uri, problemsOf(doc.getText(), baseUrl()).map(toDiagnostic));
    }
  };
  vscode.workspace.textDocuments.forEach(update);
  return vscode.Disposable.from(
    diagnostics,
    lenses,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => update(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.delete(doc.uri)),
    onAccountsChanged(() => lenses.refresh()),
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.languages.registerCodeLensProvider({ scheme: RESPONSE_SCHEME }, new ResponseCodeLenses(documents)),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new RequestCompletions(baseUrl), '/', '?', '&', '"'),
    vscode.languages.registerHoverProvider(SELECTOR, new RequestHovers(baseUrl)),
  );
}
