/**
 * The node base of the three trees: a stable `id`, `getTreeItem()` and
 * `getChildren()`. Providers keep node objects by id and reuse them across refreshes, because
 * VS Code matches `onDidChangeTreeData(node)` by object identity.
 */
import * as vscode from 'vscode';
import { trackingIdOf, userMessage } from '../services/common/errorText';
import { DisposableStore } from '../webex/lifecycle';

export abstract class TreeNode {
  abstract readonly id: string;
  parent: TreeNode | undefined;

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): TreeNode[] | Promise<TreeNode[]> {
    return [];
  }

  /** Drops whatever this node cached, so the next getChildren() loads again. */
  invalidate(): void {
    // Leaf nodes cache nothing.
  }
}

/** A line of text in the tree (e.g. "No spaces match …"). */
export class InfoNode extends TreeNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly icon = 'info',
    private readonly command?: vscode.Command,
  ) {
    super();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'webex:info';
    item.command = this.command;
    return item;
  }
}

/**
 * A load that failed, shown where its items would be: what failed, the server's words, a click to
 * retry and "Copy Tracking ID" in its context menu. getChildren() never pops up UI.
 */
export class ErrorNode extends TreeNode {
  readonly trackingId: string | undefined;

  constructor(
    readonly id: string,
    private readonly what: string,
    readonly error: unknown,
    private readonly retry: vscode.Command,
  ) {
    super();
    this.trackingId = trackingIdOf(error);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.what, vscode.TreeItemCollapsibleState.None);
    const message = userMessage(this.error);
    item.description = message;
    item.tooltip = new vscode.MarkdownString(
      `**${escape(this.what)}**\n\n${escape(message)}` +
        (this.trackingId ? vscode.l10n.t('\n\nTracking ID: `{0}`', this.trackingId) : '') +
        vscode.l10n.t('\n\nClick to try again.'),
    );
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = this.trackingId ? 'webex:error:tracked' : 'webex:error';
    item.command = this.retry;
    return item;
  }
}

/** "Load more…" at the end of a long list (vscode-pull-request-github `pr.loadMore`). */
export class LoadMoreNode extends TreeNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly command: vscode.Command,
  ) {
    super();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'webex:loadMore';
    item.command = this.command;
    return item;
  }
}

/** Escapes text for a MarkdownString (titles and names are user content). */
export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/**
 * The base of the three providers: one EventEmitter, `refresh(node)` that clears only that node's
 * cache, and `getParent` so views can reveal nodes.
 */
export abstract class NodeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  protected readonly disposables = new DisposableStore();
  protected readonly changed = this.disposables.add(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  /** getRoots() calls in flight: store changes they cause are already in what they return. */
  private rendering = 0;

  protected abstract getRoots(): Promise<TreeNode[]>;

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.getTreeItem();
    item.id = node.id;
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = node ? await node.getChildren() : await this.renderRoots();
    for (const child of children) {
      child.parent = node;
    }
    return children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  private async renderRoots(): Promise<TreeNode[]> {
    this.rendering++;
    try {
      return await this.getRoots();
    } finally {
      this.rendering--;
    }
  }

  /**
   * For store events: redraws the tree unless a getRoots() is running, which reads the stores after
   * its loads and so already shows the change (avoids drawing the same list twice).
   */
  protected storeChanged(): void {
    if (this.rendering === 0) {
      this.changed.fire(undefined);
    }
  }

  /** Reloads `node` (or the whole tree): only its cache is dropped. */
  refresh(node?: TreeNode): void {
    node?.invalidate();
    this.changed.fire(node);
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

/** Reuses node objects by id across refreshes, so events can name them (identity matters). */
export class NodeCache<N extends TreeNode> {
  private readonly nodes = new Map<string, N>();

  get(id: string, create: () => N, update?: (node: N) => void): N {
    let node = this.nodes.get(id);
    if (node) {
      update?.(node);
    } else {
      node = create();
      this.nodes.set(id, node);
    }
    return node;
  }

  find(id: string): N | undefined {
    return this.nodes.get(id);
  }

  /** Keeps only the nodes last returned, so the cache does not grow forever. */
  retain(ids: Iterable<string>): void {
    const keep = new Set(ids);
    for (const id of [...this.nodes.keys()]) {
      if (!keep.has(id)) {
        this.nodes.delete(id);
      }
    }
  }

  clear(): void {
    this.nodes.clear();
  }
}
