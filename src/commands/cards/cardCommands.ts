/**
 * **Send Card to Space** and **New Card**. Send Card reads the card as the editor has it (unsaved
 * edits included), expands it with its sibling `<name>.data.json`, checks the result against
 * Webex's rules (errors stop it, warnings ask) and posts it through the commands' one outbox
 * (posting.ts `postOnce`), so a post Webex did not confirm is looked for before it goes again.
 */
import * as vscode from 'vscode';
import { loadCardTools } from './cardToolsLoader';
import type { ExtensionServices } from '../../extensionServices';
import type { WebexClient } from '../../webex/client';
import type { Room } from '../../webex/types';
import type { MessageCreateParams } from '../../webex/messages';
import type { AccountInfo } from '../../services/accounts/accountRecords';
import type { CardProblem } from '../../services/cards/cardRules';
import type { CardStarter } from '../../services/cards/starters';
import { CARD_CONTENT_TYPE, dataFileNameOf } from '../../services/cards/cardFacts';
import { CommandId } from '../commandIds';
import { postOnce } from '../posting';
import { pickSpace, roomFromArgument } from '../targets';
import { refreshAfterPosting } from '../messageCommands';
import { isCardDocument } from './cardDiagnostics';

export const SEND_ANYWAY = 'Send Anyway';
export const SHOW_PROBLEMS = vscode.l10n.t('Show Problems');
const RETRY = 'Retry';

/** A card ready to post: the expanded card and its fallback text. */
interface ReadyCard {
  content: Record<string, unknown>;
  fallback: string | undefined;
}

export function registerCardCommands(services: ExtensionServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.sendCard, (arg?: unknown, room?: unknown) => sendCard(services, arg, room)),
    vscode.commands.registerCommand(CommandId.newCard, () => newCard(services)),
  );
}

/** `arg`: the card file's Uri (editor title, context menus), else the active editor's document. */
async function sendCard(services: ExtensionServices, arg: unknown, roomArg: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : undefined;
  if (!document || !isCardDocument(document)) {
    void services.prompts.notify('error', vscode.l10n.t('Open an Adaptive Card file (*.card.json) to send it.'));
    return;
  }
  const card = await readyCard(services, document);
  if (!card) {
    return;
  }
  const current = await services.session.requireClient();
  const identity = current && (await pickIdentity(services, current));
  if (!identity) {
    return;
  }
  let room: Room | undefined;
  try {
    room =
      (await roomFromArgument(services, identity.client, roomArg)) ??
      (identity.isCurrent ? await pickSpace(services, { title: vscode.l10n.t('Send Card to…') }) : await pickSpaceOf(services, identity));
  } catch (error) {
    services.errors.show(error, `Could not load the spaces of ${identity.name}`);
    return;
  }
  if (room) {
    await post(services, identity.client, room, card);
  }
}

/** Who posts the card: the current account, or another one signed in for this cloud (a bot, typically). */
interface Identity {
  client: WebexClient;
  name: string;
  isCurrent: boolean;
}

interface IdentityItem extends vscode.QuickPickItem {
  account: AccountInfo;
}

/** Asks who sends when more than one account is signed in for this cloud (the current one first). */
async function pickIdentity(services: ExtensionServices, current: WebexClient): Promise<Identity | undefined> {
  const me = services.session.account;
  const others = (await services.session.accounts()).filter((a) => a.id !== me?.id);
  if (!me || others.length === 0) {
    return me ? { client: current, name: me.displayName, isCurrent: true } : undefined;
  }
  const items: IdentityItem[] = [me, ...others].map((account) => ({
    label: account.displayName,
    description: [account.email, account.personType === 'bot' ? vscode.l10n.t('bot') : undefined, account.id === me.id ? vscode.l10n.t('signed in now') : undefined].filter(Boolean).join(' · '),
    iconPath: new vscode.ThemeIcon(account.personType === 'bot' ? 'hubot' : 'account'),
    account,
  }));
  const chosen = await services.prompts.pick(items, { title: vscode.l10n.t('Send Card as…'), placeHolder: vscode.l10n.t('Who posts the card') });
  if (!chosen) {
    return undefined;
  }
  if (chosen.account.id === me.id) {
    return { client: current, name: me.displayName, isCurrent: true };
  }
  const client = await services.session.clientOf(chosen.account);
  if (!client) {
    void services.prompts.notify('error', vscode.l10n.t('{0} is no longer signed in: sign in with its token again to send as it.', chosen.account.displayName));
    return undefined;
  }
  return { client, name: chosen.account.displayName, isCurrent: false };
}

/** The most recently active spaces another identity is in (its own list: a bot sees only its spaces). */
async function pickSpaceOf(services: ExtensionServices, identity: Identity): Promise<Room | undefined> {
  const rooms = (async () => {
    const out: Room[] = [];
    for await (const room of identity.client.rooms.list({ sortBy: 'lastactivity', max: 100 })) {
      out.push(room);
      if (out.length >= MAX_LISTED_SPACES) {
        break;
      }
    }
    return out.map((room) => ({ label: room.title, description: room.type === 'direct' ? vscode.l10n.t('direct') : undefined, room }));
  })();
  const chosen = await services.prompts.pick(rooms, { title: vscode.l10n.t('Send Card as {0} to…', identity.name), placeHolder: vscode.l10n.t('Type to search the spaces of {0}', identity.name) });
  return chosen?.room;
}

