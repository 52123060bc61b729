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
  const describe = (): void => {
    eventsView.description = listener.url ? `listening on ${listener.url}` : undefined;
    const dropped = inbox.log.dropped;
    eventsView.message = dropped > 0 ? `${dropped} older events dropped; the newest ${inbox.log.capacity} are kept.` : undefined;
  };
  const disposables: vscode.Disposable[] = [
    provider,
    events,
    webhooksView,
    eventsView,
    inbox,
    listener.onDidChange(describe),
    inbox.log.onDidChange(describe),
    // Another identity: other webhooks, other secrets.
    services.session.onDidChange(() => {
      secrets.clear();
      if (listener.url) {
        void listener.loadSecrets();
      }
    }),
    registerWebhookCommands({ services, provider, secrets, listener }),
    registerWebhookEventCommands(services, listener, inbox, secrets),
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
