/**
 * Wires the layers together (webex → services → UI, enforced by lint). activate() only builds objects and registers:
 * no network, no secret reads (the session reads its secret when a view or command first needs it).
 */
// First: the translations, before any module builds a string.
import './config/l10n';
import * as vscode from 'vscode';
import type { ExtensionServices } from './extensionServices';
import { WebexSession } from './auth/session';
import { registerAuthProvider } from './auth/authProvider';
import { clientFactory } from './config/clientFactory';
import { WindowPrompts } from './commands/prompts';
import { ScriptedPrompts } from './commands/scriptedPrompts';
import { WindowErrorReporter } from './commands/errorReporter';
import { registerSessionCommands } from './commands/sessionCommands';
import { registerAccountCommands } from './auth/accounts/accountCommands';
import { ScriptedBrowser } from './auth/oauth/scriptedBrowser';
import { SpacesStore } from './services/sidebar/spacesStore';
import { MembersStore } from './services/sidebar/membersStore';
import { SpaceSelection } from './services/sidebar/selection';
import { registerViews, type SidebarViews } from './views/registerViews';
import { registerWebhooks, type WebhookTools } from './views/webhooks/registerWebhooks';
import { registerConsoleLoader } from './commands/console/consoleLoader';
import { registerSpaceCommands } from './commands/spaceCommands';
import { registerMemberCommands } from './commands/memberCommands';
import { registerMessageCommands } from './commands/messageCommands';
import { registerShareCommands } from './commands/shareCommands';
import { registerConversationWebview } from './webviews/conversation/conversationWebview';
import { registerCardPreview } from './webviews/cards/cardPreview';
import { createLiveUpdates, registerLiveUpdates } from './commands/liveCommands';
import { SettledStorage } from './services/storage/settledStorage';
import { PostOutbox } from './services/outbox/postOutbox';
import { registerCardDiagnostics } from './commands/cards/cardDiagnostics';
import { registerCardCommands } from './commands/cards/cardCommands';

/** What activate() returns. `testing` exists only when WEBEX_TEST=1 (the client holds the token). */
export interface WebexExtensionApi {
  /** `browser`: the OAuth sign-in's browser, scripted (a test plays the consent page over HTTP). */
  testing?: { services: ExtensionServices; prompts: ScriptedPrompts; views: SidebarViews; browser: ScriptedBrowser; webhooks: WebhookTools };
}

export function activate(context: vscode.ExtensionContext): WebexExtensionApi {
  const testing = process.env.WEBEX_TEST === '1';
  const log = vscode.window.createOutputChannel('Webex', { log: true });
  const scripted = testing ? new ScriptedPrompts() : undefined;
  const prompts = scripted ?? new WindowPrompts();
  const errors = new WindowErrorReporter(log, prompts);
  const browser = testing ? new ScriptedBrowser() : undefined;
  const createClient = clientFactory(log);
  const session = new WebexSession(context.secrets, log, prompts, errors, createClient, browser && ((url) => browser.open(url)));
  const spaces = new SpacesStore({ getClient: () => session.client });
  const members = new MembersStore(() => session.client);
  const selection = new SpaceSelection();
  // Builds only; live updates start a moment after activation (registerLiveUpdates).
  // globalState as this window last wrote it (VS Code can lose a quick second update: settledStorage.ts).
  const state = new SettledStorage(context.globalState, {
    onRepair: (key, attempt) => log.warn(`Storage: an update of ${key.split('/')[0]} was undone by VS Code; written again (${attempt})`),
  });
  const live = createLiveUpdates({ context, state, session, spaces, selection, prompts, log });
  context.subscriptions.push(log, session, spaces, members, selection);

  const outbox = new PostOutbox();
  // Another account (sign-out, another window, another cloud): nothing cached may leak across.
  context.subscriptions.push(
    session.onDidChangeAccount(() => {
      outbox.clear();
      selection.clear();
      members.clear();
      spaces.clear();
    }),
  );

  const services: ExtensionServices = { context, state, log, session, spaces, members, errors, prompts, selection, live, outbox };
  const views = registerViews(services);
  const webhooks = registerWebhooks(services);
  context.subscriptions.push(
    registerAuthProvider(session),
    views,
    webhooks,
    registerConsoleLoader(services, session, createClient),
    registerSessionCommands(services, session),
    registerAccountCommands(prompts, session),
    registerSpaceCommands(services),
    registerMemberCommands(services),
    registerMessageCommands(services),
    registerShareCommands(services),
    registerConversationWebview(services),
    registerCardPreview(context.extensionUri),
    registerLiveUpdates(services, views.spacesView),
    registerCardDiagnostics(),
    registerCardCommands(services),
  );
  return scripted && browser ? { testing: { services, prompts: scripted, views, browser, webhooks } } : {};
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
