/**
 * The Webhook Events view: what the receiver got, newest first (bounded by the inbox's log), each
 * with its time, webhook, resource/event, actor and ✓ or ✗ with the reason. Everything shown comes
 * from the delivery and is untrusted: it is only ever plain text in tree items.
 */
import * as vscode from 'vscode';
import type { WebhookEventEntry, WebhookInbox } from '../../services/webhooks/webhookInbox';
import { InfoNode, NodeProvider, TreeNode } from '../treeNode';
import { CommandId } from '../../commands/commandIds';

export const OPEN_EVENT_COMMAND = CommandId.openWebhookRequest;

/** Keeps labels short: a hostile sender could send a 1 MB name. */
function clip(text: string, max = 80): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function actorOf(entry: WebhookEventEntry): string | undefined {
  const data = entry.envelope?.data;
  const email = data && typeof data.personEmail === 'string' && entry.envelope?.resource === 'messages' ? data.personEmail : undefined;
  return email ?? entry.envelope?.actorId;
}

export class EventNode extends TreeNode {
  constructor(readonly entry: WebhookEventEntry) {
    super();
  }

  get id(): string {
    return `webhookEvent:${this.entry.seq}`;
  }

  getTreeItem(): vscode.TreeItem {
    const e = this.entry;
    const time = e.request.receivedAt.toLocaleTimeString(vscode.env.language);
    const what = e.envelope ? `${e.envelope.resource}/${e.envelope.event}` : 'not an event';
    const v = e.verification;
    const mark = e.live ? 'live' : v.verified ? '✓' : `✗ ${v.reason}`;
    const actor = actorOf(e);
    const item = new vscode.TreeItem(clip(`${time} ${e.webhookName}`), vscode.TreeItemCollapsibleState.None);
    item.description = clip([what, actor, mark].filter(Boolean).join(' · '), 160);
    const checked = e.live ? vscode.l10n.t('over the live connection: no webhook, no signature') : v.verified ? vscode.l10n.t('signature verified') : vscode.l10n.t('not verified: {0}', v.reason ?? '');
    item.tooltip = clip([`${e.webhookName}: ${what}`, actor ? vscode.l10n.t('actor: {0}', actor) : undefined, checked, e.problem].filter(Boolean).join('\n'), 600);
    item.iconPath = e.live ? new vscode.ThemeIcon('broadcast') : v.verified ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = `webex:webhookEvent:${e.live ? 'live' : v.verified ? 'verified' : 'unverified'}${e.envelope ? ':event' : ''}`;
    item.command = { command: OPEN_EVENT_COMMAND, title: vscode.l10n.t('Open Raw Request'), arguments: [this] };
    item.accessibilityInformation = { label: vscode.l10n.t('{0} from {1} at {2}, {3}', what, e.webhookName, time, e.live ? vscode.l10n.t('live, not signed') : v.verified ? vscode.l10n.t('verified') : vscode.l10n.t('not verified')) };
    return item;
  }
}

export class EventsProvider extends NodeProvider {
  private readonly nodes = new Map<number, EventNode>();
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly inbox: WebhookInbox) {
    super();
    // A flood redraws at most every 250 ms, so the view stays responsive.
    this.disposables.addAll(inbox.log.onDidChange(() => this.schedule()), { dispose: () => clearTimeout(this.pending) });
  }

  private schedule(): void {
    if (this.pending === undefined) {
      this.pending = setTimeout(() => {
        this.pending = undefined;
        this.refresh();
      }, 250);
    }
  }

  protected getRoots(): Promise<TreeNode[]> {
    const entries = this.inbox.log.newestFirst();
    const keep = new Map<number, EventNode>();
    const nodes: TreeNode[] = entries.map((entry) => {
      const node = this.nodes.get(entry.seq) ?? new EventNode(entry);
      keep.set(entry.seq, node);
      return node;
    });
    this.nodes.clear();
    for (const [k, v] of keep) {
      this.nodes.set(k, v);
    }
    const dropped = this.inbox.log.dropped;
    if (dropped > 0) {
      nodes.push(new InfoNode('webhookEvents:dropped', `${dropped} older event${dropped === 1 ? '' : 's'} dropped (the newest ${this.inbox.log.capacity} are kept)`, 'history'));
    }
    return Promise.resolve(nodes);
  }
}
