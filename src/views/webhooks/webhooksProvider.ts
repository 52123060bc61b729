/**
 * The Webhooks view: the current identity's webhooks, page by page ("Load more…" while Webex has
 * more), each with its resource/event, filter, target and creation time; inactive ones are marked
 * with the reason and offer Reactivate. getChildren never prompts.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import type { Webhook } from '../../webex/webhooks';
import { ErrorNode, InfoNode, LoadMoreNode, NodeProvider, TreeNode, escape } from '../treeNode';
import { endsSession } from '../../auth/sessionEnded';
import { CommandId } from '../../commands/commandIds';

export const LOAD_MORE_WEBHOOKS_COMMAND = CommandId.loadMoreWebhooks;

/** One page of GET /webhooks (the API spec's default `max`); a full page suggests there is more. */
const PAGE_SIZE = 100;

/** Webex disables a webhook after 100 failed deliveries within 5 minutes (developer.webex.com, Webhooks guide). */
export const INACTIVE_REASON = vscode.l10n.t('Webex turned it off after repeated failed deliveries (100 within 5 minutes); Reactivate turns it on again.');

export class WebhookNode extends TreeNode {
  constructor(public webhook: Webhook) {
    super();
  }

  get id(): string {
    return `webhook:${this.webhook.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const w = this.webhook;
    const inactive = w.status === 'inactive';
    const item = new vscode.TreeItem(w.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${w.resource}/${w.event}${inactive ? ' · inactive' : ''}`;
    item.iconPath = inactive ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('plug');
    item.contextValue = inactive ? 'webex:webhook:inactive' : 'webex:webhook:active';
    item.tooltip = new vscode.MarkdownString(
      [
        `**${escape(w.name)}** (${escape(w.resource)}/${escape(w.event)})`,
        `Filter: ${w.filter ? escape(w.filter) : 'none'}`,
        `Target: ${escape(w.targetUrl)}`,
        `Created: ${escape(w.created)}`,
        ...(inactive ? [`Inactive: ${escape(INACTIVE_REASON)}`] : []),
      ].join('\n\n'),
    );
    item.accessibilityInformation = { label: vscode.l10n.t('Webhook {0}, {1} {2}{3}', w.name, w.resource, w.event, inactive ? ', inactive' : '') };
    return item;
  }

  override getChildren(): TreeNode[] {
    const w = this.webhook;
    const rows: Array<[string, string, string]> = [
      ['filter', `Filter: ${w.filter ?? 'none'}`, 'filter'],
      ['target', `Target: ${w.targetUrl}`, 'link'],
      ['created', vscode.l10n.t('Created: {0}', new Date(w.created).toLocaleString(vscode.env.language)), 'calendar'],
    ];
    if (w.status === 'inactive') {
      rows.push(['inactive', `Inactive: ${INACTIVE_REASON}`, 'warning']);
    }
    return rows.map(([key, label, icon]) => new InfoNode(`${this.id}:${key}`, label, icon));
  }
}

export class WebhooksProvider extends NodeProvider {
  private loaded: Webhook[] | undefined;
  private pages: AsyncIterator<Webhook[]> | undefined;
  private more = false;
  private readonly nodes = new Map<string, WebhookNode>();

  constructor(private readonly services: ExtensionServices) {
    super();
    this.disposables.add(services.session.onDidChange(() => this.reload()));
  }

  /** Everything shown so far (for commands that pick a webhook). */
  get webhooks(): readonly Webhook[] {
    return this.loaded ?? [];
  }

  /** Forgets what was loaded and shows the first page again. */
  reload(): void {
    this.loaded = undefined;
    this.pages = undefined;
    this.refresh();
  }

  async loadMore(): Promise<void> {
    if (this.pages) {
      const page = await this.pages.next();
      this.more = page.done !== true && page.value.length >= PAGE_SIZE;
      if (page.done !== true) {
        this.loaded = [...(this.loaded ?? []), ...page.value];
      }
      this.refresh();
    }
  }

  /** Loads the first page when nothing is loaded; the webhooks shown. */
  async ensureLoaded(): Promise<readonly Webhook[]> {
    if (this.loaded === undefined) {
      const client = this.services.session.client;
      if (!client) {
        return [];
      }
      this.pages = client.webhooks.list({ max: PAGE_SIZE }).pages();
      const first = await this.pages.next();
      this.more = first.done !== true && first.value.length >= PAGE_SIZE;
      this.loaded = first.done === true ? [] : first.value;
    }
    return this.loaded;
  }

  protected async getRoots(): Promise<TreeNode[]> {
    await this.services.session.ready();
    if (!this.services.session.client) {
      return [];
    }
    let webhooks: readonly Webhook[];
    try {
      webhooks = await this.ensureLoaded();
    } catch (error) {
      this.loaded = undefined;
      if (endsSession(error)) {
        return [];
      }
      this.services.log.warn(`Could not load webhooks: ${String(error)}`);
      return [new ErrorNode('webhooks:error', 'Could not load webhooks', error, { command: CommandId.refreshWebhooks, title: vscode.l10n.t('Try Again') })];
    }
    const nodes: TreeNode[] = webhooks.map((w) => {
      let node = this.nodes.get(w.id);
      if (node) {
        node.webhook = w;
      } else {
        node = new WebhookNode(w);
        this.nodes.set(w.id, node);
      }
      return node;
    });
    if (webhooks.length === 0) {
      nodes.push(new InfoNode('webhooks:none', 'No webhooks yet: Create Webhook…', 'add', { command: CommandId.createWebhook, title: vscode.l10n.t('Create Webhook') }));
    }
    if (this.more) {
      nodes.push(new LoadMoreNode('webhooks:loadMore', 'Load more…', { command: LOAD_MORE_WEBHOOKS_COMMAND, title: vscode.l10n.t('Load More Webhooks') }));
    }
    return nodes;
  }
}
