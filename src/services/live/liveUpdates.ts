/**
 * Live updates for the signed-in account: picks the source from `webex.liveUpdates` (`websocket`
 * with polling as its fallback, `poll`, or `off`), turns its events into what the user sees —
 * spaces reordered by activity, unread marks, mention/direct counts, notifications — and tells
 * open conversations about new and deleted messages (`onDidReceiveMessage`, `onDidDeleteMessage`,
 * `onDidMissEvents`).
 *
 * One device per window, reused across reloads through {@link DeviceLeases}; unregistered on
 * sign-out and when the extension stops. vscode-free: the UI wires settings, focus, storage and
 * the notifier in (src/commands/liveCommands.ts).
 */
import type { WebexClient } from '../../webex/client';
import { hasStatus } from '../../webex/errors';
import type { DeviceInfo } from '../../webex/live/devices';
import type { LiveConnectionState, LiveEvent, MessageCreatedEvent } from '../../webex/live/events';
import type { LiveTimers } from '../../webex/live/timers';
import type { FetchFunction, WebSocketConstructor } from '../../webex/runtime';
import type { Message, Person, Room } from '../../webex/types';
import { Emitter, type Event } from '../../webex/emitter';
import { DisposableStore } from '../../webex/lifecycle';
import { buildSources, type Running } from './liveSources';
import { NotificationBatcher, type NotificationRequest, type NotificationsSetting } from './notifications';
import { ReadState, type Attention } from './readState';
import type { KeyValueStorage } from '../storage/keyValueStorage';

export type LiveMode = 'websocket' | 'poll' | 'off';
export const LIVE_MODES: readonly LiveMode[] = ['websocket', 'poll', 'off'];

/** What the status shows: which way events arrive and how that is going. */
export interface LiveStatus {
  mode: 'websocket' | 'poll' | 'off';
  state: LiveConnectionState;
  reason?: string;
}

export interface LiveMessage {
  roomId: string;
  messageId: string;
  /** Fetched once here, so listeners need not fetch it again (undefined if it could not be read). */
  message?: Message;
}

export interface LiveSessionView {
  readonly client: WebexClient | undefined;
  readonly me: Person | undefined;
  readonly isBot: boolean;
  readonly account: { readonly id: string; readonly baseUrl: string } | undefined;
}

export interface LiveUpdatesOptions {
  session: LiveSessionView;
  /** The current access token, refreshed when due (never logged); undefined when signed out. */
  getToken: () => string | undefined | Promise<string | undefined>;
  /** globalState: read marks and device leases. */
  storage: KeyValueStorage;
  spaces: {
    readonly rooms: readonly Room[] | undefined;
    room(id: string): Room | undefined;
    upsertRoom(room: Room): void;
  };
  mode: () => LiveMode;
  notifications: () => NotificationsSetting;
  notify: (n: NotificationRequest) => void;
  /** The space open in the focused conversation tab, if any: its messages arrive read. */
  activeSpace: () => string | undefined;
  instanceId: string;
  device: DeviceInfo;
  /** For the catalog and device service; default the runtime's (VS Code's patched fetch in the extension host). */
  fetch?: FetchFunction;
  /** Default the runtime's global WebSocket; without one, `websocket` mode polls instead. */
  WebSocket?: WebSocketConstructor;
  /** Override of the catalog (u2c) base URL; derived from the API base when undefined. */
  catalogUrl?: () => string | undefined;
  log: (level: 'info' | 'warn', line: string) => void;
  timers?: LiveTimers;
  pollIntervals?: { focusedMs?: number; unfocusedMs?: number };
}

export class LiveUpdates {
  private readonly disposables = new DisposableStore();
  private readonly received = this.disposables.add(new Emitter<LiveMessage>());
  private readonly deleted = this.disposables.add(new Emitter<LiveMessage>());
  private readonly missed = this.disposables.add(new Emitter<void>());
  private readonly statusChanged = this.disposables.add(new Emitter<LiveStatus>());
  private readonly unreadChanged = this.disposables.add(new Emitter<void>());
  /** A message was posted in a space (by anyone, the user included). */
  readonly onDidReceiveMessage: Event<LiveMessage> = this.received.event;
  readonly onDidDeleteMessage: Event<LiveMessage> = this.deleted.event;
  /** Events may have been missed (reconnect, lost frame, truncated catch-up): reload what is shown. */
  readonly onDidMissEvents: Event<void> = this.missed.event;
  readonly onDidChangeStatus: Event<LiveStatus> = this.statusChanged.event;
  /** Read marks or mention/direct counts changed. */
  readonly onDidChangeUnread: Event<void> = this.unreadChanged.event;

