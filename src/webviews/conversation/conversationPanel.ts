/**
 * The host side of one conversation tab: owns the shown space's Conversation, outbox and poller,
 * talks to the page only through protocol.ts, and answers its requests. The page is untrusted (it
 * renders hostile content), so every message from it is parsed and checked here.
 *
 * A tab is either kept open (one space for its life) or the preview tab, which `switchTo()` moves
 * to another space in the same webview, as VS Code's preview editor does for files. The space's
 * draft and outbox live in storage per space (DraftStore, OutboxStore), so they come back when the
 * tab shows that space again.
 */
import * as vscode from 'vscode';
import { Conversation, clientSource, type ConversationChange } from '../../services/conversation/conversation';
import { ConversationPoller, type PollIntervals } from '../../services/conversation/conversationPoller';
import { LOOK_FIRST } from '../../services/outbox/sendQueue';
import { DraftStore } from '../../services/conversation/drafts';
import { MAX_MESSAGE_BYTES } from '../../webex/validation';
import type { Message, Room } from '../../webex/types';
import { resourceRoots, threadHtml } from './html';
import { toMessageView, toPersonView } from './messageViews';
import {
  handleRequest,
  parsePageMessage,
  type ConversationStatus,
  type HostMessage,
  type PageMessage,
  type RequestMessage,
  type RequestResult,
  type PermissionsMessage,
  type PersonView,
  type ResponseMessage,
} from './protocol';
import { ConversationActions } from './conversationActions';
import { createSendQueue, loadSpaceMembers, outboxKey, type ConversationEnvironment, type LoadedSpace } from './conversationSpace';
import { ConversationFiles } from './conversationFiles';
import { ConversationImages } from './images';
import { readImageMaxBytes } from '../../config/settings';
import { CommandId } from '../../commands/commandIds';

export const CONVERSATION_VIEW_TYPE = 'webex.thread';

/**
 * How a preview tab's title shows that it is one: VS Code writes a preview editor's title in
 * italics, which a webview panel's title cannot be (WebviewPanel.title is plain text), so the
 * title ends with this instead.
 */
export const PREVIEW_TITLE_SUFFIX = ` ${vscode.l10n.t('(Preview)')}`;

export class ConversationPanel implements vscode.Disposable {
  private pageReady = false;
  /** The read mark (ms) from before the user opened this tab, for the page's "New" divider. */
  private readMark: number | undefined;
  /** A focus request waits for the page's `ready`. */
  private focusPending = false;
  private status: ConversationStatus = 'loading';
  private error: string | undefined;
  private loaded: LoadedSpace | undefined;
  /** The space's members as the page's `@` list needs them, once loaded. */
  private members: PersonView[] | undefined;
  private permissions: PermissionsMessage | undefined;
  private loadedAccount: string | undefined;
  private generation = 0;
  private roomIdNow: string;
  /** The space shown before the last switch: its late draft is still kept, for it. */
  private previousRoomId: string | undefined;
  private previewNow: boolean;
  private readonly modeListeners: Array<() => void> = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly actions: ConversationActions;
  /** Host → page messages, kept only for integration tests (`recordPosts`). */
  readonly posted: HostMessage[] = [];
  private readonly disposeListeners: Array<() => void> = [];
  /** Resolves when the current load finished (tests, and the command that opens the tab). */
  loading: Promise<void> = Promise.resolve();

