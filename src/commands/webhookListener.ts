/**
 * Listen for Webhooks: the receiver on 127.0.0.1 in the extension host, and what can be done with an
 * event it got: Open Raw Request (headers and pretty-printed body in a read-only editor), Fetch
 * Resource (the message, membership or space as the signed-in identity) and Replay (the same bytes
 * to a URL, signed again). Read-only documents come from a content provider of our own scheme.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { ReceiverError, WebhookReceiver } from '../services/webhooks/receiver';
import { replayDelivery } from '../services/webhooks/replay';
import { rawRequestText, resourcePath, type WebhookEventEntry, type WebhookInbox } from '../services/webhooks/webhookInbox';
import { checkTargetUrl } from '../webex/webhooks';
import type { EventNode } from '../views/webhooks/eventsProvider';
import { OPEN_EVENT_COMMAND } from '../views/webhooks/eventsProvider';
import type { WebhookSecrets } from './webhookSecrets';
import { CommandId } from './commandIds';

export const RECEIVER_PORT_SETTING = 'webex.webhooks.receiverPort';
export const DEFAULT_RECEIVER_PORT = 8787;
export const DOCUMENT_SCHEME = 'webex-webhook';

/** The read-only documents: one per raw request or fetched resource, kept while open. */
class WebhookDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This document is no longer available.';
  }

  async open(path: string, text: string, language?: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: DOCUMENT_SCHEME, path });
    this.texts.set(uri.toString(), text);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (language !== undefined) {
      doc = await vscode.languages.setTextDocumentLanguage(doc, language);
    }
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }
}

export class WebhookListener implements vscode.Disposable {
  private receiver: WebhookReceiver | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly services: ExtensionServices,
    private readonly inbox: WebhookInbox,
    private readonly secrets: WebhookSecrets,
  ) {}

  /** The receiver's URL while listening. */
  get url(): string | undefined {
    return this.receiver?.url;
  }

  /** Starts the receiver (once); shows a clear message when the port is taken. */
  async start(): Promise<string | undefined> {
    if (this.receiver) {
      void this.services.prompts.notify('info', vscode.l10n.t('Already listening for webhooks on {0}', this.receiver.url));
      return this.receiver.url;
    }
    const port = readPort();
    try {
      this.receiver = await WebhookReceiver.start(port, (request) => {
        const entry = this.inbox.receive(request);
        const v = entry.verification;
        this.services.log.info(`Webhook event ${entry.envelope?.resource ?? '?'}/${entry.envelope?.event ?? '?'}: ${v.verified ? 'verified' : `not verified (${v.reason})`}`);
      });
    } catch (error) {
      const message = error instanceof ReceiverError ? error.message : `Could not listen for webhooks: ${String(error)}`;
      void this.services.prompts.notify('error', message);
      return undefined;
    }
    await this.loadSecrets();
    this.services.log.info(`Listening for webhooks on ${this.receiver.url}`);
    void vscode.commands.executeCommand('setContext', 'webex:listeningForWebhooks', true);
    this.changed.fire();
    void this.services.prompts.notify('info', vscode.l10n.t('Listening for webhooks on {0} (this machine only).', this.receiver.url));
    return this.receiver.url;
  }

  async stop(): Promise<void> {
    const receiver = this.receiver;
    this.receiver = undefined;
    if (receiver) {
      await receiver.close();
      this.services.log.info('Stopped listening for webhooks');
    }
    void vscode.commands.executeCommand('setContext', 'webex:listeningForWebhooks', false);
    this.changed.fire();
  }

  /** The secrets of the signed-in identity's webhooks, for verification. */
  async loadSecrets(): Promise<void> {
    const { session } = this.services;
    await session.ready();
    const client = session.client;
    const account = session.account;
    if (!client || !account) {
      return;
    }
    try {
      await this.secrets.load(account.id, await client.webhooks.list().toArray());
    } catch (error) {
      this.services.log.warn(`Could not list webhooks to load their secrets: ${String(error)}`);
    }
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }
}

function readPort(): number {
  const value = vscode.workspace.getConfiguration().get<number>(RECEIVER_PORT_SETTING, DEFAULT_RECEIVER_PORT);
  return Number.isInteger(value) && value >= 0 && value <= 65535 ? value : DEFAULT_RECEIVER_PORT;
}

