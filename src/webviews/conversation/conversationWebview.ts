/**
 * Registers the conversation tabs: the `webex.openSpace` command (one tab per space; opening it
 * again reveals the tab) and the `webex.thread` serializer that brings tabs back after a window
 * reload (a WebviewPanelSerializer and the page's getState/setState, rather than keeping hidden
 * pages alive with retainContextWhenHidden). extension.ts calls `registerConversationWebview(services)`.
 *
 * With WEBEX_TEST=1 (the integration runner) the internal command `webex.thread.testHooks` returns
 * hooks for tests in the same extension host: the open tabs, poll intervals, and scripted save
 * dialogs and external links (so tests open no browser and no OS dialog).
 */
import { registerTitleMenu } from './titleMenu';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import { DEFAULT_POLL_INTERVALS, REALTIME_POLL_INTERVALS, type PollIntervals } from '../../services/conversation/conversationPoller';
import type { Room } from '../../webex/types';
import { resourceRoots } from './html';
import { CONVERSATION_VIEW_TYPE, ConversationPanel } from './conversationPanel';
import type { ConversationEnvironment } from './conversationSpace';
import { LastTextEditor } from './codeActions';
import { SnippetLinks } from './snippetLinks';
import { CommandId } from '../../commands/commandIds';
import { roomReference } from '../../services/common/roomReference';
import { DisposableStore } from '../../webex/lifecycle';

export const CONVERSATION_TEST_HOOKS_COMMAND = 'webex.thread.testHooks';

/** What integration tests reach through `webex.thread.testHooks` (only with WEBEX_TEST=1). */
export interface ConversationTestHooks {
  panel(roomId: string): ConversationPanel | undefined;
  panels(): ConversationPanel[];
  setIntervals(intervals: PollIntervals): void;
  /** Answers the next save dialogs (undefined restores the real dialog). */
  setSaveLocation(choose: ((defaultUri: vscode.Uri) => Promise<vscode.Uri | undefined>) | undefined): void;
  /** Links the tabs asked to open (instead of opening them). */
  readonly openedLinks: string[];
}

/**
 * Two opens of the same space from the sidebar within this time count as a double click (a tree
 * has no double-click event: TreeItem.command runs once per click). 500 ms is the usual desktop
 * double-click time; an assumption, not a VS Code setting.
 */
const DOUBLE_CLICK_MS = 500;

function previewFromState(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { preview?: unknown }).preview === true;
}

function roomIdFromState(state: unknown): string | undefined {
  if (typeof state === 'object' && state !== null && typeof (state as { roomId?: unknown }).roomId === 'string') {
    return (state as { roomId: string }).roomId;
  }
  return undefined;
}

export function registerConversationWebview(services: ExtensionServices): vscode.Disposable {
  return new ConversationTabs(services);
}

/** The open conversation tabs of the window: one per space. */
class ConversationTabs implements vscode.Disposable {
  private readonly testing = process.env.WEBEX_TEST === '1';
  private readonly panels = new Map<string, ConversationPanel>();
  private readonly disposables = new DisposableStore();
  /** Tests set intervals; otherwise they follow live updates (realtime: polling is a slow safety net). */
  private testIntervals: PollIntervals | undefined;
  private scriptedSave: ((defaultUri: vscode.Uri) => Promise<vscode.Uri | undefined>) | undefined;
  private readonly openedLinks: string[] = [];
  private readonly env: ConversationEnvironment;
  private lastOpen: { roomId: string; at: number } | undefined;