  private running: Running | undefined;
  private readState: ReadState | undefined;
  private focused = true;
  private statusValue: LiveStatus = { mode: 'off', state: 'stopped' };
  private readonly newest = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private readonly batcher: NotificationBatcher;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: LiveUpdatesOptions) {
    this.batcher = new NotificationBatcher({ setting: options.notifications, show: options.notify, timers: options.timers });
  }

  get status(): LiveStatus {
    return this.statusValue;
  }

  /** True while events arrive over the websocket (open conversations can poll rarely). */
  get isRealtime(): boolean {
    return this.statusValue.mode === 'websocket' && this.statusValue.state === 'connected';
  }

  /**
   * Starts, restarts or stops to match the session and settings. Call after sign-in/out, a new
   * client (settings, proxy) and a change of `webex.liveUpdates`.
   */
  sync(): Promise<void> {
    // One after another: session events come in bursts, and a half-stopped source must not be rebuilt twice.
    const next = this.queue.then(() => this.syncNow());
    this.queue = next.catch((error: unknown) => this.options.log('warn', `Live updates: ${describe(error)}`));
    return next;
  }

  private async syncNow(): Promise<void> {
    const { session } = this.options;
    const account = session.account;
    const client = session.client;
    const mode = this.options.mode();
    const current = this.running;
    if (current && account?.id === current.accountId && client === current.client && this.modeOf(current) === mode) {
      return;
    }
    await this.stop({ unregister: current !== undefined && current.accountId !== account?.id });
    this.readState = account ? this.readStateFor(account.id) : undefined;
    this.unreadChanged.fire();
    if (!account || !client || mode === 'off') {
      this.setStatus({ mode: 'off', state: 'stopped' });
      return;
    }
    // This account's token only: after a sign-out or a switch to another account the session has no
    // (or another) token, and unregistering this account's device still needs this one, once.
    let lastToken = '';
    this.running = buildSources({
      ...this.options,
      account,
      client,
      mode,
      focused: this.focused,
      getToken: async () => {
        if (session.account?.id === account.id) {
          lastToken = (await this.options.getToken()) ?? lastToken;
        }
        return lastToken;
      },
    });
    this.running.source.onEvent((e) => void this.onEvent(e));
    this.running.source.start();
  }

  private modeOf(running: Running): LiveMode {
    return running.websocket ? 'websocket' : 'poll';
  }
  /**
   * Stops the source. With `unregister`, deletes this window's device (sign-out, account switch,
   * the extension stopping); without, releases it for reuse.
   */
  async stop({ unregister = false }: { unregister?: boolean } = {}): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.batcher.clear();
    if (!running) {
      return;
    }
    clearInterval(running.renewTimer);
    await running.source.stop();
    if (running.websocket) {
      try {
        if (unregister) {
          await running.websocket.unregister();
        } else {
          await running.leases?.release();
        }
      } catch (error) {
        // The lease stays; the next window (or reload) refreshes or replaces the device.
        this.options.log('warn', `Live updates: could not unregister the device: ${describe(error)}`);
      }
    }
    this.setStatus({ mode: 'off', state: 'stopped' });
  }

  /** Changes the poll intervals (the benchmark measures with a short one); a running poller restarts. */
  async setPollIntervals(intervals: { focusedMs?: number; unfocusedMs?: number }): Promise<void> {
    this.options.pollIntervals = { ...this.options.pollIntervals, ...intervals };
    if (this.running) {
      await this.stop();
      await this.sync();
    }
  }

  setWindowFocused(focused: boolean): void {
    this.focused = focused;
    this.running?.poll?.setFocused(focused);
  }

  /** Up to when (ms) the user has read this space, or undefined before live updates know the account. */
  lastRead(roomId: string): number | undefined {
    return this.readState?.lastRead(roomId);
  }

  isUnread(room: Pick<Room, 'id' | 'lastActivity'>): boolean {
    return this.readState?.isUnread(room) === true;
  }

  /** Spaces with unread mentions or direct messages, latest first. */
  attention(): Attention[] {
    return this.readState?.attention() ?? [];
  }

  get attentionCount(): number {
    return this.readState?.attentionCount ?? 0;
  }

  /** How many of the loaded spaces are unread. */
  unreadSpaceCount(): number {
    return (this.options.spaces.rooms ?? []).filter((r) => this.isUnread(r)).length;
  }

  /** The user looked at the space: read up to its latest known activity. */
  markRead(roomId: string): void {
    const room = this.options.spaces.room(roomId);
    const at = Math.max(time(room?.lastActivity), this.newest.get(roomId) ?? 0);
    this.readState?.markRead(roomId, at > 0 ? at : Date.now());
  }

  private readStateFor(accountId: string): ReadState {
    if (this.readState?.accountId === accountId) {
      return this.readState;
    }
    this.readState?.dispose();
    const state = new ReadState(this.options.storage, accountId);
    state.onDidChange(() => this.unreadChanged.fire());
    return state;
  }

  private async onEvent(e: LiveEvent): Promise<void> {
    const running = this.running;
    switch (e.type) {
      case 'state':
        this.setStatus({ mode: e.mode, state: e.state, reason: e.reason });
        return;
      case 'gap':
        this.missed.fire();
        return;
      case 'roomsChanged':
        if (this.options.spaces.rooms !== undefined) {
          for (const room of e.rooms) {
            this.options.spaces.upsertRoom(room);
          }
        }
        return;
      case 'messageDeleted':
        this.deleted.fire({ roomId: e.roomId, messageId: e.messageId });
        return;
      case 'messageCreated':
        if (running) {
          await this.onMessage(running, e);
        }
        return;
    }
  }

  private async onMessage(running: Running, e: MessageCreatedEvent): Promise<void> {
    const message = e.message ?? (await this.fetch(running.client, e.messageId));
    if (running !== this.running) {
      return;
    }
    if (!message) {
      this.received.fire({ roomId: e.roomId, messageId: e.messageId });
      return;
    }
    const at = time(message.created);
    this.newest.set(message.roomId, Math.max(this.newest.get(message.roomId) ?? 0, at));
    const room = await this.roomFor(running, message, at);
    const meId = this.options.session.me?.id;
    const active = this.focused && this.options.activeSpace() === message.roomId;
    if (active) {
      this.readState?.markRead(message.roomId, at);
    } else if (this.readState?.noteMessage(message, meId, room?.type ?? e.roomType) === 'unread') {
      this.batcher.offer({
        message,
        roomTitle: room?.title ?? 'a space',
        roomType: room?.type ?? e.roomType,
        meId,
        authorName: await this.authorName(running.client, message),
      });
    }
    this.received.fire({ roomId: message.roomId, messageId: message.id, message });
  }

  /** The room with its activity moved to the message (a space new to the list is fetched once). */
  private async roomFor(running: Running, message: Message, at: number): Promise<Room | undefined> {
    const { spaces } = this.options;
    const known = spaces.room(message.roomId);
    if (known) {
      if (at > time(known.lastActivity)) {
        spaces.upsertRoom({ ...known, lastActivity: message.created });
      }
      return spaces.room(message.roomId) ?? known;
    }
    try {
      const room = await running.client.rooms.get(message.roomId);
      if (spaces.rooms !== undefined) {
        spaces.upsertRoom(room);
      }
      return room;
    } catch {
      return undefined;
    }
  }

  private async fetch(client: WebexClient, messageId: string): Promise<Message | undefined> {
    try {
      return await client.messages.get(messageId);
    } catch (error) {
      // Deleted already, or (a bot) not allowed to see it: nothing to show.
      if (!hasStatus(error, 403, 404)) {
        this.options.log('warn', `Live updates: could not read a new message: ${describe(error)}`);
      }
      return undefined;
    }
  }

  private async authorName(client: WebexClient, message: Message): Promise<string | undefined> {
    const cached = this.names.get(message.personId);
    if (cached !== undefined) {
      return cached;
    }
    try {
      const person = await client.people.get(message.personId);
      if (this.names.size > 500) {
        this.names.clear();
      }
      this.names.set(message.personId, person.displayName);
      return person.displayName;
    } catch {
      return undefined;
    }
  }

  private setStatus(status: LiveStatus): void {
    const s = this.statusValue;
    if (s.mode === status.mode && s.state === status.state && s.reason === status.reason) {
      return;
    }
    this.statusValue = status;
    this.statusChanged.fire(status);
  }

  /** Stops and unregisters (the extension is going away); resolves when done or failed. */
  async dispose(): Promise<void> {
    await this.stop({ unregister: true });
    this.readState?.dispose();
    this.disposables.dispose();
  }
}

function time(iso: string | undefined): number {
  const t = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
