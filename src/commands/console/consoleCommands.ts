/**
 * The API console's commands: Send Request, New API Request, a response's Next page, Copy as curl
 * and Save, and from the sidebar Copy ID and Open in API Console, with the editor features of
 * request files. Bundled apart (dist/console.js) and loaded by consoleLoader.ts the first time a
 * console command runs or a request file opens, so it costs the extension's bundle and activation
 * nothing.
 */
// First: this bundle's own copy of @vscode/l10n reads the extension's translations.
import '../../config/l10n';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import type { ClientFactory } from '../../config/clientFactory';
import { toCurl } from '../../services/console/curl';
import { CommandId } from '../commandIds';
import { ConsoleIdentities, type ConsoleSession } from './consoleIdentities';
import { registerConsoleEditor } from './consoleEditor';
import { RESPONSE_SCHEME, ResponseDocuments, type ResponseRecord } from './responseDocuments';
import { REQUEST_LANGUAGE, RequestSender } from './sendRequest';

/** The loaded console: the loader's registered commands call `run`. */
export interface ConsoleFeature extends vscode.Disposable {
  run(command: string, args: unknown[]): unknown;
}

type Handler = (...args: unknown[]) => unknown;

/** A sidebar item the console knows: its kind, id and name (SpaceNode, TeamNode, MemberNode). */
interface SidebarItem {
  kind: 'room' | 'team' | 'person';
  id: string;
  name: string;
}

export function sidebarItemOf(arg: unknown): SidebarItem | undefined {
  const node = arg as { room?: { id: string; title: string }; team?: { id: string; name: string }; membership?: { personId: string; personDisplayName?: string; personEmail: string } } | undefined;
  if (node?.room) {
    return { kind: 'room', id: node.room.id, name: node.room.title };
  }
  if (node?.team) {
    return { kind: 'team', id: node.team.id, name: node.team.name };
  }
  if (node?.membership) {
    return { kind: 'person', id: node.membership.personId, name: node.membership.personDisplayName || node.membership.personEmail };
  }
  return undefined;
}

const PATHS: Record<SidebarItem['kind'], string> = { room: '/rooms', team: '/teams', person: '/people' };

/** The starter file of New API Request; `createSpace` starts with the tutorial's first request. */
export function starterText(kind: 'default' | 'createSpace'): string {
  const intro = [
    '# Webex API console. Click "▶ Send" above a request (or run Webex: Send Request with the cursor in it).',
    '# Paths are relative to webex.apiBaseUrl. The token is added when sending; never write it here.',
    '# Requests are separated by ###; "# @name x" lets later requests use {{x.response.body.id}}.',
    '',
  ];
  const create = ['# @name createRoom', 'POST /rooms', 'Content-Type: application/json', '', '{', '  "title": "My first space from VS Code"', '}', '', '###', '', '# The space just created', 'GET /rooms/{{createRoom.response.body.id}}', ''];
  const list = ['@max = 10', '', 'GET /rooms?max={{max}}&sortBy=lastactivity', ''];
  return [...intro, ...(kind === 'createSpace' ? [...create, '###', '', ...list] : [...list, '###', '', ...create])].join('\n');
}

let requestFiles = 0;

/**
 * Opens `content` as an untitled `request-N.webex` whose name this window has not used yet. An
 * anonymous "Untitled-N" is reused as soon as its editor closes, and for a moment after that
 * `openTextDocument({ content })` can answer the closed document, old text and all.
 */
async function openRequestFile(content: string): Promise<vscode.TextEditor> {
  let uri: vscode.Uri;
  do {
    requestFiles += 1;
    uri = vscode.Uri.from({ scheme: 'untitled', path: `request-${requestFiles}.webex` });
  } while (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== REQUEST_LANGUAGE) {
    doc = await vscode.languages.setTextDocumentLanguage(doc, REQUEST_LANGUAGE);
  }
  const editor = await vscode.window.showTextDocument(doc);
  const start = new vscode.Position(0, 0);
  await editor.edit((edit) => edit.insert(start, content));
  // As a document opened with its content would: the cursor at the top, in the first request,
  // not after the inserted text (where Send Request would pick the last one).
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start));
  return editor;
}

function isTextDocument(value: unknown): value is vscode.TextDocument {
  return typeof value === 'object' && value !== null && 'uri' in value && 'getText' in value && typeof (value as { getText: unknown }).getText === 'function';
}