function entryOf(arg: unknown): WebhookEventEntry | undefined {
  const node = arg as Partial<EventNode> | undefined;
  return node?.entry;
}

/** Fetches what an event names, as the signed-in identity (the envelope's data carries ids only: developer.webex.com/docs/api/guides/webhooks). */
async function fetchResource(services: ExtensionServices, entry: WebhookEventEntry): Promise<unknown> {
  const client = await services.session.requireClient();
  const envelope = entry.envelope;
  const path = envelope ? resourcePath(envelope) : undefined;
  const id = envelope && typeof envelope.data.id === 'string' ? envelope.data.id : undefined;
  if (!client || !envelope || path === undefined || id === undefined) {
    return undefined;
  }
  switch (envelope.resource) {
    case 'messages':
      return client.messages.get(id);
    case 'memberships':
      return client.memberships.get(id);
    case 'rooms':
      return client.rooms.get(id);
    default:
      return undefined;
  }
}

export function registerWebhookEventCommands(
  services: ExtensionServices,
  listener: WebhookListener,
  inbox: WebhookInbox,
  secrets: WebhookSecrets,
): vscode.Disposable {
  const documents = new WebhookDocuments();
  // Each fetch is a document of its own: VS Code keeps an open document's text for its URI.
  let fetches = 0;
  return vscode.Disposable.from(
    listener,
    vscode.workspace.registerTextDocumentContentProvider(DOCUMENT_SCHEME, documents),
    vscode.workspace.onDidCloseTextDocument((doc) => doc.uri.scheme === DOCUMENT_SCHEME && documents.forget(doc.uri)),
    vscode.commands.registerCommand(CommandId.listenForWebhooks, () => listener.start()),
    vscode.commands.registerCommand(CommandId.stopListeningForWebhooks, () => listener.stop()),
    vscode.commands.registerCommand(CommandId.clearWebhookEvents, () => inbox.log.clear()),
    vscode.commands.registerCommand(OPEN_EVENT_COMMAND, async (arg?: unknown) => {
      const entry = entryOf(arg);
      if (entry) {
        await documents.open(`/event-${entry.seq}.http`, rawRequestText(entry));
      }
    }),
    vscode.commands.registerCommand(CommandId.fetchWebhookResource, async (arg?: unknown) => {
      const entry = entryOf(arg);
      if (!entry) {
        return;
      }
      try {
        const resource = await fetchResource(services, entry);
        if (resource === undefined) {
          void services.prompts.notify('info', vscode.l10n.t('This event names nothing that can be fetched here.'));
          return;
        }
        fetches += 1;
        await documents.open(`/event-${entry.seq}-${entry.envelope?.resource ?? 'resource'}-${fetches}.json`, JSON.stringify(resource, null, 2), 'json');
      } catch (error) {
        services.errors.show(error, 'Could not fetch what the event names');
      }
    }),
    vscode.commands.registerCommand(CommandId.replayWebhookEvent, (arg?: unknown) => replay(services, listener, secrets, entryOf(arg))),
  );
}

async function replay(services: ExtensionServices, listener: WebhookListener, secrets: WebhookSecrets, entry: WebhookEventEntry | undefined): Promise<void> {
  if (!entry) {
    return;
  }
  const url = await services.prompts.input({
    title: vscode.l10n.t('Replay Webhook Event'),
    prompt: vscode.l10n.t('Send the same body to this URL, signed again with the webhook’s secret'),
    value: listener.url ?? 'http://127.0.0.1:8787/',
    validateInput: (value) => {
      try {
        checkTargetUrl(value);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
  if (url === undefined) {
    return;
  }
  const secret = entry.envelope ? secrets.secretOf(entry.envelope.id) : undefined;
  try {
    const result = await replayDelivery(entry.request.body, url.trim(), secret);
    void services.prompts.notify('info', vscode.l10n.t('Replayed the event to {0}: HTTP {1}{2}.', url.trim(), result.status, secret === undefined ? ' (unsigned: no secret is known for its webhook)' : ''));
  } catch (error) {
    services.errors.show(error, 'Could not replay the event');
  }
}