  constructor(private readonly services: ExtensionServices) {
    const snippetLinks = this.disposables.add(new SnippetLinks(services));
    this.env = {
      services,
      extensionUri: services.context.extensionUri,
      intervals: () => this.intervals(),
      windowFocused: () => vscode.window.state.focused,
      chooseSaveLocation: (defaultUri) =>
        this.scriptedSave ? this.scriptedSave(defaultUri) : Promise.resolve(vscode.window.showSaveDialog({ defaultUri, saveLabel: vscode.l10n.t('Save') })),
      openExternal: (uri) => {
        if (this.testing) {
          this.openedLinks.push(uri.toString(true));
          return Promise.resolve(true);
        }
        return Promise.resolve(vscode.env.openExternal(uri));
      },
      snippetLinks,
      recordPosts: this.testing,
      finishingOutboxes: new Map(),
      lastTextEditor: this.disposables.add(new LastTextEditor()),
    };
    this.disposables.addAll(
      vscode.commands.registerCommand(CommandId.openSpace, (arg?: unknown, how?: unknown) => this.open(arg, how)),
      vscode.window.registerWebviewPanelSerializer(CONVERSATION_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => {
          const roomId = roomIdFromState(state);
          if (!roomId || this.panels.has(roomId)) {
            // Nothing to restore (or a second tab of the same space): close it.
            panel.dispose();
          } else {
            const preview = previewFromState(state) && !this.previewPanel();
            this.attach(panel, roomId, undefined, preview);
          }
          return Promise.resolve();
        },
      }),
      ...this.followLiveUpdates(),
      ...registerTitleMenu(() => [...this.panels.values()]),
    );
    if (this.testing) {
      this.disposables.add(vscode.commands.registerCommand(CONVERSATION_TEST_HOOKS_COMMAND, () => this.testHooks()));
    }
  }

  private intervals(): PollIntervals {
    return this.testIntervals ?? (this.services.live.isRealtime ? REALTIME_POLL_INTERVALS : DEFAULT_POLL_INTERVALS);
  }

  private attach(panel: vscode.WebviewPanel, roomId: string, room: Room | undefined, preview = false): ConversationPanel {
    const tab = new ConversationPanel(panel, roomId, this.env, room, preview);
    this.panels.set(roomId, tab);
    tab.onDidDispose(() => {
      if (this.panels.get(tab.roomId) === tab) {
        this.panels.delete(tab.roomId);
      }
    });
    return tab;
  }

  private previewPanel(): ConversationPanel | undefined {
    return [...this.panels.values()].find((p) => p.isPreview);
  }

  /** Whether this open keeps its tab: the palette, a double click, or preview editors turned off. */
  private shouldPin(how: unknown, roomId: string): boolean {
    const now = Date.now();
    const double = this.lastOpen !== undefined && this.lastOpen.roomId === roomId && now - this.lastOpen.at <= DOUBLE_CLICK_MS;
    this.lastOpen = { roomId, at: now };
    const enablePreview = vscode.workspace.getConfiguration('workbench.editor').get<boolean>('enablePreview', true);
    // Only the sidebar's click and a notification's Open ask for the preview tab ({ preview: true });
    // the palette and every other caller keep the tab open.
    const asksPreview = typeof how === 'object' && how !== null && (how as { preview?: unknown }).preview === true;
    return !asksPreview || double || !enablePreview;
  }

  private async pickRoom(): Promise<{ id: string; room?: Room } | undefined> {
    if (!(await this.services.session.requireClient())) {
      return undefined;
    }
    const rooms = this.services.spaces.loadRooms();
    const picked = await this.services.prompts.pick(
      rooms.then((list) => list.map((room) => ({ label: room.title, description: room.type === 'direct' ? 'direct' : undefined, room }))),
      { title: vscode.l10n.t('Open Space'), placeHolder: vscode.l10n.t('Choose a space to read') },
    );
    return picked ? { id: picked.room.id, room: picked.room } : undefined;
  }

  /** `webex.openSpace`: reveals the space's tab, or opens one with the cursor in its composer. */
  private async open(arg?: unknown, how?: unknown): Promise<void> {
    const { services } = this;
    const target = roomReference(arg) ?? (arg === undefined ? await this.pickRoom() : undefined);
    if (!target) {
      return;
    }
    const pin = this.shouldPin(how, target.id);
    const existing = this.panels.get(target.id);
    if (existing) {
      if (pin) {
        existing.pin();
      }
      existing.reveal();
      services.selection.setActiveSpace(target.id);
      return;
    }
    const preview = this.previewPanel();
    if (preview) {
      // The preview tab shows the space in its own webview (no new tab); a pinning open keeps it.
      const readMark = services.live.lastRead(target.id);
      services.selection.setActiveSpace(target.id);
      this.panels.delete(preview.roomId);
      preview.switchTo(target.id, target.room ?? services.spaces.room(target.id), readMark);
      this.panels.set(target.id, preview);
      if (pin) {
        preview.pin();
      }
      preview.reveal();
      await preview.loading;
      return;
    }
    const title = target.room?.title ?? services.spaces.room(target.id)?.title ?? 'Webex';
    const panel = vscode.window.createWebviewPanel(
      CONVERSATION_VIEW_TYPE,
      title,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: resourceRoots(services.context.extensionUri) },
    );
    // Read before the selection moves: selecting the space marks it read.
    const readMark = services.live.lastRead(target.id);
    services.selection.setActiveSpace(target.id);
    const opened = this.attach(panel, target.id, target.room, !pin);
    opened.setReadMark(readMark);
    opened.focusComposer();
    await opened.loading;
  }

  /** Live updates reach open tabs without waiting for a poll; a fresh spaces list retries failed tabs. */
  private followLiveUpdates(): vscode.Disposable[] {
    const { live, spaces } = this.services;
    const each = (f: (panel: ConversationPanel) => void) => () => {
      for (const panel of this.panels.values()) {
        f(panel);
      }
    };
    return [
      live.onDidReceiveMessage((e) => void this.panels.get(e.roomId)?.receiveLive(e.message)),
      live.onDidDeleteMessage((e) => this.panels.get(e.roomId)?.removeLive(e.messageId)),
      live.onDidMissEvents(each((panel) => void panel.pollNow())),
      // Refresh (or any fresh spaces list) means Webex answers again: tabs that failed to open retry.
      spaces.onDidChange(each((panel) => panel.retryIfFailed())),
      live.onDidChangeStatus(each((panel) => panel.setIntervals(this.intervals()))),
      vscode.window.onDidChangeWindowState((state) => each((panel) => panel.setWindowFocused(state.focused))()),
    ];
  }

  private testHooks(): ConversationTestHooks {
    return {
      panel: (roomId) => this.panels.get(roomId),
      panels: () => [...this.panels.values()],
      setIntervals: (next) => {
        this.testIntervals = next;
        for (const panel of this.panels.values()) {
          panel.setIntervals(next);
        }
      },
      setSaveLocation: (choose) => {
        this.scriptedSave = choose;
      },
      openedLinks: this.openedLinks,
    };
  }

  dispose(): void {
    for (const panel of this.panels.values()) {
      panel.dispose();
    }
    this.panels.clear();
    this.disposables.dispose();
  }
}
