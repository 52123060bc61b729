/**
 * Registers the conversation tabs: the `webex.openSpace` command (one tab per space; opening it
 * again reveals the tab) and the `webex.thread` serializer that brings tabs back after a window
 * reload (STYLE.md "Webviews": a WebviewPanelSerializer and getState/setState, not
 * retainContextWhenHidden). extension.ts calls `registerConversationWebview(services)`.
 *
 * With WEBEX_TEST=1 (the integration runner) the internal command `webex.thread.testHooks` returns
 * hooks for tests in the same extension host: the open tabs, poll intervals, and scripted save
 * dialogs and external links (so tests open no browser and no OS dialog).
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import { DEFAULT_POLL_INTERVALS, REALTIME_POLL_INTERVALS, type PollIntervals } from '../../services/conversation/conversationPoller';
import type { Room } from '../../webex/types';
import { resourceRoots } from './html';
import { CONVERSATION_VIEW_TYPE, ConversationPanel, type ConversationEnvironment } from './conversationPanel';
import { LastTextEditor } from './codeActions';
import { SnippetLinks } from './snippetLinks';
import { CommandId } from '../../commands/commandIds';
import { roomReference } from '../../services/common/roomReference';

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

function roomIdFromState(state: unknown): string | undefined {
  if (typeof state === 'object' && state !== null && typeof (state as { roomId?: unknown }).roomId === 'string') {
    return (state as { roomId: string }).roomId;
  }
  return undefined;
}

export function registerConversationWebview(services: ExtensionServices): vscode.Disposable {
  const testing = process.env.WEBEX_TEST === '1';
  const panels = new Map<string, ConversationPanel>();
  // Tests set intervals; otherwise they follow live updates: with events arriving over the
  // websocket, polling is only a slow safety net for edits and deletions.
  let testIntervals: PollIntervals | undefined;
  const intervals = (): PollIntervals => testIntervals ?? (services.live.isRealtime ? REALTIME_POLL_INTERVALS : DEFAULT_POLL_INTERVALS);
  let scriptedSave: ((defaultUri: vscode.Uri) => Promise<vscode.Uri | undefined>) | undefined;
  const openedLinks: string[] = [];
  const snippetLinks = new SnippetLinks(services);

  const env: ConversationEnvironment = {
    services,
    extensionUri: services.context.extensionUri,
    intervals,
    windowFocused: () => vscode.window.state.focused,
    chooseSaveLocation: (defaultUri) =>
      scriptedSave ? scriptedSave(defaultUri) : Promise.resolve(vscode.window.showSaveDialog({ defaultUri, saveLabel: 'Save' })),
    openExternal: (uri) => {
      if (testing) {
        openedLinks.push(uri.toString(true));
        return Promise.resolve(true);
      }
      return Promise.resolve(vscode.env.openExternal(uri));
    },
    snippetLinks,
    recordPosts: testing,
    finishingOutboxes: new Map(),
    lastTextEditor: new LastTextEditor(),
  };

  const attach = (panel: vscode.WebviewPanel, roomId: string, room: Room | undefined): ConversationPanel => {
    const thread = new ConversationPanel(panel, roomId, env, room);
    panels.set(roomId, thread);
    thread.onDidDispose(() => {
      if (panels.get(roomId) === thread) {
        panels.delete(roomId);
      }
    });
    return thread;
  };

  const pickRoom = async (): Promise<{ id: string; room?: Room } | undefined> => {
    if (!(await services.session.requireClient())) {
      return undefined;
    }
    const rooms = services.spaces.loadRooms();
    const picked = await services.prompts.pick(
      rooms.then((list) => list.map((room) => ({ label: room.title, description: room.type === 'direct' ? 'direct' : undefined, room }))),
      { title: 'Open Space', placeHolder: 'Choose a space to read' },
    );
    return picked ? { id: picked.room.id, room: picked.room } : undefined;
  };

  const open = async (arg?: unknown): Promise<void> => {
    const target = roomReference(arg) ?? (arg === undefined ? await pickRoom() : undefined);
    if (!target) {
      return;
    }
    const existing = panels.get(target.id);
    if (existing) {
      existing.reveal();
      services.selection.setActiveSpace(target.id);
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
    const opened = attach(panel, target.id, target.room);
    opened.setReadMark(readMark);
    opened.focusComposer();
    await opened.loading;
  };

  const disposables: vscode.Disposable[] = [
    env.lastTextEditor,
    snippetLinks,
    vscode.commands.registerCommand(CommandId.openSpace, open),
    vscode.window.registerWebviewPanelSerializer(CONVERSATION_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => {
        const roomId = roomIdFromState(state);
        if (!roomId || panels.has(roomId)) {
          // Nothing to restore (or a second tab of the same space): close it.
          panel.dispose();
          return Promise.resolve();
        }
        attach(panel, roomId, undefined);
        return Promise.resolve();
      },
    }),
    // Live updates (issue 5): messages arrive in open tabs without waiting for a poll.
    services.live.onDidReceiveMessage((e) => void panels.get(e.roomId)?.receiveLive(e.message)),
    services.live.onDidDeleteMessage((e) => panels.get(e.roomId)?.removeLive(e.messageId)),
    services.live.onDidMissEvents(() => {
      for (const panel of panels.values()) {
        void panel.pollNow();
      }
    }),
    // Refresh (or any fresh spaces list) means Webex answers again: tabs that failed to open retry.
    services.spaces.onDidChange(() => {
      for (const panel of panels.values()) {
        panel.retryIfFailed();
      }
    }),
    services.live.onDidChangeStatus(() => {
      for (const panel of panels.values()) {
        panel.setIntervals(intervals());
      }
    }),
    vscode.window.onDidChangeWindowState((state) => {
      for (const panel of panels.values()) {
        panel.setWindowFocused(state.focused);
      }
    }),
  ];

  if (testing) {
    const hooks: ConversationTestHooks = {
      panel: (roomId) => panels.get(roomId),
      panels: () => [...panels.values()],
      setIntervals: (next) => {
        testIntervals = next;
        for (const panel of panels.values()) {
          panel.setIntervals(next);
        }
      },
      setSaveLocation: (choose) => {
        scriptedSave = choose;
      },
      openedLinks,
    };
    disposables.push(vscode.commands.registerCommand(CONVERSATION_TEST_HOOKS_COMMAND, () => hooks));
  }

  return new vscode.Disposable(() => {
    for (const panel of panels.values()) {
      panel.dispose();
    }
    panels.clear();
    for (const d of disposables) {
      d.dispose();
    }
  });
}