function recordOf(documents: ResponseDocuments, arg: unknown): ResponseRecord | undefined {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === RESPONSE_SCHEME ? documents.get(uri) : undefined;
}

export function createConsole(services: ExtensionServices, session: ConsoleSession, createClient: ClientFactory): ConsoleFeature {
  const identities = new ConsoleIdentities(session, createClient);
  const documents = new ResponseDocuments();
  const sender = new RequestSender(services, identities, documents, () => session.apiBaseUrl);
  const gone = (): void => void services.prompts.notify('info', vscode.l10n.t('This response is no longer kept; send the request again.'));
  const disposables: vscode.Disposable[] = [
    identities,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, documents),
    session.onDidChangeAccounts(() => identities.reset()),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === RESPONSE_SCHEME) {
        documents.forget(doc.uri);
      } else if (doc.languageId === REQUEST_LANGUAGE) {
        sender.forgetFile(doc.uri);
      }
    }),
    registerConsoleEditor(identities, documents, () => session.apiBaseUrl, (listener) => vscode.Disposable.from(session.onDidChangeAccounts(listener), session.onDidChange(listener))),
  ];
  const handlers: Record<string, Handler> = {
    [CommandId.sendRequest]: async (uri?: unknown, index?: unknown, accountId?: unknown) => {
      // A document itself (from code in this extension host) is taken as it is: an untitled URI is
      // reused once its editor closes, and openTextDocument may still answer the closed one.
      const doc = isTextDocument(uri)
        ? uri
        : uri instanceof vscode.Uri
          ? await vscode.workspace.openTextDocument(uri)
          : vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== REQUEST_LANGUAGE) {
        void services.prompts.notify('info', vscode.l10n.t('Open a Webex request file (*.webex) to send a request; Webex: New API Request starts one.'));
        return undefined;
      }
      return sender.sendFromDocument(doc, typeof index === 'number' ? index : undefined, typeof accountId === 'string' ? accountId : undefined);
    },
    // Answers the new document (what the walkthrough and tests go on with).
    [CommandId.newRequest]: async (kind?: unknown) => (await openRequestFile(starterText(kind === 'createSpace' ? 'createSpace' : 'default'))).document,
    [CommandId.requestNextPage]: (arg?: unknown) => {
      const record = recordOf(documents, arg);
      return record ? sender.nextPage(record) : gone();
    },
    [CommandId.copyRequestAsCurl]: async (arg?: unknown) => {
      const record = recordOf(documents, arg);
      if (!record) {
        return gone();
      }
      await vscode.env.clipboard.writeText(toCurl(record.request));
      void services.prompts.notify('info', vscode.l10n.t('Copied as curl. It reads the token from $WEBEX_TOKEN: set that in your shell first.'));
    },
    [CommandId.saveResponse]: async (arg?: unknown) => {
      const record = recordOf(documents, arg);
      if (!record) {
        return gone();
      }
      const json = record.body.length > 0 && (record.body[0] === 0x7b || record.body[0] === 0x5b);
      const target = await vscode.window.showSaveDialog({ title: vscode.l10n.t('Save the Response Body'), filters: json ? { JSON: ['json'] } : { 'All files': ['*'] } });
      if (target) {
        await vscode.workspace.fs.writeFile(target, record.body);
      }
    },
    [CommandId.copyId]: async (arg?: unknown) => {
      const item = sidebarItemOf(arg);
      if (item) {
        await vscode.env.clipboard.writeText(item.id);
        void services.prompts.notify('info', vscode.l10n.t('Copied the id of {0}.', item.name));
      }
    },
    [CommandId.openInApiConsole]: async (arg?: unknown) => {
      const item = sidebarItemOf(arg);
      if (!item) {
        await openRequestFile(starterText('default'));
        return;
      }
      // The name goes into a comment only; a line break in it must not start a request.
      const name = item.name.replace(/[\r\n]+/g, ' ');
      await openRequestFile([`# ${name}`, `GET ${PATHS[item.kind]}/${item.id}`, ''].join('\n'));
    },
  };
  return {
    run: (command, args) => handlers[command]?.(...args),
    dispose: () => {
      for (const d of disposables) {
        d.dispose();
      }
    },
  };
}
