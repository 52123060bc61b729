/**
 * The webhooks part of the developer workbench: the Webhooks and Webhook Events views, the
 * receiver, the secrets and their commands, built once in activate() (nothing runs until used).
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import { WebhookInbox } from '../../services/webhooks/webhookInbox';
import { registerWebhookCommands } from '../../commands/webhookCommands';
import { WebhookListener, registerWebhookEventCommands } from '../../commands/webhookListener';
import { WebhookSecrets } from '../../commands/webhookSecrets';
import { registerLiveEventCommands } from '../../commands/webhookLiveEvents';
import type { TreeNode } from '../treeNode';
import { EventsProvider } from './eventsProvider';
import { WebhooksProvider } from './webhooksProvider';

/** What integration tests reach through the testing API. */
export interface WebhookTools extends vscode.Disposable {
  readonly provider: WebhooksProvider;
  readonly events: EventsProvider;
  readonly inbox: WebhookInbox;
  readonly listener: WebhookListener;
  readonly webhooksView: vscode.TreeView<TreeNode>;
  readonly eventsView: vscode.TreeView<TreeNode>;
}

export function registerWebhooks(services: ExtensionServices): WebhookTools {
  const secrets = new WebhookSecrets(services.context.secrets);
  const inbox = new WebhookInbox(() => secrets.all());
  const provider = new WebhooksProvider(services);
  const events = new EventsProvider(inbox);
  const listener = new WebhookListener(services, inbox, secrets);
  const webhooksView = vscode.window.createTreeView('webex.webhooks', { treeDataProvider: provider });
  const eventsView = vscode.window.createTreeView('webex.webhookEvents', { treeDataProvider: events });
  // Set only when they change: a flood of events must not send the window one update per event.
  let shown: string | undefined = '';
  const describe = (): void => {
    const description = listener.url ? `listening on ${listener.url}` : undefined;
    if (description !== shown) {
      shown = description;
      eventsView.description = description;
    }
  };
  const disposables: vscode.Disposable[] = [
    provider,
    events,
    webhooksView,
    eventsView,
    inbox,
    listener.onDidChange(describe),
    // Another identity: other webhooks, other secrets.
    services.session.onDidChange(() => {
      secrets.clear();
      if (listener.url) {
        void listener.loadSecrets();
      }
    }),
    registerWebhookCommands({ services, provider, secrets, listener }),
    registerWebhookEventCommands(services, listener, inbox, secrets),
    registerLiveEventCommands(services, inbox),
  ];
  return {
    provider,
    events,
    inbox,
    listener,
    webhooksView,
    eventsView,
    dispose: () => {
      for (const d of disposables) {
        d.dispose();
      }
    },
  };
}