/** Enough spaces to pick from without loading a bot's whole list. */
const MAX_LISTED_SPACES = 1000;

/** The card expanded and checked; undefined (after telling the user why) when it must not be sent. */
async function readyCard(services: ExtensionServices, document: vscode.TextDocument): Promise<ReadyCard | undefined> {
  const { checkCardText, expandCardTemplate, cardFallbackText } = await loadCardTools();
  const text = document.getText();
  const asWritten = checkCardText(text);
  if (asWritten.card === undefined) {
    await refuse(services, asWritten.problems);
    return undefined;
  }
  const expanded = await expandCardTemplate(text, await dataTextOf(document));
  if ('error' in expanded) {
    void services.prompts.notify('error', vscode.l10n.t('The card was not sent. {0}', expanded.error));
    return undefined;
  }
  // The rules again on what would be posted: a template's `$data` may repeat inputs, for example.
  const { problems } = checkCardText(JSON.stringify(expanded.card, null, 2));
  if (problems.some((p) => p.severity === 'error')) {
    await refuse(services, problems.filter((p) => p.severity === 'error'));
    return undefined;
  }
  if (problems.length > 0) {
    const send = await services.prompts.confirm(vscode.l10n.t('The card has {0}. Send it anyway?', (problems.length === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', problems.length))), {
      detail: listed(problems),
      action: SEND_ANYWAY,
    });
    if (!send) {
      return undefined;
    }
  }
  return { content: expanded.card as Record<string, unknown>, fallback: cardFallbackText(expanded.card) };
}

async function refuse(services: ExtensionServices, problems: CardProblem[]): Promise<void> {
  const choice = await services.prompts.notify('error', vscode.l10n.t('The card was not sent: {0} to fix. {1}', (problems.length === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', problems.length)), listed(problems)), SHOW_PROBLEMS);
  if (choice === SHOW_PROBLEMS) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}

/** The text of the sibling `<name>.data.json` (as open in an editor, else on disk), or undefined when there is none. */
export async function dataTextOf(document: vscode.TextDocument): Promise<string | undefined> {
  const name = dataFileNameOf(document.uri.path.split('/').pop() ?? '');
  if (!name || document.isUntitled) {
    return undefined;
  }
  const dataUri = vscode.Uri.joinPath(document.uri, '..', name);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === dataUri.toString());
  if (open) {
    return open.getText();
  }
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(dataUri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
      return undefined;
    }
    throw error;
  }
}

/** Posts once; a failure offers Retry (the outbox looks for an unconfirmed post before it goes again). */
async function post(services: ExtensionServices, client: WebexClient, room: Room, card: ReadyCard): Promise<void> {
  const params: MessageCreateParams = {
    roomId: room.id,
    // The fallback for clients without cards (../shared/webex/WEBEX_API_NOTES.md §9a); a TextBlock's text is Markdown-ish.
    markdown: card.fallback,
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: card.content }],
  };
  for (;;) {
    try {
      const outcome = await postOnce(services, client, params, { progress: `Sending the card to ${room.title}…`, destinationName: room.title });
      if (outcome) {
        refreshAfterPosting(services);
        void services.prompts.notify('info', vscode.l10n.t('Card sent to {0}.', room.title));
      }
      return;
    } catch (error) {
      if ((await services.errors.offer(error, `Could not send the card to ${room.title}`, RETRY)) !== RETRY) {
        return;
      }
    }
  }
}

interface StarterItem extends vscode.QuickPickItem {
  starter: CardStarter;
}

/** Opens a starting point as an untitled `<name>.card.json` (in the first workspace folder when there is one). */
async function newCard(services: ExtensionServices): Promise<void> {
  const { CARD_STARTERS, starterText } = await loadCardTools();
  const items: StarterItem[] = CARD_STARTERS.map((starter) => ({ label: starter.label, description: starter.description, starter }));
  const chosen = await services.prompts.pick(items, { title: vscode.l10n.t('New Card'), placeHolder: vscode.l10n.t('Start from…') });
  if (!chosen) {
    return;
  }
  const uri = await freeUntitledUri(chosen.starter.fileStem);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), starterText(chosen.starter)));
  if (editor.document.languageId !== 'json') {
    await vscode.languages.setTextDocumentLanguage(editor.document, 'json');
  }
}

/** An untitled Uri whose path ends in `<stem>.card.json` (so the schema applies) and names no file that exists. */
async function freeUntitledUri(stem: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}.card.json`;
    const candidate = folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.from({ scheme: 'untitled', path: name });
    const taken = vscode.workspace.textDocuments.some((d) => d.uri.path === candidate.path) || (folder !== undefined && (await exists(candidate)));
    if (!taken) {
      return candidate.with({ scheme: 'untitled' });
    }
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function listed(problems: CardProblem[]): string {
  return problems.map((p, i) => `${i + 1}) ${p.message}`).join(' ');
}