  constructor(
    readonly panel: vscode.WebviewPanel,
    roomId: string,
    private readonly env: ConversationEnvironment,
    private room: Room | undefined,
    preview = false,
  ) {
    this.roomIdNow = roomId;
    this.previewNow = preview;
    this.actions = new ConversationActions(env, () => this.loaded);
    panel.webview.options = { enableScripts: true, localResourceRoots: resourceRoots(env.extensionUri) };
    panel.iconPath = vscode.Uri.joinPath(env.extensionUri, 'media', 'webex.svg');
    panel.title = this.titleOf(room?.title ?? stripPreview(panel.title));
    panel.webview.html = threadHtml(panel.webview, env.extensionUri, panel.title);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidChangeViewState(() => this.onViewState()),
      panel.onDidDispose(() => this.dispose()),
      env.services.session.onDidChange(() => {
        if ((env.services.session.account?.id ?? undefined) !== this.loadedAccount) {
          this.reload();
        }
      }),
    );
    if (panel.active) {
      env.services.selection.setActiveSpace(roomId);
    }
    this.reload();
  }

  /** The space the tab shows now (a preview tab's changes with `switchTo`). */
  get roomId(): string {
    return this.roomIdNow;
  }

  /** Whether this is the preview tab (the next single click shows another space in it). */
  get isPreview(): boolean {
    return this.previewNow;
  }

  /** Called when the tab is pinned (Keep Open, typing, sending, a double click). */
  onDidChangeMode(listener: () => void): void {
    this.modeListeners.push(listener);
  }

  /** Keeps the tab open: it stops being the preview tab. */
  pin(): void {
    if (!this.previewNow) {
      return;
    }
    this.previewNow = false;
    this.panel.title = this.titleOf(this.room?.title ?? stripPreview(this.panel.title));
    this.post({ type: 'mode', preview: false });
    for (const listener of this.modeListeners) {
      listener();
    }
  }

  /**
   * The preview tab shows another space in the same webview: the page gets a new `init` and the
   * new space's messages; the old space's sends finish in the background (finishingOutboxes).
   */
  switchTo(roomId: string, room: Room | undefined, readMark: number | undefined): void {
    if (roomId === this.roomIdNow) {
      return;
    }
    this.previousRoomId = this.roomIdNow;
    this.roomIdNow = roomId;
    this.room = room ?? this.env.services.spaces.room(roomId);
    this.readMark = readMark;
    this.panel.title = this.titleOf(this.room?.title ?? 'Webex');
    this.reload();
    this.sendEverything();
    // The page drops the old space's messages at once, rather than showing them under the new title.
    this.post({ type: 'messages', reset: true, cause: 'initial', upsert: [], remove: [], people: [], hasOlder: false });
  }

  /** The drafts of the signed-in account, also while a space is still loading (a switch shows its draft at once). */
  private draftStore(): DraftStore | undefined {
    const account = this.env.services.session.account;
    return this.loaded?.drafts ?? (account ? new DraftStore(this.env.services.state, account.id) : undefined);
  }

  private titleOf(title: string): string {
    return this.previewNow ? `${title}${PREVIEW_TITLE_SUFFIX}` : title;
  }

  get space(): LoadedSpace | undefined {
    return this.loaded;
  }

  get currentStatus(): ConversationStatus {
    return this.status;
  }

  onDidDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  /** Window focus changed (the registry forwards it to every tab). */
  setWindowFocused(focused: boolean): void {
    this.loaded?.poller.setFocused(focused);
  }

  setIntervals(intervals: PollIntervals): void {
    this.loaded?.poller.setIntervals(intervals);
  }

  reveal(): void {
    this.panel.reveal();
    this.focusComposer();
  }

  /**
   * Puts the cursor in the composer: now if the page is there, else as soon as it says `ready` (a
   * hidden tab's page is gone until it is shown again, and a new tab's has not started yet).
   */
  /** Where the user had read up to before opening the tab (only for a tab opened by the user). */
  setReadMark(at: number | undefined): void {
    this.readMark = at;
  }

  focusComposer(): void {
    this.focusPending = true;
    if (this.pageReady) {
      this.sendFocus();
    }
  }

  private sendFocus(): void {
    this.focusPending = false;
    this.post({ type: 'focusComposer' });
  }

  /** Handles one message as if the page had posted it; resolves with the response to a request. */
  async receive(raw: unknown): Promise<ResponseMessage | undefined> {
    const message = parsePageMessage(raw);
    if (!message) {
      this.env.services.log.warn('Conversation: ignored a malformed message from the page');
      return undefined;
    }
    return await this.handle(message);
  }

  private async handle(message: PageMessage): Promise<ResponseMessage | undefined> {
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        this.sendEverything();
        if (this.focusPending) {
          this.sendFocus();
        }
        return undefined;
      case 'openLink':
        await this.actions.openLink(message.href);
        return undefined;
      case 'draft':
        await this.saveDraft(message.draft, message.roomId);
        return undefined;
      case 'signIn':
        await vscode.commands.executeCommand(CommandId.signIn);
        return undefined;
      case 'request':
        return await this.answer(message);
    }
  }

  /**
   * A draft of the shown space, or the last words typed in the space shown before a switch (the
   * page sends those as it switches); typing something new keeps the tab open.
   */
  private async saveDraft(draft: { text: string; parentId?: string }, roomId: string | undefined): Promise<void> {
    const drafts = this.draftStore();
    const target = roomId ?? this.roomIdNow;
    if (!drafts || (target !== this.roomIdNow && target !== this.previousRoomId)) {
      return;
    }
    if (target === this.roomIdNow && draft.text.trim() !== '' && draft.text !== (drafts.getDraft(target)?.text ?? '')) {
      this.pin();
    }
    await drafts.setDraft(target, draft);
  }

  private async answer(request: RequestMessage): Promise<ResponseMessage> {
    let response: ResponseMessage;
    try {
      if (request.roomId !== undefined && request.roomId !== this.roomIdNow) {
        throw new Error('This was asked in the space the tab showed before; the tab now shows another space, so nothing was done.');
      }
      if (request.method === 'send') {
        this.pin();
      }
      const result: RequestResult = await handleRequest(this.actions.handlers, request.method, request.params);
      response = { type: 'response', requestId: request.requestId, ok: true, result };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.env.services.log.warn(`Conversation: ${request.method} failed: ${text}`);
      response = { type: 'response', requestId: request.requestId, ok: false, error: text };
    }
    this.post(response);
    return response;
  }

  private reload(): void {
    this.loading = this.load().catch((error: unknown) => {
      this.env.services.log.error(`Conversation: could not open the space: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    this.unload();
    this.members = undefined;
    this.permissions = undefined;
    const { session, spaces } = this.env.services;
    this.setStatus('loading');
    await session.ready();
    const client = session.client;
    const account = session.account;
    this.loadedAccount = account?.id;
    if (generation !== this.generation) {
      return;
    }
    if (!client || !account) {
      this.setStatus('signedOut');
      this.sendEverything();
      return;
    }
    try {
      const room = spaces.room(this.roomId) ?? this.room ?? (await client.rooms.get(this.roomId));
      if (generation !== this.generation) {
        return;
      }
      this.room = room;
      this.panel.title = this.titleOf(room.title);
      const mentionsOnly = session.isBot && room.type === 'group';
      await this.env.finishingOutboxes.get(outboxKey(account.id, this.roomId));
      if (generation !== this.generation) {
        return;
      }
      const drafts = new DraftStore(this.env.services.state, account.id);
      const conversation = new Conversation(clientSource(client, this.roomId, mentionsOnly), {
        detectDeletions: !mentionsOnly,
        onChange: (change) => this.postChange(change),
      });
      const queue = createSendQueue(this.env, client, { roomId: this.roomId, accountId: account.id, mentionsOnly }, {
        onChange: () => this.postOutbox(),
        onSent: (message) => conversation.applyLocal(message),
      });
      const poller = new ConversationPoller(() => this.poll(conversation), this.env.intervals());
      poller.setFocused(this.env.windowFocused());
      const files = new ConversationFiles(client, conversation, (message) => this.post(message));
      const images = new ConversationImages(client, conversation, files.details, this.env.services.context.globalStorageUri, readImageMaxBytes);
      this.loaded = { client, room, mentionsOnly, conversation, queue, drafts, poller, files, images };
      this.sendEverything();
      await conversation.loadNewest();
      if (generation !== this.generation) {
        return;
      }
      this.setStatus('ready');
      poller.setVisible(this.panel.visible);
      void this.loadMembers(room, generation);
    } catch (error) {
      if (generation === this.generation) {
        this.setStatus('error', error instanceof Error ? `Could not open this space: ${error.message}` : 'Could not open this space.');
      }
      throw error;
    }
  }

  private async poll(conversation: Conversation): Promise<void> {
    try {
      await conversation.pollNewer();
    } catch (error) {
      // No notification: a poll fails quietly and the next one tries again (no storms).
      this.env.services.log.warn(`Conversation: poll failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Live updates brought a message of this space: show it without waiting for a poll. */
  async receiveLive(message: Message | undefined): Promise<void> {
    const loaded = this.loaded;
    if (!loaded) {
      return;
    }
    if (message) {
      await loaded.conversation.applyIncoming(message);
    } else {
      await this.pollNow();
    }
  }

  /** Live updates say a message of this space was deleted. */
  removeLive(messageId: string): void {
    this.loaded?.conversation.applyDeleted(messageId);
  }

  /** Polls now (integration tests, and live updates that know the space changed). */
  async pollNow(): Promise<void> {
    if (this.status === 'error') {
      // The space could not be opened (Webex failed at the time): polling means trying again.
      this.retryIfFailed();
      await this.loading;
      return;
    }
    await this.loaded?.poller.pollNow();
  }

  /** A tab that could not open its space tries again (after Refresh, or when Webex is back). */
  retryIfFailed(): void {
    if (this.status === 'error') {
      this.reload();
    }
  }

  private unload(): void {
    if (this.loaded) {
      this.loaded.poller.dispose();
      this.loaded.queue.dispose();
      // The space being unloaded (a preview tab's roomId may already name the next one).
      const key = outboxKey(this.loaded.drafts.accountId, this.loaded.room.id);
      const finishing = this.loaded.queue.idle();
      this.env.finishingOutboxes.set(key, finishing);
      void finishing.finally(() => {
        if (this.env.finishingOutboxes.get(key) === finishing) {
          this.env.finishingOutboxes.delete(key);
        }
      });
      this.loaded.files.dispose();
      this.loaded.images.dispose();
      this.loaded = undefined;
    }
  }

  private setStatus(status: ConversationStatus, error?: string): void {
    this.status = status;
    this.error = error;
    this.post({ type: 'status', status, error });
  }

  private onViewState(): void {
    if (!this.panel.visible) {
      // Without retainContextWhenHidden the page is gone; it says `ready` again when shown.
      this.pageReady = false;
    }
    this.loaded?.poller.setVisible(this.panel.visible);
    if (this.panel.active) {
      this.env.services.selection.setActiveSpace(this.roomId);
    }
  }

  /** The page (re)started: its frame, every known message and the outbox. */
  private sendEverything(): void {
    if (!this.pageReady) {
      return;
    }
    const { session } = this.env.services;
    const me = session.me;
    const room = this.room;
    this.post({
      type: 'init',
      room: { id: this.roomId, title: room?.title ?? stripPreview(this.panel.title), type: room?.type ?? 'group', isLocked: room?.isLocked },
      me: me ? { id: me.id, displayName: me.displayName, emails: me.emails } : undefined,
      status: this.status,
      error: this.error,
      mentionsOnly: this.loaded?.mentionsOnly ?? false,
      draft: this.draftStore()?.getDraft(this.roomId),
      lastRead: this.readMark !== undefined && this.readMark > 0 ? new Date(this.readMark).toISOString() : undefined,
      maxMessageBytes: MAX_MESSAGE_BYTES,
    });
    if (this.loaded?.conversation.isLoaded) {
      this.postChange(this.loaded.conversation.snapshot());
    }
    this.postOutbox();
    if (this.members) {
      this.post({ type: 'members', people: this.members });
    }
    if (this.permissions) {
      this.post(this.permissions);
    }
    this.post({ type: 'mode', preview: this.previewNow });
  }

  /** The members (the `@` list) and whether the user may post, after the first page; failures are logged. */
  private async loadMembers(room: Room, generation: number): Promise<void> {
    const result = await loadSpaceMembers(this.env.services, room);
    if (result && generation === this.generation) {
      this.members = result.people;
      this.permissions = result.permissions;
      this.post({ type: 'members', people: result.people });
      this.post(result.permissions);
    }
  }

  /** Messages first (never held up by file names), then the names of their files as they come. */
  private postChange(change: ConversationChange): void {
    const conversation = this.loaded?.conversation;
    const files = this.loaded?.files;
    this.post({
      type: 'messages',
      reset: change.reset,
      cause: change.cause,
      upsert: change.upsert.map((m) => toMessageView(m, conversation?.isContext(m.id) ?? false, files?.details)),
      remove: change.remove,
      people: change.people.map(toPersonView),
      hasOlder: change.hasOlder,
    });
    if (this.pageReady) {
      files?.track(change.upsert);
    }
  }

  private postOutbox(): void {
    const queue = this.loaded?.queue;
    this.post({
      type: 'outbox',
      items: (queue?.items() ?? []).map((e) => {
        const mustLook = queue?.mustLook(e) === true;
        return {
          localId: e.localId,
          markdown: e.markdown,
          parentId: e.parentId,
          queued: e.queued,
          state: e.state,
          error: mustLook ? LOOK_FIRST : e.error,
          mustLook: mustLook || undefined,
        };
      }),
    });
  }

  private post(message: HostMessage): void {
    if (this.env.recordPosts) {
      this.posted.push(message);
      if (this.posted.length > 1000) {
        this.posted.splice(0, this.posted.length - 1000);
      }
    }
    if (this.pageReady) {
      void this.panel.webview.postMessage(message);
    }
  }

  dispose(): void {
    this.generation++;
    this.unload();
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
    for (const listener of this.disposeListeners.splice(0)) {
      listener();
    }
  }
}

function stripPreview(title: string): string {
  return title.endsWith(PREVIEW_TITLE_SUFFIX) ? title.slice(0, -PREVIEW_TITLE_SUFFIX.length) : title;
}
